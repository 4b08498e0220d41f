import Foundation
import SkillPathAPI
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore
import SystemSupport

/// Delivers one subscription's events as notifications, from the log itself: the backlog, then each new
/// event as its write commits. Reading from the log, not from a queue the writers fill, is what keeps
/// writers from ever waiting on a subscriber and memory flat however far one falls behind; a subscriber too
/// far behind, or not reading at all, is cut off with the cursor to resume from. Subscribers who see every
/// event take the newest ones from the shared window (`EventFanOut`) instead of reading the log each.
struct EventDelivery {
    let subscription: EventSubscription
    let store: OrganisationStore
    let fanOut: EventFanOut?
    let maxLag: Int
    let stallSeconds: Double
    let logger: Logger
    /// Events read per query.
    static let batch = 512
    /// After a small take, how long to let events gather before the next: under a busy log every commit
    /// would otherwise wake every subscriber for a write of a line or two (16 subscribers, a thousand
    /// commits a second: 16,000 wake-ups and writes), and each wake-up delays the writer thread's return
    /// from its fsync. 20 ms more latency; at 5 ms the writers still lost 10–15 % of their rate to 16
    /// subscribers (docs/benchmarks.md, "The event feed").
    static let linger = 0.02

    /// What one step of delivery came to.
    private enum Step {
        case next(Int64)
        case cutOff(reason: String, cursor: Int64, head: Int64)
        case gone
    }

    func run(on channel: ConnectionChannel) {
        var output = Output(channel: channel, stallSeconds: stallSeconds, from: subscription.after)
        var cursor = subscription.after
        let shared = subscription.reader == .everyone ? fanOut : nil
        shared?.join()
        defer { shared?.leave() }
        while !channel.isStopping {
            let step = shared != nil ? fromWindow(cursor, output: &output) : fromLog(cursor, output: &output)
            switch step {
            case .next(let next): cursor = next
            case .gone: return
            case .cutOff(let reason, let at, let head): return cutOff(reason, cursor: at, head: head, channel: channel)
            }
        }
    }

    /// Whether `line` passes the subscription's filters (its reader sees every event).
    private func keeps(_ line: EventLine) -> Bool {
        (subscription.kinds.isEmpty || subscription.kinds.contains(line.kind)) && (subscription.employee == nil || line.employee == subscription.employee)
    }

    private func fromWindow(_ cursor: Int64, output: inout Output) -> Step {
        guard let fanOut else { return fromLog(cursor, output: &output) }
        switch fanOut.take(after: cursor, limit: Self.batch, timeout: 0.5, keep: keeps) {
        case .behind:
            return fromLog(cursor, output: &output)
        case .lines(let lines, let through, let head):
            if head - cursor > Int64(maxLag) {
                return .cutOff(reason: "fell \(head - cursor) events behind the log (at most \(maxLag))", cursor: cursor, head: head)
            }
            for line in lines {
                guard output.add(line.bytes, through: line.id) else { return stalled(output) }
            }
            guard output.flush(through: through) else { return stalled(output) }
            if !lines.isEmpty, lines.count < Self.batch / 8 { Thread.sleep(forTimeInterval: Self.linger) }
            return .next(through)
        }
    }

    private func fromLog(_ cursor: Int64, output: inout Output) -> Step {
        let seen = store.eventSignal.current
        let page: EventPage
        do {
            page = try store.events(after: cursor, kinds: subscription.kinds, employee: subscription.employee, reader: subscription.reader, limit: Self.batch)
        } catch DomainError.cursorExpired(_, let oldest) {
            return .cutOff(reason: "the retention pruned the log past this subscriber's cursor (to \(oldest))", cursor: cursor, head: oldest)
        } catch {
            logger.warning("an event subscription could not read the log", [("error", String(describing: error))])
            return .cutOff(reason: "the event log could not be read: \(error)", cursor: cursor, head: cursor)
        }
        if page.head - cursor > Int64(maxLag) {
            return .cutOff(reason: "fell \(page.head - cursor) events behind the log (at most \(maxLag))", cursor: cursor, head: page.head)
        }
        for event in page.events {
            guard output.add(JSONWriter.bytes(EventsSubscribe.notification(event)) + [0x0A], through: event.id) else { return stalled(output) }
        }
        guard output.flush(through: page.next) else { return stalled(output) }
        if page.events.count < Self.batch, fanOut == nil || subscription.reader != .everyone { store.eventSignal.wait(after: seen, timeout: 0.5) }
        return .next(page.next)
    }

    private func stalled(_ output: Output) -> Step {
        guard !output.channel.isStopping, !output.failed else { return .gone }
        return .cutOff(reason: "stopped reading: its socket stayed full for \(Int(stallSeconds)) s", cursor: output.delivered, head: output.delivered)
    }

    /// Ends the subscription with the notice that says why and where to resume; the connection stays open.
    private func cutOff(_ reason: String, cursor: Int64, head: Int64, channel: ConnectionChannel) {
        logger.info("event subscriber cut off", [("reason", reason), ("cursor", String(cursor))])
        let notice = JSONWriter.bytes(EventsSubscribe.cutOff(reason: reason, cursor: cursor, head: head)) + [0x0A]
        try? channel.exclusively { try channel.socket.write(notice) }
    }

    /// The notifications on their way: written in pieces of at most a quarter of the send buffer, each only
    /// once the socket has room for it, so a full socket never blocks the delivery in a write and there is
    /// always room left for the cut-off notice.
    private struct Output {
        let channel: ConnectionChannel
        let stallSeconds: Double
        let piece: Int
        var pending: [UInt8] = []
        var pendingThrough: Int64 = 0
        /// The last event written to the socket.
        var delivered: Int64 = 0
        /// The socket refused a write: the client is gone.
        var failed = false

        init(channel: ConnectionChannel, stallSeconds: Double, from cursor: Int64) {
            self.channel = channel
            self.stallSeconds = stallSeconds
            delivered = cursor
            pendingThrough = cursor
            piece = max(16_384, channel.socket.sendBufferSize / 4)
        }

        /// Queues one line; false when a piece could not be written.
        mutating func add(_ line: [UInt8], through id: Int64) -> Bool {
            pending += line
            pendingThrough = id
            return pending.count < piece || flush(through: id)
        }

        /// Writes what is queued; `through` is the cursor once it is out.
        mutating func flush(through id: Int64) -> Bool {
            pendingThrough = max(pendingThrough, id)
            guard !pending.isEmpty else {
                delivered = max(delivered, pendingThrough)
                return true
            }
            guard channel.socket.waitWritable(seconds: stallSeconds) else { return false }
            do {
                try channel.exclusively { try channel.socket.write(pending) }
            } catch {
                failed = true
                return false
            }
            pending.removeAll(keepingCapacity: true)
            delivered = pendingThrough
            return true
        }
    }
}
