import Glibc
import Locking

/// Gives the heap's free memory back to the system after a long request.
///
/// Why: a whole-organisation question at a million people (`reports.skills`, `candidates.rank`) builds and
/// frees a gigabyte of small values. glibc keeps freed memory for reuse, so the daemon stayed at 1.8 GiB
/// resident after such a call, though 1.0 GiB was in use; `malloc_trim` hands the free pages back (measured
/// in docs/benchmarks.md). It runs after the reply is written, on the connection's own thread, and at most
/// once a second: a trim walks the heap, which costs milliseconds, not worth paying after quick requests.
final class HeapTrim: Sendable {
    /// Requests at least this long trim after their reply.
    static let afterSeconds = 0.25
    private let last = Locked<ContinuousClock.Instant?>(nil)
    /// glibc's `malloc_trim`, found at run time: Swift's Glibc module does not import `<malloc.h>`. Nil on a C
    /// library without it, where nothing is trimmed.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// Whether this C library can trim (glibc can).
    static var isAvailable: Bool { trim != nil }

    /// Trims when the request that began at `began` took long enough and no trim ran in the last second.
    func afterRequest(began: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        guard now - began >= .milliseconds(Int(Self.afterSeconds * 1_000)) else { return }
        let due = last.withLock { last -> Bool in
            if let previous = last, now - previous < .seconds(1) { return false }
            last = now
            return true
        }
        if due, let trim = Self.trim { _ = trim(0) }
    }
}
