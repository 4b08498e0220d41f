import Foundation
import SystemSupport

/// The open connections: who holds how many, so that no one user can take every slot, and so that a stop
/// can wake them and wait for them.
///
/// `@unchecked Sendable`: all state is behind `lock`; `finished` is signalled each time a connection ends.
final class ConnectionRegistry: @unchecked Sendable {
    /// Which limits a caller's connections count against.
    enum Standing: Equatable {
        /// Administrators and services: never held to a per-user cap, and a reserve above the global limit
        /// is theirs alone, so an operator can always get in to see what is wrong.
        case operations
        /// A user the organisation knows.
        case employee
        /// A local user who is not in the organisation: a small cap.
        case stranger
    }

    struct Limits: Equatable {
        var total: Int
        var perEmployee: Int
        var perStranger: Int
        /// Connections above `total` that only operators may use.
        var operatorReserve: Int
    }

    enum Admission: Equatable {
        case admitted
        /// Refused, with the reason to tell the caller.
        case refused(String)
        /// The daemon is draining before it stops: the client should retry once a new one is up.
        case stopping
    }

    private let lock = NSCondition()
    private var sockets: [ObjectIdentifier: (socket: UnixSocket, uid: UInt32)] = [:]
    private var perUser: [UInt32: Int] = [:]
    private var draining = false

    var count: Int { lock.withLock { sockets.count } }

    /// Registers a new connection if its caller may have one more.
    func add(_ socket: UnixSocket, uid: UInt32, standing: Standing, limits: Limits) -> Admission {
        lock.withLock {
            guard !draining else { return .stopping }
            let held = perUser[uid, default: 0]
            switch standing {
            case .operations:
                guard sockets.count < limits.total + limits.operatorReserve else {
                    return .refused("too many connections (limit \(limits.total), and the operators' reserve is in use too); try again shortly")
                }
            case .employee:
                guard sockets.count < limits.total else { return .refused("too many connections (limit \(limits.total)); try again shortly") }
                guard held < limits.perEmployee else {
                    return .refused("you already hold \(held) connections, the most one user may (max_connections_per_user); close one first")
                }
            case .stranger:
                guard sockets.count < limits.total else { return .refused("too many connections (limit \(limits.total)); try again shortly") }
                guard held < limits.perStranger else {
                    return .refused("you already hold \(held) connections, the most a user outside the organisation may (max_connections_per_stranger)")
                }
            }
            sockets[ObjectIdentifier(socket)] = (socket, uid)
            perUser[uid] = held + 1
            return .admitted
        }
    }

    /// Forgets a connection that ended; returns whether it was the last one open.
    @discardableResult
    func remove(_ socket: UnixSocket) -> Bool {
        lock.withLock {
            if let entry = sockets.removeValue(forKey: ObjectIdentifier(socket)) {
                let left = perUser[entry.uid, default: 1] - 1
                perUser[entry.uid] = left > 0 ? left : nil
            }
            lock.broadcast()
            return sockets.isEmpty
        }
    }

    /// Stops reading from every connection: idle ones end at once, busy ones after their current reply.
    func beginDrain() {
        lock.withLock {
            draining = true
            for entry in sockets.values { entry.socket.shutdownReading() }
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
            for entry in sockets.values { entry.socket.shutdownBoth() }
        }
    }
}
