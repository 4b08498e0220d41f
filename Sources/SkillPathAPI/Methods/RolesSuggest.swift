import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `roles.suggest`: "what could I move to?" — the roles and open opportunities closest to someone's skills.
enum RolesSuggest {
    static let maximumLimit = 100

    static let method = MethodDefinition(
        name: "roles.suggest", summary: "The roles and open opportunities closest to an employee's skills, by plan hours.",
        description: """
        For the caller, or someone they may see (`employee`). Every role but the current one is ranked by the hours of \
        its plan from the employee's stored skills; roles whose gap no plan can close rank after every reachable one. Each \
        open opportunity for a ranked role is listed just before it. `kinds` keeps roles by the catalog's transition from \
        the current role (`none`: no transition leads there). Cheap lower bounds rule most roles out without planning \
        them (`planned` says how many were), and the ranking is the one planning every role would give.
        """,
        params: [
            MethodDefinition.Parameter("employee", Schema.string, "whose suggestions (default the caller)"),
            MethodDefinition.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "entries (default 10)"),
            MethodDefinition.Parameter("kinds", Schema.array(Schema.enumeration(MoveKindFilter.allCases.map(\.rawValue))), "only these move kinds (default all)"),
            MethodDefinition.Parameter("includeOpportunities", Schema.boolean, "list open opportunities for the ranked roles (default true)"),
            MethodDefinition.Parameter("hoursPerWeek", Schema.number, "the pace for `readyBy` (default: the employee's preferred weekly hours, else 4)"),
        ],
        resultName: "suggestions",
        resultSchema: Schema.object([
            ("employee", Schema.string), ("currentRole", Schema.string), ("considered", Schema.integer()), ("planned", Schema.integer()),
            ("suggestions", Schema.array(.object([("type", "object")]))),
        ]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("employee", "e-010"), ("limit", 2)]),
            result: .object([
                ("employee", "e-010"), ("currentRole", "data-analyst"), ("considered", 53), ("planned", 4),
                ("suggestions", .array([
                    .object([
                        ("type", "opportunity"), ("role", "data-engineer"), ("title", "Data Engineer"), ("opportunity", .object([("id", 3), ("kind", "secondment")])),
                        ("move", "secondment"), ("hours", 38), ("complete", true), ("readyBy", "2027-02-12"), ("reason", "open secondment; 2 skills to raise, 38 h"),
                    ]),
                    .object([
                        ("type", "role"), ("role", "data-engineer"), ("title", "Data Engineer"), ("move", "lateral"), ("hours", 38), ("complete", true),
                        ("readyBy", "2027-02-12"), ("reason", "lateral move from data-analyst; 2 skills to raise, 38 h"),
                    ]),
                ])),
            ])),
        access: .scoped
    ) { context, params in
        guard let id = try params.optional("employee")?.string() ?? context.ownEmployeeID() else {
            throw JSONFieldError(path: "employee", message: "is required when the caller is not an employee")
        }
        try context.requireRead(of: id)
        let store = context.store
        guard let stored = try store.employee(id) else { throw DomainError.unknownEmployee(id) }
        let limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? 10
        var kinds: Set<MoveKindFilter>?
        if let list = try params.optional("kinds") { kinds = Set(try list.array().map { try $0.choice(MoveKindFilter.self) }) }
        let pace = try MobilityPace.read(params, preferred: stored.employee.preferences.hoursPerWeek)
        let ranking = try context.snapshot.planner.suggestRoles(for: SkillEvidence(context).profile(stored), limit: limit, kinds: kinds)
        var opportunities: [String: [OpportunityRecord]] = [:]
        if try params.optional("includeOpportunities")?.bool() ?? true {
            for opportunity in try store.allOpenOpportunities() { opportunities[opportunity.role, default: []].append(opportunity) }
        }
        let current = stored.employee.role
        let today = context.today
        var entries: [JSONValue] = []
        for suggestion in ranking.entries {
            let figures = MobilityPace.figures(suggestion.plan, pace: pace, today: today)
            let raise = MobilityPace.gapSummary(suggestion.plan)
            for opportunity in opportunities[suggestion.role.id] ?? [] {
                let move = opportunity.kind == .secondment ? "secondment" : suggestion.transition?.rawValue
                if let kinds, opportunity.kind == .secondment, !kinds.contains(.secondment) { continue }
                entries.append(.object([
                    ("type", "opportunity"), ("role", .string(suggestion.role.id)), ("title", .string(opportunity.title ?? suggestion.role.title)),
                    ("opportunity", .object([
                        ("id", .int(opportunity.id)), ("kind", .string(opportunity.kind.rawValue)), ("manager", opportunity.manager.map(JSONValue.string)),
                        ("closes", opportunity.closes.map { .string($0.description) }), ("seatsLeft", .int(opportunity.seatsLeft)),
                        ("durationWeeks", opportunity.durationWeeks.map(JSONValue.int)),
                    ])),
                    ("move", move.map(JSONValue.string)), ("transitionDefined", .bool(suggestion.transition != nil)),
                ] + figures + [("reason", .string("open \(opportunity.kind.rawValue) (opportunity \(opportunity.id)); \(raise)"))]))
            }
            let how = suggestion.transition.map { "\($0.rawValue) from \(current)" } ?? "no transition from \(current) in the catalog"
            entries.append(.object([
                ("type", "role"), ("role", .string(suggestion.role.id)), ("title", .string(suggestion.role.title)),
                ("move", suggestion.transition.map { .string($0.rawValue) }), ("transitionDefined", .bool(suggestion.transition != nil)),
            ] + figures + [("reason", .string("\(how); \(raise)"))]))
        }
        return .object([
            ("employee", .string(id)), ("currentRole", .string(current)), ("considered", .int(ranking.considered)), ("planned", .int(ranking.planned)),
            ("suggestions", .array(Array(entries.prefix(limit)))),
        ])
    }
}
