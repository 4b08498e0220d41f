public import SkillPathCore
public import SkillPathJSON

/// `events.subscribe`: the event log as JSON-RPC notifications on this connection, as it grows.
public enum EventsSubscribe: RPCMethod {
    /// The notification that carries one event.
    public static let eventNotification = "events.event"
    /// The notification that ends a subscription that fell behind.
    public static let cutOffNotification = "events.cutOff"

    public static let description = MethodDescription(
        name: "events.subscribe", summary: "Receive the event log as notifications on this connection, from a cursor, as it grows.",
        description: """
        After the reply, every event after `after` (default: the newest now, so only new ones) that `events.list` \
        would give the caller comes as an `events.event` notification, oldest first, then each new one as it is \
        committed. Delivery is at least once: after a reconnection, subscribe again from the last id received \
        and drop ids already seen. One subscription per connection; the connection is not closed for being idle \
        while it lasts. A subscriber that stops reading (its socket still three-quarters full after \
        `event_subscriber_stall_seconds`) or falls more than `event_subscriber_max_lag` events behind gets an \
        `events.cutOff` notification with its `cursor` and the reason, and the subscription ends; writers are \
        never held up by it. docs/events.md.
        """,
        params: EventsFilter.parameters,
        resultName: "subscription", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .cursorExpired, .conflict],
        example: .init(
            params: .object([("after", 57)]),
            result: .object([("subscribed", true), ("after", 57), ("head", 57)])),
        access: .known)

    public struct Params: RPCParams, Equatable {
        public var filter: EventsFilter

        public init(filter: EventsFilter = EventsFilter()) {
            self.filter = filter
        }

        public init(json params: JSONField) throws {
            filter = try EventsFilter(json: params)
        }

        public var json: JSONValue { .object(filter.members) }
    }

    public struct Result: RPCResult {
        public var after: Int64
        public var head: Int64

        public init(after: Int64, head: Int64) {
            self.after = after
            self.head = head
        }

        public var json: JSONValue {
            .object([("subscribed", true), ("after", .int(after)), ("head", .int(head))])
        }
    }

    /// `{"jsonrpc": "2.0", "method": "events.event", "params": {event}}`.
    public static func notification(_ event: EventRecord) -> JSONValue {
        .object([("jsonrpc", "2.0"), ("method", .string(eventNotification)), ("params", event.json)])
    }

    /// The notice that ends a subscription: why, and the cursor to resume from.
    public static func cutOff(reason: String, cursor: Int64, head: Int64) -> JSONValue {
        .object([
            ("jsonrpc", "2.0"), ("method", .string(cutOffNotification)),
            ("params", .object([("code", .int(ErrorCode.subscriberCutOff.number)), ("reason", .string(reason)), ("cursor", .int(cursor)), ("head", .int(head))])),
        ])
    }
}
