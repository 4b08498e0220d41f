import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `opportunities.close`: a seat filled, by an employee or from outside, or the opportunity withdrawn.
enum OpportunitiesClose {
    static let method = MethodDefinition(
        name: "opportunities.close", summary: "Fill a seat of an opportunity (an employee or external) or withdraw it (administrators; its manager and theirs).",
        description: """
        `filledBy` fills one seat with an employee and records their move to the role (a secondment ending after \
        `durationWeeks`, or a permanent move of the kind the catalog gives); `external: true` fills a seat from outside; \
        neither withdraws the opportunity. It is `filled` once every seat is. `date` defaults to today.
        """,
        params: [
            MethodDefinition.Parameter("id", Schema.integer(minimum: 1), required: true, "the opportunity"),
            MethodDefinition.Parameter("filledBy", Schema.string, "the employee who takes a seat"),
            MethodDefinition.Parameter("external", Schema.boolean, "true: a seat went to someone from outside"),
            MethodDefinition.Parameter("date", Schema.date, "the day (default today)"),
        ],
        resultName: "closed", resultSchema: Schema.object([("opportunity", .object([("type", "object")])), ("move", .object([("type", "object")]))]),
        errors: [.forbidden, .notFound, .unknownEmployee, .conflict],
        example: .init(
            params: .object([("id", 3), ("filledBy", "e-007")]),
            result: .object([
                ("opportunity", .object([("id", 3), ("status", "filled"), ("seatsLeft", 0)])),
                ("move", .object([("id", 14), ("employee", "e-007"), ("toRole", "data-engineer"), ("kind", "secondment"), ("endDate", "2027-02-22")])),
            ])),
        access: .scoped
    ) { context, params in
        let id = Int64(try params.required("id").int(in: 1...Int.max))
        let store = context.store
        guard let opportunity = try store.opportunity(id) else { throw DomainError.unknownOpportunity(id) }
        switch try context.requireKnown() {
        case .admin: break
        case .employee(let caller):
            guard let manager = opportunity.manager, try caller == manager || store.manages(caller, manager) else {
                throw AccessRefusal("manager-or-admin", "only the opportunity's manager, their managers and administrators may close it", method: context.method)
            }
        case .service, .unknown:
            throw AccessRefusal("manager-or-admin", "only the opportunity's manager, their managers and administrators may close it", method: context.method)
        }
        let filledBy = try params.optional("filledBy")?.string()
        let external = try params.optional("external")?.bool() ?? false
        if filledBy != nil && external { throw JSONFieldError(path: "external", message: "cannot be combined with filledBy: a seat goes to an employee or to someone from outside") }
        let closing: OpportunityClosing = filledBy.map(OpportunityClosing.filledBy) ?? (external ? .filledExternally : .withdrawn)
        let result = try store.closeOpportunity(
            id, closing, date: try params.optional("date")?.date() ?? context.today, catalog: context.snapshot.catalog, actor: context.auditActor,
            today: context.today)
        return .object([("opportunity", result.opportunity.json), ("move", result.move?.json)])
    }
}
