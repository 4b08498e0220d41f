import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `opportunities.list`: the internal job market, open to every employee.
enum OpportunitiesList {
    static let method = MethodDefinition(
        name: "opportunities.list", summary: "List internal opportunities (every known caller: the internal market is open).",
        description: "Open ones by default (`status: all` for every one), oldest first, filtered by role and kind.",
        params: [
            MethodDefinition.Parameter("status", Schema.enumeration(OpportunityRecord.Status.allCases.map(\.rawValue) + ["all"]), "open (default), filled, closed or all"),
            MethodDefinition.Parameter("role", Schema.string, "only this role"),
            MethodDefinition.Parameter("kind", Schema.enumeration(OpportunityRecord.Kind.allCases.map(\.rawValue)), "position or secondment"),
            MethodDefinition.Parameter("limit", Schema.integer(minimum: 1, maximum: Paging.maximumLimit), "items per page (default \(Paging.defaultLimit))"),
            MethodDefinition.Parameter("cursor", Schema.string, "the nextCursor of the previous page"),
        ],
        resultName: "page", resultSchema: Schema.ref("Page"), errors: [.forbidden],
        example: .init(
            params: .object([("kind", "secondment")]),
            result: .object([
                ("items", .array([.object([("id", 3), ("role", "data-engineer"), ("kind", "secondment"), ("status", "open"), ("seatsLeft", 1)])])),
                ("total", 1), ("nextCursor", .null),
            ])),
        access: .known
    ) { context, params in
        var status: OpportunityRecord.Status? = .open
        if let field = try params.optional("status") {
            status = try field.string() == "all" ? nil : try field.choice(OpportunityRecord.Status.self)
        }
        let page = try Paging.read(params)
        var cursor: Int64?
        if let text = page.cursor {
            guard let parsed = Int64(text), parsed > 0 else { throw JSONFieldError(path: "cursor", message: "is not a cursor this method gave, got \"\(text)\"") }
            cursor = parsed
        }
        let result = try context.store.opportunities(
            status: status, role: try params.optional("role")?.string(), kind: try params.optional("kind")?.choice(OpportunityRecord.Kind.self),
            limit: page.limit, after: cursor)
        return .object([
            ("items", .array(result.items.map(\.json))), ("total", .int(result.total)),
            ("nextCursor", result.hasMore ? result.items.last.map { .string(String($0.id)) } ?? .null : .null),
        ])
    }
}
