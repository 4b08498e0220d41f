public import SkillPathCore
public import SkillPathStore

/// A subscription to the event log, as `events.subscribe` checked it: where to start, which events, and
/// whose view.
public struct EventSubscription: Sendable {
    public var after: Int64
    public var kinds: [EventRecord.Kind]
    public var employee: String?
    public var reader: EventReader
}

/// The connection a call arrived on, for what outlives its reply: an event subscription, delivered on the
/// same connection after the reply. Implemented by the daemon's connections.
public protocol EventChannel: Sendable {
    /// Starts `subscription` once the current message is answered. Throws a conflict while one is running.
    func subscribe(_ subscription: EventSubscription) throws
}
