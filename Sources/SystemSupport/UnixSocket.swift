import Glibc

/// A stream Unix-domain socket descriptor, closed when the value is released.
///
/// Owned by one thread at a time (the connection's); `@unchecked Sendable` so that ownership can be handed
/// from the accepting thread to the connection's thread. `shutdown` may be called from any thread to wake a
/// blocked reader, which is what the drain on SIGTERM relies on.
public final class UnixSocket: @unchecked Sendable {
    public let descriptor: Int32
    private var closed = false

    public init(adopting descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        if !closed { Glibc.close(descriptor) }
    }

    /// A new listening socket bound to `path`, with the file's mode set to `mode`.
    public static func listen(path: String, mode: UInt32, backlog: Int32 = 512) throws(SystemError) -> UnixSocket {
        let address = try UnixSocketAddress(path: path)
        let socket = UnixSocket(adopting: try syscall("socket") { Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) })
        try address.call("bind", subject: path) { Glibc.bind(socket.descriptor, $0, $1) }
        if !path.hasPrefix("@") {
            try syscall("chmod", subject: path) { Glibc.chmod(path, mode) }
        }
        try syscall("listen", subject: path) { Glibc.listen(socket.descriptor, backlog) }
        return socket
    }

    /// Connects to the socket at `path`.
    public static func connect(path: String) throws(SystemError) -> UnixSocket {
        let address = try UnixSocketAddress(path: path)
        let socket = UnixSocket(adopting: try syscall("socket") { Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) })
        try address.call("connect", subject: path) { Glibc.connect(socket.descriptor, $0, $1) }
        return socket
    }

    /// Waits for a connection.
    public func accept() throws(SystemError) -> UnixSocket {
        let connection = try syscall("accept") { Glibc.accept(descriptor, nil, nil) }
        _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
        return UnixSocket(adopting: connection)
    }

    /// Reads up to `buffer.count` bytes; 0 means the peer closed (or the socket was shut down for reading).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        try syscall("read") { Glibc.read(descriptor, buffer.baseAddress, buffer.count) }
    }

    /// Writes all of `bytes`, looping over short writes.
    public func write(_ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = try syscall("write") {
                bytes.withUnsafeBytes { raw in Glibc.send(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL)) }
            }
            offset += written
        }
    }

    /// Wakes any thread blocked reading this socket (the read returns 0) without closing the descriptor.
    /// Sends end-of-file to the peer, keeping the socket open for reading.
    public func shutdownWriting() {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_WR))
    }

    public func shutdownReading() {
        Glibc.shutdown(descriptor, Int32(SHUT_RD))
    }

    public func shutdownBoth() {
        Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Gives up after `seconds` without data (the read fails with EAGAIN): the idle timeout.
    public func setReceiveTimeout(seconds: Double) throws(SystemError) {
        try setTimeout(SO_RCVTIMEO, seconds: seconds)
    }

    /// Gives up on a peer that stops reading our replies.
    public func setSendTimeout(seconds: Double) throws(SystemError) {
        try setTimeout(SO_SNDTIMEO, seconds: seconds)
    }

    private func setTimeout(_ option: Int32, seconds: Double) throws(SystemError) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        try syscall("setsockopt") { setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size)) }
    }

    /// The connected peer's process, user and group ids (SO_PEERCRED): who is calling.
    public func peerCredentials() throws(SystemError) -> PeerCredentials {
        // struct ucred {pid_t pid; uid_t uid; gid_t gid;}: Glibc hides it behind _GNU_SOURCE, so mirror it.
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout<(Int32, UInt32, UInt32)>.size)
        try syscall("getsockopt(SO_PEERCRED)") { getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) }
        return PeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid)
    }

    /// Whether the descriptor is a listening stream socket (checked on descriptors systemd hands over).
    public var isListeningStream: Bool {
        var accepting: Int32 = 0
        var type: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0 else { return false }
        length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_TYPE, &type, &length) == 0 else { return false }
        return accepting != 0 && type == Int32(SOCK_STREAM.rawValue)
    }

    public func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(descriptor)
    }
}

/// Who is on the other end of a Unix socket, as the kernel vouches.
public struct PeerCredentials: Sendable, Equatable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}

extension UnixSocket {
    /// Waits until the socket may be written without blocking, for at most `seconds`: for a Unix stream
    /// socket, until at most a quarter of its send buffer is in use. False on the timeout, or when the peer
    /// hung up.
    public func waitWritable(seconds: Double) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        let deadline = ContinuousClock.now + .milliseconds(Int(max(0, seconds) * 1000))
        while true {
            let left = deadline - ContinuousClock.now
            let milliseconds = max(0, Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            let ready = Glibc.poll(&entry, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return false }
            return entry.revents & Int16(POLLOUT) != 0 && entry.revents & Int16(POLLHUP | POLLERR) == 0
        }
    }

    /// The size of the socket's send buffer, in bytes (what the kernel holds for a peer that is not reading).
    public var sendBufferSize: Int {
        var size: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, &length) == 0 else { return 212_992 }
        return Int(size)
    }
}
