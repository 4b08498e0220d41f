import Locking

/// Wakes the event log's readers when events were committed: a generation number that each commit with
/// events moves on. Writers only bump it (never wait for a reader), so a slow subscriber cannot slow a write.
public final class EventSignal: Sendable {
    private let generation = Locked<UInt64>(0)

    init() {}

    /// The generation now: read it before reading the log, then wait for a later one.
    public var current: UInt64 { generation.withLock { $0 } }

    func advance() {
        generation.withLock(waking: .all) { $0 &+= 1 }
    }

    /// Waits until the generation moves past `seen`, or `timeout` seconds pass; returns the generation.
    @discardableResult
    public func wait(after seen: UInt64, timeout: Double) -> UInt64 {
        generation.withLock(when: { $0 != seen }, timeout: timeout) { $0 } ?? seen
    }
}
