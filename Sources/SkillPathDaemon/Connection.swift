import Foundation
import JSONRPC
import SkillPathAPI
import SkillPathCore
import SkillPathJSON
import SystemSupport

/// One client connection, served on its own thread with blocking reads and writes.
///
/// A thread per connection keeps a slow or stalled client from delaying anyone else: it only ever blocks its
/// own thread, and the idle and send timeouts bound how long. Messages are lines; each reply is written
/// before the next line is read, so replies come back in request order. An event subscription
/// (`events.subscribe`) delivers on a thread of its own, sharing the socket through `channel`.
struct Connection {
    let socket: UnixSocket
    let caller: Caller
    let service: Daemon
    let logger: Logger
    let channel: ConnectionChannel

    init(socket: UnixSocket, caller: Caller, service: Daemon, logger: Logger) {
        self.socket = socket
        self.caller = caller
        self.service = service
        self.logger = logger
        channel = ConnectionChannel(socket: socket)
    }

    func serve() {
        defer { channel.stop() }
        let configuration = service.configuration
        do {
            try socket.setSendTimeout(seconds: 30)
        } catch {
            logger.warning("cannot set socket timeouts", [("error", error.description)])
        }
        logger.debug("connection opened", [("caller", caller.label)])
        var framer = LineFramer(maximumLineLength: configuration.maxMessageBytes)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { buffer.deallocate() }
        var clock = ConnectionClock(idleTimeout: configuration.idleTimeout, requestTimeout: configuration.requestTimeout)
        // The receive timeout the socket has now. Setting it is a system call, and between messages the time
        // left is the same to within microseconds, so it is set again only when it moves by more than
        // `ConnectionClock.resolution` (a deadline may then be overshot by at most that much).
        var armed = -1.0
        serving: while true {
            // Answer every complete line already received, then read more. A blank line is no message: it
            // neither gets a reply nor counts as activity, so a trickle of newlines cannot hold a connection.
            lines: while true {
                switch framer.next() {
                case .line(let line):
                    guard !line.isEmpty else { continue }
                    guard respond(to: line, caller: caller) else { break serving }
                    clock.answered()
                    channel.startPending { subscription in
                        EventDelivery(
                            subscription: subscription, store: service.store, fanOut: service.eventFanOut, maxLag: configuration.eventSubscriberMaxLag,
                            stallSeconds: configuration.eventSubscriberStallSeconds, logger: logger)
                    }
                case .needMoreData:
                    break lines
                case .tooLong:
                    reject(tooLong: configuration.maxMessageBytes)
                    break serving
                }
            }
            switch clock.wait(partialMessage: framer.hasPartialLine) {
            case .read(let seconds):
                if abs(seconds - armed) > ConnectionClock.resolution {
                    try? socket.setReceiveTimeout(seconds: seconds)
                    armed = seconds
                }
            case .idle:
                // A subscriber listens: the events it is sent are the activity.
                if channel.isDelivering {
                    clock.answered()
                    continue
                }
                logger.debug("connection idle too long; closing", [("caller", caller.label)])
                break serving
            case .slow:
                rejectSlow(configuration.requestTimeout)
                break serving
            }
            let count: Int
            do {
                count = try socket.read(into: buffer)
            } catch {
                // A timeout: the next turn of the loop finds the deadline passed and says which one.
                if error.errno == EAGAIN || error.errno == EWOULDBLOCK { continue }
                if error.errno != ECONNRESET { logger.debug("read failed", [("error", error.description)]) }
                break
            }
            if count == 0 { break }
            framer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        logger.debug("connection closed", [("caller", caller.label)])
    }

    /// A message that did not finish arriving within the request timeout: say so, then hang up.
    private func rejectSlow(_ timeout: Double) {
        socket.refuseAndHangUp(.slowMessage(Int(timeout)))
        logger.info("slow message; connection closed", [("caller", caller.label), ("timeout_s", String(Int(timeout)))])
    }

    /// Handles one message and writes the reply; false when the client has gone away.
    private func respond(to line: [UInt8], caller: Caller) -> Bool {
        // A message taken up after the stop began (pipelined behind the one in progress) is not started: each
        // request in it learns why and can be sent again to the next daemon. One already started, a batch
        // included, finishes.
        let stopping = service.isDraining
        let began = ContinuousClock.now
        service.busy.add(1, ordering: .relaxed)
        defer {
            service.busy.subtract(1, ordering: .relaxed)
            service.heapTrim.afterRequest(began: began)
        }
        do {
            try service.messageGate.run(for: caller.uid, size: line.count) {
                // The whole reply is written as the socket's one writer: a batch's reply goes out in pieces, and
                // no event notification may land between two of them.
                try channel.exclusively {
                    try JSONRPCProcessor.answer(line, limits: service.replyLimits, handle: { request in
                        guard !stopping else {
                            return .failure(APIError.rpcError(for: ConnectionRefusal.stopping))
                        }
                        var context = service.context(for: caller)
                        context.channel = channel
                        return service.dispatcher.handle(request, context: context)
                    }, write: { [socket] bytes in try socket.write(bytes) })
                }
            }
            return true
        } catch {
            logger.debug("client went away before its reply", [("error", String(describing: error))])
            return false
        }
    }

    /// A line over the limit cannot be told apart from the next message: answer once, then hang up.
    private func reject(tooLong limit: Int) {
        socket.refuseAndHangUp(.messageTooLarge(limit))
        logger.warning("message too large; connection closed", [("limit", String(limit))])
    }
}
