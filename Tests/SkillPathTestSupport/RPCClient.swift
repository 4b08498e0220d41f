import Foundation
import Glibc
public import SkillPathJSON

/// A raw JSON-RPC client over a Unix socket, written against the socket API directly (not the product's
/// socket code), so the tests exercise the daemon from the outside as any client would.
public final class RPCClient {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var nextID = 1

    public init(socketPath: String, timeout: Double = 30) throws {
        descriptor = try Self.connected(to: socketPath, timeout: timeout)
    }

    /// A socket connected to `path`, or an error with the socket already closed. Connecting before `self`
    /// is initialised matters: a class whose initialiser throws after setting every property still runs
    /// `deinit`, which would close the descriptor a second time, and by then the number may belong to a pipe
    /// another test just opened (seen as "Bad file descriptor" from posix_spawn while a daemon starts).
    private static func connected(to path: String, timeout: Double) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ClientError("socket() failed: \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw ClientError("connect(\(path)) failed: \(String(cString: strerror(code)))")
        }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    deinit { close(descriptor) }

    public struct ClientError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Sends raw bytes exactly as given.
    public func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw ClientError("send failed: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    public func send(_ line: String) throws {
        try send(bytes: Array((line + "\n").utf8))
    }

    /// The next line from the daemon, or nil when it closed the connection.
    public func readLine() throws -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return nil }
            guard count > 0 else { throw ClientError("recv failed: \(String(cString: strerror(errno)))") }
            pending.append(contentsOf: buffer[0..<count])
        }
    }

    /// Whether the daemon has sent something not yet read (without waiting for it).
    public var hasReplyWaiting: Bool {
        if !pending.isEmpty { return true }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN) != 0
    }

    /// Sends a line and returns the reply line, parsed.
    public func exchange(_ line: String) throws -> JSONValue {
        try send(line)
        guard let reply = try readLine() else { throw ClientError("connection closed before a reply to \(line.prefix(80))") }
        return try JSONParser.parse(reply)
    }

    /// Calls a method by name and returns the whole response object.
    public func call(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        defer { nextID += 1 }
        let request = JSONValue.object([("jsonrpc", "2.0"), ("id", .int(nextID)), ("method", .string(method)), ("params", params)])
        return try exchange(JSONWriter.string(request))
    }

    /// Calls a method and returns its result, failing the test's expectations with the error when it errs.
    public func result(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        let response = try call(method, params)
        guard let result = response["result"] else { throw ClientError("\(method) failed: \(JSONWriter.string(response))") }
        return result
    }

    public func shutdownWriting() {
        shutdown(descriptor, Int32(SHUT_WR))
    }
}
