import Glibc
import Locking

/// The database file the store opened, held and watched.
///
/// Deleted or replaced under a running daemon, SQLite keeps writing to the unlinked file through its open
/// descriptors: every write is acknowledged, and all of it is gone at the next start. So the store keeps a
/// descriptor of its own on the file it opened and compares it with what the path names now (`st_nlink == 0`:
/// deleted; another device or inode: replaced), before every write and on `system.health`.
///
/// The same descriptor holds an exclusive `flock`, keyed on the file itself: a hard link to a live database
/// in another folder is the same inode, so a second daemon on it is refused, where a lock on a path beside it
/// would not see it. (`flock` and SQLite's POSIX record locks do not interact on Linux.)
///
/// The descriptor is closed only when the store itself is gone: closing any descriptor of a file drops every
/// POSIX lock the process holds on it, SQLite's included, so it must outlive every transaction. Sendable: it
/// never changes.
public final class DatabaseFile: Sendable {
    public let path: String
    private let descriptor: Int32
    private let device: UInt64
    private let inode: UInt64
    /// The last check's answer and when it was made (monotonic nanoseconds), for `recentProblem`.
    private let lastCheck = Locked<(problem: String?, at: UInt64)?>(nil)

    /// Opens `path` (which must exist), records its identity and takes the lock, or says who holds it.
    init(path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError(.database, "cannot open the database \(path): \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw StoreError(.database, "cannot read the database \(path): \(reason)")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError(.database, "another skillpathd is using the database \(path) (the same file, perhaps through a hard link or another path); stop it first")
        }
        self.path = path
        self.descriptor = descriptor
        self.device = UInt64(status.st_dev)
        self.inode = UInt64(status.st_ino)
    }

    deinit {
        close(descriptor)
    }

    /// Why the path no longer leads to the file this store writes, or nil while it does: checked now.
    public var problem: String? {
        let found = check()
        lastCheck.withLock { $0 = (found, MonotonicTime.nanoseconds()) }
        return found
    }

    /// `problem` as checked within the last second, or checked now: for `system.health`, which a load
    /// balancer may call thousands of times a second, where a path lookup per call was 6% of the daemon's
    /// time. Writes never use it: each checks the file itself, so nothing is acknowledged into a deleted file.
    public var recentProblem: String? {
        let now = MonotonicTime.nanoseconds()
        if let last = lastCheck.withLock({ $0 }), now &- last.at < 1_000_000_000 { return last.problem }
        return problem
    }

    private func check() -> String? {
        var named = stat()
        guard stat(path, &named) == 0 else {
            return "the database file \(path) was deleted while the daemon was running (\(String(cString: strerror(errno))))"
        }
        if UInt64(named.st_dev) != device || UInt64(named.st_ino) != inode {
            return "the database file \(path) was replaced by another file while the daemon was running"
        }
        var own = stat()
        if fstat(descriptor, &own) == 0, own.st_nlink == 0 {
            return "the database file \(path) was deleted while the daemon was running"
        }
        return nil
    }
}

/// CLOCK_MONOTONIC in nanoseconds: ages that a wall-clock step cannot shorten or stretch.
enum MonotonicTime {
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
