import Glibc

/// A failed system call: which call, on what, and errno with its text.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var call: String
    public var errno: Int32
    /// What the call was about (a path, a descriptor), for the message.
    public var subject: String?

    public init(_ call: String, errno: Int32, subject: String? = nil) {
        self.call = call
        self.errno = errno
        self.subject = subject
    }

    public var description: String {
        let reason = String(cString: strerror(errno))
        return subject.map { "\(call)(\($0)): \(reason)" } ?? "\(call): \(reason)"
    }
}

/// The wrapper for system calls whose failure the caller must handle (the habit of SwiftNIO's `System.swift`):
/// sockets, descriptors, files and pipes the daemon sets up or serves on. It retries on EINTR, turns -1 into
/// a typed `SystemError` naming the call, and treats EBADF as the bug it always is. Calls whose failure is an
/// answer rather than an error (`isatty`, the terminal's width, `poll` in the accept loop, best-effort
/// `shutdown`, `close` and reads of `/proc`) check their result where they are made.
@discardableResult
public func syscall<T: FixedWidthInteger>(_ name: String, subject: String? = nil, _ body: () -> T) throws(SystemError) -> T {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = errno
        if code == EINTR { continue }
        precondition(code != EBADF, "\(name) on a bad file descriptor: a bug in descriptor ownership")
        throw SystemError(name, errno: code, subject: subject)
    }
}
