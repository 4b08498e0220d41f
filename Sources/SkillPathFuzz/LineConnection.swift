import Glibc
import SystemSupport

/// A line-oriented client connection to the daemon with a read timeout: what the fuzzer and the model
/// test speak JSON-RPC over.
public struct LineConnection {
    public struct Closed: Error {}
    public struct TimedOut: Error {}

    let socket: UnixSocket
    var pending: [UInt8] = []
    /// How much of `pending` is known to hold no newline (so a long reply is scanned once).
    var scanned = 0

    public init(socketPath: String, timeout: Double) throws {
        socket = try UnixSocket.connect(path: socketPath)
        try socket.setReceiveTimeout(seconds: timeout)
        try socket.setSendTimeout(seconds: timeout)
    }

    public func send(_ bytes: [UInt8]) throws {
        do {
            try socket.write(bytes)
        } catch {
            if error.errno == EPIPE || error.errno == ECONNRESET { throw Closed() }
            throw error
        }
    }

    /// The next line, or nil once the daemon closed the connection.
    public mutating func readLine() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let newline = pending[scanned...].firstIndex(of: 0x0A) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                scanned = 0
                return line
            }
            scanned = pending.count
            let result: Result<Int, SystemError> = buffer.withUnsafeMutableBytes { raw in
                do throws(SystemError) { return .success(try socket.read(into: raw)) } catch { return .failure(error) }
            }
            let count: Int
            switch result {
            case .success(let read): count = read
            case .failure(let error):
                if error.errno == EAGAIN || error.errno == EWOULDBLOCK { throw TimedOut() }
                if error.errno == ECONNRESET { return nil }
                throw error
            }
            if count == 0 { return nil }
            pending += buffer[0..<count]
        }
    }
}
