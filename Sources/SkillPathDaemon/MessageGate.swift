import Locking

/// How many large messages are answered at once: per user, and (under an address-space limit) overall.
///
/// A large message can cost far more memory than its size while it is answered (a 1 MiB array of zeros
/// parses to about 20 MiB of values), so a user holding many connections could multiply that by every one of
/// them. Past `perUser`, a connection of that user with a large message waits, holding only the line it
/// read, until one of the user's other large messages is answered: each user has their own count, and nobody
/// waits for anyone else. A message under `smallMessage` bytes (a plan, a health check, a progress report:
/// nearly all traffic) is never held: it cannot amplify far, and gating it would only cost latency.
/// `overall` is set only when the process has an address-space limit (`AddressSpaceBudget`); then every
/// message counts.
final class MessageGate: Sendable {
    let perUser: Int
    let overall: Int?
    /// Lines shorter than this pass without counting (unless `overall` is set).
    static let smallMessage = 16_384
    private let busy = Locked(Counts())

    private struct Counts {
        var byUser: [UInt32: Int] = [:]
        var total = 0
        /// Connections waiting for a turn: a release wakes them only when there are any.
        var waiting = 0
    }

    init(perUser: Int, overall: Int? = nil) {
        self.perUser = perUser
        self.overall = overall
    }

    /// Runs `body` for a message of `size` bytes from `uid`, once its turn has come.
    func run<Result>(for uid: UInt32, size: Int, _ body: () throws -> Result) rethrows -> Result {
        guard overall != nil || size >= Self.smallMessage else { return try body() }
        var counted = false
        _ = busy.wait { counts -> Bool? in
            let held = counts.byUser[uid, default: 0]
            guard held < perUser, counts.total < overall ?? .max else {
                if !counted { counts.waiting += 1 }
                counted = true
                return nil
            }
            if counted { counts.waiting -= 1 }
            counts.byUser[uid] = held + 1
            counts.total += 1
            return true
        }
        defer { release(uid) }
        return try body()
    }

    private func release(_ uid: UInt32) {
        let wake = busy.withLock { counts in
            let left = counts.byUser[uid, default: 1] - 1
            counts.byUser[uid] = left > 0 ? left : nil
            counts.total -= 1
            return counts.waiting > 0
        }
        if wake { busy.withLock(waking: .all) { _ in } }
    }
}
