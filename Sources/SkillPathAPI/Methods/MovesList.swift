import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `moves.list`: role history, scoped like employees.
enum MovesList {
    static let method = MethodDefinition(
        name: "moves.list", summary: "List moves, newest first: one employee's, a manager's subtree's, or all the caller may see.",
        description: """
        An employee sees their own moves, a manager their subtree's, services and administrators everyone's. `from` and \
        `to` bound the move dates (inclusive). Secondment returns and conversions are moves too (`source` \
        `secondment-return`, `secondment-conversion`, with `ends` naming the secondment).
        """,
        params: [
            MethodDefinition.Parameter("employee", Schema.string, "only this employee's moves"),
            MethodDefinition.Parameter("manager", Schema.string, "only moves of people in this manager's subtree (the manager included)"),
            MethodDefinition.Parameter("from", Schema.date, "moves on or after this day"),
            MethodDefinition.Parameter("to", Schema.date, "moves on or before this day"),
            MethodDefinition.Parameter("limit", Schema.integer(minimum: 1, maximum: Paging.maximumLimit), "moves per page (default \(Paging.defaultLimit))"),
            MethodDefinition.Parameter("cursor", Schema.string, "the nextCursor of the previous page"),
        ],
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("manager", "e-002"), ("from", "2026-01-01")]),
            result: .object([
                ("items", .array([.object([
                    ("id", 7), ("employee", "e-005"), ("fromRole", "eng-mid"), ("toRole", "eng-senior"), ("kind", "promotion"), ("date", "2026-03-01"),
                ])])),
                ("total", 1), ("nextCursor", .null),
            ])),
        access: .scoped
    ) { context, params in
        let employee = try params.optional("employee")?.string()
        let manager = try params.optional("manager")?.string()
        let visibility: OrganisationStore.Visibility
        switch try context.requireKnown() {
        case .admin, .service: visibility = .everyone
        case .employee(let id): visibility = .subtree(of: id)
        case .unknown: visibility = .only("")
        }
        if let employee { try context.requireReadable(employee) }
        if let manager { try context.requireReadable(manager) }
        let page = try Paging.read(params)
        var cursor: MoveCursor?
        if let text = page.cursor {
            guard let parsed = MoveCursor(text) else { throw JSONFieldError(path: "cursor", message: "is not a cursor this method gave (expected DATE:ID), got \"\(text)\"") }
            cursor = parsed
        }
        let store = context.store
        try store.endDueSecondments(today: context.today, catalog: context.snapshot.catalog)
        let result = try store.moves(
            visible: visibility, employee: employee, manager: manager, from: try params.optional("from")?.date(), to: try params.optional("to")?.date(),
            limit: page.limit, after: cursor)
        return .object([
            ("items", .array(result.items.map(\.json))), ("total", .int(result.total)),
            ("nextCursor", result.hasMore ? result.items.last.map { .string(MoveCursor(date: $0.date, id: $0.id).description) } ?? .null : .null),
        ])
    }
}
