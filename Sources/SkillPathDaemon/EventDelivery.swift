import SkillPathAPI
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore
import SystemSupport

/// Delivers one subscription's events as notifications, from the log itself: the backlog, then each new
/// event as its write commits (`EventSignal`). Reading from the log, not from a queue the writers fill,
/// is what keeps writers from ever waiting on a subscriber and memory flat however far one falls behind;
/// a subscriber too far behind, or not reading at all, is cut off with the cursor to resume from.
struct EventDelivery {
    let subscription: EventSubscription
    let store: OrganisationStore
    let maxLag: Int
    let stallSeconds: Double
    let logger: Logger
    /// Events read per query.
    static let batch = 512

    func run(on channel: ConnectionChannel) {
        let socket = channel.socket
        // Written in pieces of at most a quarter of the send buffer, each only once the socket has room for
        // it: a full socket never blocks this thread in a write, and there is always room for the cut-off.
        let piece = max(16_384, socket.sendBufferSize / 4)
        var cursor = subscription.after
        var pending: [UInt8] = []
        var pendingThrough = cursor
        func flush() -> Bool {
            guard !pending.isEmpty else { return true }
            guard socket.waitWritable(seconds: stallSeconds) else { return false }
            do {
                try channel.exclusively { try socket.write(pending) }
            } catch {
                return false
            }
            pending.removeAll(keepingCapacity: true)
            cursor = pendingThrough
            return true
        }
        while !channel.isStopping {
            let seen = store.eventSignal.current
            let page: EventPage
            do {
                page = try store.events(after: cursor, kinds: subscription.kinds, employee: subscription.employee, reader: subscription.reader, limit: Self.batch)
            } catch DomainError.cursorExpired(_, let oldest) {
                return cutOff("the retention pruned the log past this subscriber's cursor (to \(oldest))", cursor: cursor, head: oldest, channel: channel)
            } catch {
                logger.warning("an event subscription could not read the log", [("error", String(describing: error))])
                return cutOff("the event log could not be read: \(error)", cursor: cursor, head: cursor, channel: channel)
            }
            if page.head - cursor > Int64(maxLag) {
                return cutOff("fell \(page.head - cursor) events behind the log (at most \(maxLag))", cursor: cursor, head: page.head, channel: channel)
            }
            for event in page.events {
                pending += JSONWriter.bytes(EventsSubscribe.notification(event)) + [0x0A]
                pendingThrough = event.id
                if pending.count >= piece, !flush() { return stalled(cursor: cursor, head: page.head, channel: channel) }
            }
            pendingThrough = page.next
            guard flush() else { return stalled(cursor: cursor, head: page.head, channel: channel) }
            cursor = page.next
            if page.events.count < Self.batch { store.eventSignal.wait(after: seen, timeout: 0.5) }
        }
    }

    private func stalled(cursor: Int64, head: Int64, channel: ConnectionChannel) {
        guard !channel.isStopping else { return }
        cutOff("stopped reading: its socket stayed full for \(Int(stallSeconds)) s", cursor: cursor, head: head, channel: channel)
    }

    /// Ends the subscription with the notice that says why and where to resume; the connection stays open.
    private func cutOff(_ reason: String, cursor: Int64, head: Int64, channel: ConnectionChannel) {
        logger.info("event subscriber cut off", [("reason", reason), ("cursor", String(cursor))])
        let notice = JSONWriter.bytes(EventsSubscribe.cutOff(reason: reason, cursor: cursor, head: head)) + [0x0A]
        try? channel.exclusively { try channel.socket.write(notice) }
    }
}
