import Glibc

/// A `sockaddr_un` for a filesystem path or, with a leading `@`, the abstract namespace.
struct UnixSocketAddress {
    private(set) var storage = sockaddr_un()
    private(set) var length: socklen_t = 0

    /// The longest path `sun_path` holds, less its terminating zero.
    static let maximumPathLength = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    init(path: String) throws(SystemError) {
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        guard bytes.count <= Self.maximumPathLength else {
            throw SystemError("socket path too long (at most \(Self.maximumPathLength) bytes)", errno: ENAMETOOLONG, subject: path)
        }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        // A stored property always has an offset; sun_family's two bytes come before the path.
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? MemoryLayout<sa_family_t>.size
        // A filesystem path includes its terminating zero; an abstract name does not.
        length = socklen_t(pathOffset + bytes.count + (abstract ? 0 : 1))
    }

    func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// Runs a system call on the address through the `syscall` wrapper.
    func call(_ name: String, subject: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) throws(SystemError) {
        let result = withSockaddr { pointer, length in
            var outcome: Int32
            repeat { outcome = body(pointer, length) } while outcome == -1 && errno == EINTR
            return outcome == -1 ? errno : 0
        }
        if result != 0 { throw SystemError(name, errno: result, subject: subject) }
    }
}
