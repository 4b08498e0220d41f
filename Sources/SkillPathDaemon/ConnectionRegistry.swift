import Foundation
import SystemSupport

/// The open connections, so that a stop can wake them and wait for them.
///
/// `@unchecked Sendable`: all state is behind `lock`; `finished` is signalled each time a connection ends.
final class ConnectionRegistry: @unchecked Sendable {
    private let lock = NSCondition()
    private var sockets: [ObjectIdentifier: UnixSocket] = [:]
    private var draining = false

    var count: Int { lock.withLock { sockets.count } }

    /// Registers a new connection; false once draining, when no new connection is served.
    func add(_ socket: UnixSocket) -> Bool {
        lock.withLock {
            guard !draining else { return false }
            sockets[ObjectIdentifier(socket)] = socket
            return true
        }
    }

    func remove(_ socket: UnixSocket) {
        lock.withLock {
            sockets.removeValue(forKey: ObjectIdentifier(socket))
            lock.broadcast()
        }
    }

    /// Stops reading from every connection: idle ones end at once, busy ones after their current reply.
    func beginDrain() {
        lock.withLock {
            draining = true
            for socket in sockets.values { socket.shutdownReading() }
        }
    }

    /// Waits until every connection has ended or `timeout` seconds pass; returns how many are left.
    func waitUntilEmpty(timeout: Double) -> Int {
        let deadline = Date(timeIntervalSinceNow: timeout)
        lock.lock()
        defer { lock.unlock() }
        while !sockets.isEmpty {
            if !lock.wait(until: deadline) { break }
        }
        return sockets.count
    }

    /// Closes whatever is left after the grace period.
    func abortRemaining() {
        lock.withLock {
            for socket in sockets.values { socket.shutdownBoth() }
        }
    }
}
