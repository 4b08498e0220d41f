import Glibc

/// What a daemon thread is for, told to the kernel: its name (what `ps -L`, `top -H` and /proc show an
/// operator) and, for background work, a lower scheduling priority.
///
/// On Linux the nice value belongs to each thread, and `setpriority(PRIO_PROCESS, 0, …)` sets the caller's
/// own. A thread at nice 10 gets about a tenth of a core's share against one at 0 when both want the CPU,
/// and all of it when the CPU is idle: event delivery then takes only the time the requests leave, instead
/// of delaying each writer's wake-up after its fsync. Raising a nice value needs no privilege.
public enum ThreadRole {
    /// Answers requests: full priority.
    case requests
    /// Work no request waits for: nice `backgroundNice`.
    case background

    /// The nice value background threads run at.
    public static let backgroundNice: Int32 = 10

    /// Names the calling thread (the kernel keeps the first 15 bytes) and sets its priority for `self`;
    /// a refusal leaves the thread as it was. The name goes through /proc/thread-self/comm, the calling
    /// thread's own file: Glibc's `pthread_setname_np` is not visible to Swift.
    public func enter(named name: String) {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY)
        if descriptor >= 0 {
            let bytes = Array(name.utf8.prefix(15))
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        if self == .background {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.backgroundNice)
        }
    }
}
