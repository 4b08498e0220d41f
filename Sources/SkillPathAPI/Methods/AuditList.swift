import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `audit.list`: the audit trail, newest first (administrators).
enum AuditList {
    static let method = MethodDefinition(
        name: "audit.list", summary: "The audit trail, newest first: every write, with old and new values, and every catalog reload.",
        description: """
        Each entry is {id, at, actor, action, subject, detail}. `actor` is who asked (a login, "login for \
        employee" when a service acted for one, or SIGHUP); `detail.changed` holds {field: {from, to}} for \
        updates. Filters combine; `kind` is an action (employee.update) or a family (employee, catalog).
        """,
        params: [
            MethodDefinition.Parameter("since", Schema.date, "entries on or after this day"),
            MethodDefinition.Parameter("until", Schema.date, "entries on or before this day"),
            MethodDefinition.Parameter("actor", Schema.string, "only entries by this actor"),
            MethodDefinition.Parameter("employee", Schema.string, "only entries about this employee"),
            MethodDefinition.Parameter("kind", Schema.string, "an action or a family of actions"),
        ] + Paging.parameters,
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
        access: .admin
    ) { context, params in
        try context.requireAdmin()
        var query = AuditQuery()
        query.since = try params.optional("since")?.date()
        query.until = try params.optional("until")?.date()
        query.actor = try params.optional("actor")?.string()
        query.employee = try params.optional("employee")?.string()
        query.kind = try params.optional("kind")?.string()
        let page = try Paging.read(params)
        query.limit = page.limit
        if let text = page.cursor {
            guard let id = Int64(text), id > 0 else { throw JSONFieldError(path: "cursor", message: "is not a cursor this method gave (a positive entry id), got \"\(text)\"") }
            query.before = id
        }
        let result = try context.store.auditEntries(query)
        return .object([
            ("items", .array(result.items.map(\.json))),
            ("nextCursor", result.hasMore ? result.items.last.map { .string(String($0.id)) } ?? .null : .null),
        ])
    }
}

extension AuditEntry {
    var json: JSONValue {
        .object([
            ("id", .int(Int(id))), ("at", .string(at)), ("actor", .string(actor)), ("action", .string(action)), ("subject", .string(subject)),
            ("detail", detail),
        ])
    }
}
