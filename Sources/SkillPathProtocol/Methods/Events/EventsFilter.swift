public import SkillPathCore
public import SkillPathJSON

/// What `events.list` and `events.subscribe` share: where to read from and which events.
public struct EventsFilter: Sendable, Equatable {
    /// Events after this cursor (an event id; 0: from the oldest kept). nil: the method's default.
    public var after: Int64?
    /// Only these types (all when empty).
    public var kinds: [EventRecord.Kind]
    /// Only events about this employee.
    public var employee: String?

    public init(after: Int64? = nil, kinds: [EventRecord.Kind] = [], employee: String? = nil) {
        self.after = after
        self.kinds = kinds
        self.employee = employee
    }

    static let parameters = [
        MethodDescription.Parameter("after", Schema.integer(minimum: 0), "the cursor: events after this id"),
        MethodDescription.Parameter("types", Schema.array(Schema.enumeration(EventRecord.Kind.allCases.map(\.rawValue))), "only these types"),
        MethodDescription.Parameter("employee", Schema.string, "only events about this employee"),
    ]

    init(json params: JSONField) throws(JSONFieldError) {
        if let field = try params.optional("after") { after = Int64(try field.int(in: 0...Int.max)) }
        kinds = []
        if let field = try params.optional("types") {
            let items = try field.array()
            guard !items.isEmpty else { throw JSONFieldError(path: field.path, message: "is empty; leave it out for every type") }
            for item in items {
                let kind = try item.choice(EventRecord.Kind.self)
                if !kinds.contains(kind) { kinds.append(kind) }
            }
        }
        employee = try params.optional("employee")?.string()
    }

    var members: [(String, JSONValue?)] {
        [("after", after.map(JSONValue.int)), ("types", kinds.isEmpty ? nil : .strings(kinds.map(\.rawValue))), ("employee", employee.map(JSONValue.string))]
    }
}

extension EventRecord {
    /// `{id, type, at, employee?, data}`: an event as `events.list` lists it and `events.subscribe` sends it.
    public var json: JSONValue {
        .object([("id", .int(id)), ("type", .string(kind.rawValue)), ("at", .string(at)), ("employee", employee.map(JSONValue.string)), ("data", data)])
    }
}
