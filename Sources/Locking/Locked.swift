import Glibc

/// A value behind a lock: the only way to it is `withLock`, so callers cannot forget the lock.
///
/// Why not `Synchronization.Mutex`, which does the same with the compiler's help: on Linux, ThreadSanitizer
/// does not see Mutex's futex-based locking and reports every access under it as a race (Swift 6.3; a
/// four-line program shows it). A pthread mutex it does see, so `swift test --sanitize=thread` checks our
/// locking instead of crying wolf. The value must be `Sendable`, which the compiler checks.
///
/// `@unchecked Sendable`: `value` is reached only inside `withLock`, under `mutex`.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    /// Allocated, not stored inline, so that its address never changes and Swift never moves or copies it.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        self.value = value
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
