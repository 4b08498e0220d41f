import Foundation
import Locking
import SkillPathAPI
import SkillPathCore
import SystemSupport

/// What a connection's reader thread and its event delivery share: the socket's writing side, taken whole
/// by one writer at a time (a reply, however many pieces a batch's reply is written in, or a batch of
/// notifications: lines never interleave), and the subscription's state.
///
/// `@unchecked Sendable`: the socket is written only under `writing`; the rest is behind `state`.
final class ConnectionChannel: EventChannel, @unchecked Sendable {
    let socket: UnixSocket
    private let writing = Locked(())
    private let state = Locked(State())

    private struct State: Sendable {
        /// Asked for by the message being answered; started once its reply is written.
        var pending: EventSubscription?
        var delivering = false
        var stopping = false
    }

    init(socket: UnixSocket) {
        self.socket = socket
    }

    /// Runs `body` as the only writer of the socket.
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        try writing.withLock { _ in try body() }
    }

    func subscribe(_ subscription: EventSubscription) throws {
        try state.withLock { state in
            guard state.pending == nil, !state.delivering else {
                throw DomainError.conflict("this connection already has an event subscription; open another connection for a second one")
            }
            state.pending = subscription
        }
    }

    /// Whether events are being delivered: the connection is then not idle, whatever the client sends.
    var isDelivering: Bool { state.withLock { $0.delivering } }

    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Starts the subscription the last message asked for, if any, on its own thread.
    func startPending(_ makeDelivery: (EventSubscription) -> EventDelivery) {
        guard let subscription = state.withLock({ state -> EventSubscription? in
            defer { state.pending = nil }
            guard let pending = state.pending, !state.stopping else { return nil }
            state.delivering = true
            return pending
        }) else { return }
        let delivery = makeDelivery(subscription)
        let thread = Thread { [self] in
            // Delivery takes only the CPU the requests leave (see `ThreadRole`).
            ThreadRole.background.enter(named: "skillpathd-feed")
            delivery.run(on: self)
            state.withLock(waking: .all) { $0.delivering = false }
        }
        thread.start()
    }

    /// Ends delivery and waits for its thread, so that the socket outlives every use of it.
    func stop() {
        state.withLock(waking: .all) { $0.stopping = true }
        socket.shutdownWriting()
        state.withLock(when: { !$0.delivering }) { _ in }
    }
}
