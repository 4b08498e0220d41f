import Locking
import SystemSupport

/// The open connections: who holds how many, so that no one user can take every slot, and so that a stop
/// can wake them and wait for them.
///
/// Thread-safe: all state is behind one `Locked`, and a stop waits on it for the last connection to end.
final class ConnectionRegistry: Sendable {
    /// Which limits a caller's connections count against: each kind of principal has its own cap per user.
    enum Standing: Equatable {
        /// root: no per-user cap, and the operators' reserve above the global limit is always open to it.
        case root
        /// An administrator: may use the reserve, within `perAdmin`, so no one administrator can fill it.
        case admin
        /// A service account (an LMS): `perService`, never the reserve, so it cannot lock root out.
        case service
        /// A user the organisation knows.
        case employee
        /// A local user who is not in the organisation: a small cap.
        case stranger
    }

    struct Limits: Equatable {
        var total: Int
        var perEmployee: Int
        var perStranger: Int
        var perService: Int
        var perAdmin: Int
        /// Connections above `total` that only root and administrators may use.
        var operatorReserve: Int
        /// Under an address-space limit, the connections whose threads fit in it, whoever asks.
        var threads: Int?
    }

    enum Admission: Equatable {
        case admitted
        /// Refused, with the reason to tell the caller.
        case refused(String)
        /// The daemon is draining before it stops: the client should retry once a new one is up.
        case stopping
    }

    /// The open connections, by socket, and how many each user holds. The registry only shuts a socket
    /// down; its connection's own thread reads, writes and closes it.
    private struct State: Sendable {
        var sockets: [ObjectIdentifier: (socket: UnixSocket, uid: UInt32)] = [:]
        var perUser: [UInt32: Int] = [:]
        var draining = false
    }

    private let state = Locked(State())

    var count: Int { state.withLock { $0.sockets.count } }

    /// Registers a new connection if its caller may have one more.
    func add(_ socket: UnixSocket, uid: UInt32, standing: Standing, limits: Limits) -> Admission {
        state.withLock { state in
            guard !state.draining else { return .stopping }
            let held = state.perUser[uid, default: 0]
            if let refusal = Self.refusal(open: state.sockets.count, held: held, standing: standing, limits: limits) { return .refused(refusal) }
            state.sockets[ObjectIdentifier(socket)] = (socket, uid)
            state.perUser[uid] = held + 1
            return .admitted
        }
    }

    /// Why a caller holding `held` connections, of `open` in all, may not have another; nil when they may.
    private static func refusal(open: Int, held: Int, standing: Standing, limits: Limits) -> String? {
        if let threads = limits.threads, open >= threads {
            return "too many connections for the daemon's address-space limit (\(threads) fit in it); try again shortly"
        }
        let reserveFull = "too many connections (limit \(limits.total), and the operators' reserve is in use too); try again shortly"
        let full = "too many connections (limit \(limits.total)); try again shortly"
        func perUser(_ cap: Int, _ who: String, _ key: String) -> String? {
            held < cap ? nil : "you already hold \(held) connections, the most \(who) may (\(key)); close one first"
        }
        switch standing {
        case .root:
            return open < limits.total + limits.operatorReserve ? nil : reserveFull
        case .admin:
            guard open < limits.total + limits.operatorReserve else { return reserveFull }
            return perUser(limits.perAdmin, "one administrator", "max_connections_per_admin")
        case .service:
            guard open < limits.total else { return full }
            return perUser(limits.perService, "one service account", "max_connections_per_service")
        case .employee:
            guard open < limits.total else { return full }
            return perUser(limits.perEmployee, "one user", "max_connections_per_user")
        case .stranger:
            guard open < limits.total else { return full }
            return perUser(limits.perStranger, "a user outside the organisation", "max_connections_per_stranger")
        }
    }

    /// Forgets a connection that ended; returns whether it was the last one open.
    @discardableResult
    func remove(_ socket: UnixSocket) -> Bool {
        state.withLock(waking: .all) { state in
            if let entry = state.sockets.removeValue(forKey: ObjectIdentifier(socket)) {
                let left = state.perUser[entry.uid, default: 1] - 1
                state.perUser[entry.uid] = left > 0 ? left : nil
            }
            return state.sockets.isEmpty
        }
    }

    /// Stops reading from every connection: idle ones end at once, busy ones after their current reply.
    func beginDrain() {
        state.withLock { state in
            state.draining = true
            for entry in state.sockets.values { entry.socket.shutdownReading() }
        }
    }

    /// Waits until every connection has ended or `timeout` seconds pass; returns how many are left.
    func waitUntilEmpty(timeout: Double) -> Int {
        state.withLock(when: { $0.sockets.isEmpty }, timeout: timeout) { _ in 0 } ?? count
    }

    /// Closes whatever is left after the grace period.
    func abortRemaining() {
        state.withLock { state in
            for entry in state.sockets.values { entry.socket.shutdownBoth() }
        }
    }
}
