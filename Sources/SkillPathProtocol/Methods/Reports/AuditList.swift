public import SkillPathCore
public import SkillPathJSON

/// `audit.list`: the audit trail, newest first (administrators).
public enum AuditList: RPCMethod {
    public static let description = MethodDescription(
        name: "audit.list", summary: "The audit trail, newest first: every write, with old and new values, and every catalog reload.",
        description: """
        Each entry is {id, at, actor, action, subject, detail}. `actor` is who asked (a login, "login for \
        employee" when a service acted for one, or SIGHUP); `detail.changed` holds {field: {from, to}} for \
        updates. Filters combine; `kind` is an action (employee.update) or a family (employee, catalog).
        """,
        params: [
            MethodDescription.Parameter("since", Schema.date, "entries on or after this day"),
            MethodDescription.Parameter("until", Schema.date, "entries on or before this day"),
            MethodDescription.Parameter("by", Schema.string, "only entries by this actor (a login, 'login for employee', SIGHUP)"),
            MethodDescription.Parameter("employee", Schema.string, "only entries about this employee"),
            MethodDescription.Parameter("kind", Schema.string, "an action or a family of actions"),
        ] + PageRequest.parameters,
        resultName: "page", resultSchema: Schema.ref("Page"),
        errors: [.forbidden],
        example: .init(
            params: .object([("employee", "e-005"), ("limit", 1)]),
            result: .object([
                ("items", .array([.object([
                    ("id", 42), ("at", "2026-11-30T09:15:00Z"), ("actor", "alan"), ("action", "employee.update"), ("subject", "e-005"),
                    ("detail", .object([("changed", .object([("role", .object([("from", "eng-mid"), ("to", "eng-senior")]))]))])),
                ])])),
                ("nextCursor", "42"),
            ])),
        access: .admin)

    public struct Params: RPCParams, Equatable {
        public var since: CalendarDate?
        public var until: CalendarDate?
        /// Only entries by this actor.
        public var by: String?
        public var employee: String?
        public var kind: String?
        public var page: PageRequest

        public init(since: CalendarDate? = nil, until: CalendarDate? = nil, by: String? = nil, employee: String? = nil, kind: String? = nil, page: PageRequest = PageRequest()) {
            self.since = since
            self.until = until
            self.by = by
            self.employee = employee
            self.kind = kind
            self.page = page
        }

        public init(json params: JSONField) throws {
            since = try params.optional("since")?.date()
            until = try params.optional("until")?.date()
            by = try params.optional("by")?.string()
            employee = try params.optional("employee")?.string()
            kind = try params.optional("kind")?.string()
            page = try PageRequest(json: params)
        }

        public var json: JSONValue {
            .object([
                ("since", since.map { .string($0.description) }), ("until", until.map { .string($0.description) }), ("by", by.map(JSONValue.string)),
                ("employee", employee.map(JSONValue.string)), ("kind", kind.map(JSONValue.string)),
            ] + page.members)
        }
    }

    public typealias Result = Page<AuditEntry>
}
