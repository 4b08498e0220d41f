import Locking

/// How many messages are answered at once: per user, and (under an address-space limit) overall.
///
/// A message can cost far more memory than its size while it is answered (a 1 MiB array of zeros parses to
/// about 20 MiB of values), so a user holding many connections could multiply that by every one of them.
/// Past `perUser`, a connection of that user waits, holding only the line it read, until one of the user's
/// other messages is answered: each user has their own count, and nobody waits for anyone else. `overall`
/// is only set when the process has an address-space limit (`AddressSpaceBudget`).
final class MessageGate: Sendable {
    let perUser: Int
    let overall: Int?
    private let busy = Locked(Counts())

    private struct Counts {
        var byUser: [UInt32: Int] = [:]
        var total = 0
    }

    init(perUser: Int, overall: Int? = nil) {
        self.perUser = perUser
        self.overall = overall
    }

    /// Runs `body` once fewer than `perUser` of `uid`'s messages (and fewer than `overall` in all) are being
    /// answered.
    func run<Result>(for uid: UInt32, _ body: () throws -> Result) rethrows -> Result {
        busy.wait { counts -> Bool? in
            let held = counts.byUser[uid, default: 0]
            guard held < perUser, counts.total < overall ?? .max else { return nil }
            counts.byUser[uid] = held + 1
            counts.total += 1
            return true
        }
        defer {
            busy.withLock(waking: .all) { counts in
                let left = counts.byUser[uid, default: 1] - 1
                counts.byUser[uid] = left > 0 ? left : nil
                counts.total -= 1
            }
        }
        return try body()
    }
}
