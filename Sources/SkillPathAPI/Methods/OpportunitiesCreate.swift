import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `opportunities.create`: an open internal position or secondment.
enum OpportunitiesCreate {
    static let method = MethodDefinition(
        name: "opportunities.create", summary: "Open an internal position or secondment (administrators; managers for their own teams).",
        description: """
        A manager opens opportunities for their own team or a team below them (`manager`, default themself); an \
        administrator for anyone, or with no manager. `headcount` seats (default 1); `opens` defaults to today; a \
        secondment may say how many weeks it lasts (`durationWeeks`), which dates the return of whoever fills it.
        """,
        params: [
            MethodDefinition.Parameter("role", Schema.string, required: true, "the role to fill"),
            MethodDefinition.Parameter("kind", Schema.enumeration(OpportunityRecord.Kind.allCases.map(\.rawValue)), "position (default) or secondment"),
            MethodDefinition.Parameter("title", Schema.string, "a title for the listing (default the role's)"),
            MethodDefinition.Parameter("manager", Schema.string, "the hiring manager (default the caller, when an employee)"),
            MethodDefinition.Parameter("headcount", Schema.integer(minimum: 1, maximum: 1000), "seats (default 1)"),
            MethodDefinition.Parameter("opens", Schema.date, "the day it opens (default today)"),
            MethodDefinition.Parameter("closes", Schema.date, "the last day to apply"),
            MethodDefinition.Parameter("durationWeeks", Schema.integer(minimum: 1, maximum: 520), "a secondment's length"),
        ],
        resultName: "opportunity", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownRole, .unknownEmployee],
        example: .init(
            params: .object([("role", "data-engineer"), ("kind", "secondment"), ("manager", "e-002"), ("durationWeeks", 12)]),
            result: .object([
                ("id", 3), ("role", "data-engineer"), ("manager", "e-002"), ("kind", "secondment"), ("headcount", 1), ("seatsLeft", 1),
                ("opens", "2026-11-30"), ("durationWeeks", 12), ("status", "open"), ("fills", .array([])),
            ])),
        access: .scoped
    ) { context, params in
        var manager = try params.optional("manager")?.string()
        switch try context.requireKnown() {
        case .admin: break
        case .employee(let id):
            manager = try context.requireTeamScope(manager ?? id)
        case .service, .unknown:
            throw AccessRefusal("managers-and-admins", "opportunities.create is for managers and administrators", method: context.method)
        }
        let kind = try params.optional("kind")?.choice(OpportunityRecord.Kind.self) ?? .position
        let opens = try params.optional("opens")?.date() ?? context.today
        let closes = try params.optional("closes")?.date()
        if let closes, closes < opens { throw JSONFieldError(path: "closes", message: "is before the opportunity opens (\(opens))") }
        let weeks = try params.optional("durationWeeks")?.int(in: 1...520)
        if weeks != nil, kind != .secondment { throw JSONFieldError(path: "durationWeeks", message: "is for secondments only") }
        let role = try params.required("role").string()
        let title = try params.optional("title")?.string() ?? context.snapshot.catalog.role(role)?.title
        let new = NewOpportunity(
            role: role, title: title, manager: manager, kind: kind,
            headcount: try params.optional("headcount")?.int(in: 1...1000) ?? 1, opens: opens, closes: closes, durationWeeks: weeks)
        return try context.store.createOpportunity(new, catalog: context.snapshot.catalog, actor: context.auditActor).json
    }
}
