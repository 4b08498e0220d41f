import Glibc

/// A value behind a lock: the only way to it is `withLock`, so callers cannot forget the lock. It is the
/// one lock type of the project: mutual exclusion, and waiting for the value to reach a state (a queue no
/// longer empty, a result delivered), which is what a condition variable is for.
///
/// Why not `Synchronization.Mutex`, which does the same with the compiler's help: on Linux, ThreadSanitizer
/// does not see Mutex's futex-based locking and reports every access under it as a race (Swift 6.3; a
/// four-line program shows it). A pthread mutex it does see, so `swift test --sanitize=thread` checks our
/// locking instead of crying wolf. The value must be `Sendable`, which the compiler checks.
///
/// `@unchecked Sendable`: `value` is reached only inside `withLock`, under `mutex`.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    /// Allocated, not stored inline, so that their addresses never change and Swift never moves or copies them.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var value: Value

    /// Whom a change wakes among the threads waiting in `withLock(when:)`.
    public enum Wake: Sendable {
        /// One waiter: each change can satisfy only one (a reader returned to a pool).
        case one
        /// Every waiter: the change may satisfy any of them.
        case all
    }

    public init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        // Deadlines on the monotonic clock: a wall-clock step must not shorten or stretch a wait.
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        self.value = value
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }

    /// Runs `body` with the value, holding the lock, then wakes the threads waiting for a change.
    public func withLock<Result>(waking wake: Wake, _ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer {
            switch wake {
            case .one: pthread_cond_signal(condition)
            case .all: pthread_cond_broadcast(condition)
            }
            pthread_mutex_unlock(mutex)
        }
        return try body(&value)
    }

    /// Waits, without holding the lock, until `isReady` holds for the value, then runs `body` under the lock.
    /// With `timeout` (seconds), gives up at that deadline and returns nil; `body` then does not run.
    public func withLock<Result>(
        when isReady: (Value) -> Bool, timeout: Double? = nil, _ body: (inout Value) throws -> Result
    ) rethrows -> Result? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let deadline = timeout.map(Self.deadline(after:))
        while !isReady(value) {
            if var deadline {
                if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT, !isReady(value) { return nil }
            } else {
                pthread_cond_wait(condition, mutex)
            }
        }
        return try body(&value)
    }

    /// Waits, without holding the lock, until `take` (run under the lock after each change) returns a
    /// value, and returns it.
    public func wait<Taken>(for take: (inout Value) throws -> Taken?) rethrows -> Taken {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let taken = try take(&value) { return taken }
            pthread_cond_wait(condition, mutex)
        }
    }

    /// The monotonic clock `seconds` from now, as `pthread_cond_timedwait` takes it.
    private static func deadline(after seconds: Double) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let clamped = max(0, min(seconds, 1e9))
        let whole = Int(clamped)
        var nanoseconds = Int(now.tv_nsec) + Int((clamped - Double(whole)) * 1e9)
        var total = Int(now.tv_sec) + whole
        if nanoseconds >= 1_000_000_000 {
            nanoseconds -= 1_000_000_000
            total += 1
        }
        return timespec(tv_sec: total, tv_nsec: nanoseconds)
    }
}
