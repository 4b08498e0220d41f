import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `candidates.rank`: "who inside is closest to this role?"
enum CandidatesRank {
    static let maximumLimit = 200

    static let method = MethodDefinition(
        name: "candidates.rank", summary: "Rank the people in the caller's scope by readiness for a role or an opportunity.",
        description: """
        Administrators rank everyone (or a manager's subtree); managers their own subtree (or a manager's below them). \
        Everyone who has not left and does not already hold the role is ranked by the hours of their plan to it from \
        their stored skills, level by level (Python 2 where 4 is needed is a gap); people whose gap no plan can close \
        come after everyone who can get there. Lower bounds rule most people out without planning them (`planned` \
        says how many were); the ranking is the one planning everyone would give.
        """,
        params: [
            MethodDefinition.Parameter("role", Schema.string, "the role (or give opportunity)"),
            MethodDefinition.Parameter("opportunity", Schema.integer(minimum: 1), "an opportunity, for its role"),
            MethodDefinition.Parameter("manager", Schema.string, "only this manager's subtree"),
            MethodDefinition.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "candidates (default 20)"),
            MethodDefinition.Parameter("hoursPerWeek", Schema.number, "the pace for everyone's `readyBy` (default: each person's preferred weekly hours, else 4)"),
        ],
        resultName: "ranking",
        resultSchema: Schema.object([
            ("role", Schema.string), ("title", Schema.string), ("opportunity", Schema.integer()), ("manager", Schema.string),
            ("considered", Schema.integer()), ("planned", Schema.integer()), ("candidates", Schema.array(.object([("type", "object")]))),
        ]),
        errors: [.forbidden, .unknownRole, .unknownEmployee, .notFound],
        example: .init(
            params: .object([("role", "eng-senior"), ("limit", 1)]),
            result: .object([
                ("role", "eng-senior"), ("title", "Senior Engineer"), ("considered", 11), ("planned", 2),
                ("candidates", .array([.object([
                    ("employee", "e-005"), ("name", "Edsger Dijkstra"), ("currentRole", "eng-mid"), ("hours", 64), ("complete", true),
                    ("unmetEssential", 2), ("unmet", .array([.object([("skill", "system-design"), ("name", "System Design"), ("have", 2), ("need", 3)])])),
                    ("readyBy", "2027-03-29"), ("hoursPerWeek", 4), ("transition", "promotion"),
                ])])),
            ])),
        access: .scoped
    ) { context, params in
        let scope = try context.requireTeamScope(try params.optional("manager")?.string())
        let store = context.store
        var opportunity: OpportunityRecord?
        let role: String
        switch (try params.optional("role")?.string(), try params.optional("opportunity")) {
        case (let id?, nil): role = id
        case (nil, let field?):
            let id = Int64(try field.int(in: 1...Int.max))
            guard let found = try store.opportunity(id) else { throw DomainError.unknownOpportunity(id) }
            opportunity = found
            role = found.role
        case (.some, .some): throw JSONFieldError(path: "opportunity", message: "cannot be combined with role: give one or the other")
        case (nil, nil): throw JSONFieldError(path: "role", message: "is required (or give opportunity)")
        }
        guard let target = context.snapshot.catalog.role(role) else { throw DomainError.unknownRole(role, field: opportunity == nil ? "role" : "opportunity") }
        let limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? 20
        // One pace for everyone when the call names it; otherwise each person is dated at their own.
        let callPace = try params.optional("hoursPerWeek") == nil ? nil : try MobilityPace.read(params)
        let evidence = SkillEvidence(context)
        var people = try store.currentProfiles(inSubtreeOf: scope, level: evidence.level).filter { $0.role != role }
        for position in people.indices where !people[position].lowered.isEmpty {
            people[position].profile.completed = evidence.completions(people[position].profile.completed, lowered: people[position].lowered)
        }
        let ranking = try context.snapshot.planner.rankCandidates(people.map { ($0.id, $0.profile) }, for: role, limit: limit)
        let wanted = Set(ranking.entries.map(\.id))
        let byID = Dictionary(people.lazy.filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let preferred = callPace == nil ? try store.preferredHoursPerWeek(of: ranking.entries.map(\.id)) : [:]
        let today = context.today
        let candidates: [JSONValue] = ranking.entries.map { entry in
            let person = byID[entry.id]
            let pace = callPace ?? preferred[entry.id] ?? MobilityPace.defaultHoursPerWeek
            return .object([
                ("employee", .string(entry.id)), ("name", person.map { .string($0.name) }), ("currentRole", person.map { .string($0.role) }),
            ] + MobilityPace.figures(entry.plan, pace: pace, today: today) + [
                ("hoursPerWeek", pace.json), ("unmetEssential", .int(entry.plan.gap.filter { $0.importance == .essential }.count)),
                ("transition", entry.transition.map { .string($0.rawValue) }),
            ])
        }
        return .object([
            ("role", .string(role)), ("title", .string(target.title)), ("opportunity", opportunity.map { .int($0.id) }),
            ("manager", scope.map(JSONValue.string)), ("considered", .int(ranking.considered)), ("planned", .int(ranking.planned)),
            ("candidates", .array(candidates)),
        ])
    }
}
