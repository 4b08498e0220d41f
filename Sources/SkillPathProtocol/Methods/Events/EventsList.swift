public import SkillPathCore
public import SkillPathJSON

/// `events.list`: a page of the event log from a cursor.
public enum EventsList: RPCMethod {
    public static let defaultLimit = 100
    public static let maximumLimit = 1000

    public static let description = MethodDescription(
        name: "events.list", summary: "A page of the event log after a cursor: what changed, for an LMS or portal that should not poll.",
        description: """
        The events after `after` (default 0: from the oldest kept), oldest first, that the caller may see: \
        administrators and services every one; an employee those about themself, their subtree (a confidential \
        application only once shortlisted), the openings they hire for, and the ones about nobody in particular \
        (the catalog, the internal market). `next` is the cursor to read on from; `hasMore` says whether more \
        are there now. A cursor the retention pruned past gets -32015 `cursor-expired` with the oldest cursor \
        still valid. docs/events.md lists every type and its data.
        """,
        params: EventsFilter.parameters + [
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "events (default \(defaultLimit))"),
        ],
        resultName: "page", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .cursorExpired, .conflict],
        example: .init(
            params: .object([("after", 41), ("types", .strings(["progress.recorded"])), ("limit", 1)]),
            result: .object([
                ("events", .array([.object([
                    ("id", 42), ("type", "progress.recorded"), ("at", "2026-12-07T09:30:00Z"), ("employee", "e-010"),
                    ("data", .object([("course", "sql-201"), ("status", "completed"), ("at", "2026-12-07"), ("assignments", .array([.int(3)]))])),
                ])])),
                ("next", 42), ("head", 57), ("hasMore", true),
            ])),
        access: .known)

    public struct Params: RPCParams, Equatable {
        public var filter: EventsFilter
        public var limit: Int

        public init(filter: EventsFilter = EventsFilter(), limit: Int = defaultLimit) {
            self.filter = filter
            self.limit = limit
        }

        public init(json params: JSONField) throws {
            filter = try EventsFilter(json: params)
            limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? defaultLimit
        }

        public var json: JSONValue {
            .object(filter.members + [("limit", limit == defaultLimit ? nil : .int(limit))])
        }
    }

    public struct Result: RPCResult {
        public var events: [EventRecord]
        public var next: Int64
        public var head: Int64
        public var hasMore: Bool

        public init(events: [EventRecord], next: Int64, head: Int64, hasMore: Bool) {
            self.events = events
            self.next = next
            self.head = head
            self.hasMore = hasMore
        }

        public var json: JSONValue {
            .object([("events", .array(events.map(\.json))), ("next", .int(next)), ("head", .int(head)), ("hasMore", .bool(hasMore))])
        }
    }
}
