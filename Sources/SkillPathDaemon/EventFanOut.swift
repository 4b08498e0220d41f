import Foundation
import Locking
import SkillPathCore
import SkillPathStore
import SystemSupport

/// The newest events, read from the log once and kept as ready notification lines for every subscriber
/// who sees every event (administrators, services: the LMS front-ends), so that sixteen of them cost one read
/// of the log and one encoding per event, not sixteen. A subscriber behind the window reads the log itself.
///
/// One thread follows the log while someone subscribes (and costs nothing otherwise); subscribers take
/// lines under the lock and write them outside it.
final class EventFanOut: Sendable {
    /// Events kept: at 10,000 events a second, a few seconds' worth.
    static let capacity = 65_536

    private struct Window: Sendable {
        var lines: [EventLine] = []
        /// Every event up to this id is in `lines` (or was before the window, or is not in the log).
        var through: Int64 = 0
        /// The id before the first line kept: a cursor at or after it can be served from the window.
        var start: Int64 = 0
        var stopping = false
        /// Subscribers taking from the window: the thread follows the log only while there are some.
        var subscribers = 0
    }

    private let window = Locked(Window())
    private let store: OrganisationStore
    private let logger: Logger

    init(store: OrganisationStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Starts the thread that follows the log while there are subscribers, until `stop`.
    func start() {
        let thread = Thread { [self] in
            ThreadRole.background.enter(named: "skillpathd-fan")
            follow()
        }
        thread.start()
    }

    func stop() {
        window.withLock(waking: .all) { $0.stopping = true }
    }

    /// A subscriber starts (`join`) or stops (`leave`) taking from the window.
    func join() { window.withLock(waking: .all) { $0.subscribers += 1 } }
    func leave() { window.withLock(waking: .all) { $0.subscribers -= 1 } }

    private func follow() {
        // Idle without subscribers; back from idle, the window starts again at the log's head (a subscriber
        // behind it reads the log until it catches up).
        while window.withLock(when: { $0.subscribers > 0 || $0.stopping }, { !$0.stopping }) == true {
            let head = (try? store.eventLogBounds().head) ?? 0
            window.withLock(waking: .all) { $0.lines = []; $0.start = head; $0.through = head }
            followWhileSubscribed(from: head)
        }
    }

    private func followWhileSubscribed(from head: Int64) {
        var cursor = head
        while window.withLock({ $0.subscribers > 0 && !$0.stopping }) {
            let seen = store.eventSignal.current
            do {
                let page = try store.eventLines(after: cursor, limit: 2_048)
                cursor = page.next
                window.withLock(waking: .all) { window in
                    window.lines += page.lines
                    // Trimmed back to the capacity once it holds twice as much: one move per many pages.
                    if window.lines.count > 2 * Self.capacity {
                        let dropped = window.lines.count - Self.capacity
                        window.start = window.lines[dropped - 1].id
                        window.lines.removeFirst(dropped)
                    }
                    window.through = page.next
                }
                if page.lines.count == 2_048 { continue }
                // Let the next commits gather: one read for many events (see `EventDelivery.linger`).
                if !page.lines.isEmpty { Thread.sleep(forTimeInterval: EventDelivery.linger) }
            } catch DomainError.cursorExpired(_, let oldest) {
                // Pruned past (a retention of a few events): start again after what is gone.
                cursor = oldest
                window.withLock(waking: .all) { $0.lines = []; $0.start = oldest; $0.through = oldest }
                continue
            } catch {
                logger.warning("the event fan-out could not read the log", [("error", String(describing: error))])
            }
            store.eventSignal.wait(after: seen, timeout: 1)
        }
    }

    enum Take {
        /// Lines after the cursor (maybe none, if the filter keeps none), the cursor after them, and the
        /// newest id the window holds.
        case lines([EventLine], through: Int64, head: Int64)
        /// The cursor is before the window: read the log.
        case behind
    }

    /// What the window holds after `cursor`, at most `limit` lines that pass `keep`; waits up to `timeout`
    /// seconds for something new when there is nothing yet.
    func take(after cursor: Int64, limit: Int, timeout: Double, keep: (EventLine) -> Bool) -> Take {
        let ready = window.withLock(when: { $0.through > cursor || $0.stopping || cursor < $0.start }, timeout: timeout) { window -> Take in
            guard cursor >= window.start else { return .behind }
            // Ids grow: the first line after the cursor is found by bisection.
            var low = 0
            var high = window.lines.count
            while low < high {
                let middle = (low + high) / 2
                if window.lines[middle].id <= cursor { low = middle + 1 } else { high = middle }
            }
            var taken: [EventLine] = []
            var through = window.through
            var index = low
            while index < window.lines.count {
                let line = window.lines[index]
                if keep(line) {
                    if taken.count == limit {
                        through = window.lines[index - 1].id
                        break
                    }
                    taken.append(line)
                }
                index += 1
            }
            return .lines(taken, through: through, head: window.through)
        }
        return ready ?? .lines([], through: cursor, head: cursor)
    }
}
