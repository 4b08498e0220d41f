import Locking
import SystemSupport

/// Gives the heap's free memory back to the system after a long request (`FreeMemory.release`).
///
/// Why: a whole-organisation question at a million people (`reports.skills`, `candidates.rank`) builds and
/// frees a gigabyte of small values, which glibc keeps for reuse: the daemon stayed at 1.8 GiB resident after
/// such a call, 1.0 GiB of it in use, while other connections kept it from ever reaching zero connections
/// (when it released before). It runs after the reply is written, on the connection's own thread, and at
/// most once a second: a trim walks the heap, which costs milliseconds, not worth paying after quick requests.
final class HeapTrim: Sendable {
    /// Requests at least this long release after their reply.
    static let after = Duration.milliseconds(250)
    private let last = Locked<ContinuousClock.Instant?>(nil)

    /// Releases when the request that began at `began` took long enough and no release ran in the last second.
    func afterRequest(began: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        guard now - began >= Self.after else { return }
        let due = last.withLock { last -> Bool in
            if let previous = last, now - previous < .seconds(1) { return false }
            last = now
            return true
        }
        if due { FreeMemory.release() }
    }
}
