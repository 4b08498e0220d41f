import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `roles.route`: the cheapest sequence of role moves from the current role to a target.
enum RolesRoute {
    static let method = MethodDefinition(
        name: "roles.route", summary: "Find the cheapest sequence of transitions from the profile's role to a target role.",
        description: "Each hop costs the objective of its plan, with skills learnt on earlier hops counted. `found: false` with a `reason` when no route exists.",
        params: [
            PlanningParameters.profile,
            PlanningParameters.employee,
            MethodDefinition.Parameter("targetRole", Schema.string, required: true, "the role to reach"),
            MethodDefinition.Parameter("maxHops", Schema.integer(minimum: 1, maximum: 10), "the most transitions to take (default 4)"),
            PlanningParameters.options,
        ],
        resultName: "route",
        resultSchema: Schema.object([
            ("from", Schema.string), ("to", Schema.string), ("found", Schema.boolean), ("reason", Schema.string),
            ("hops", Schema.array(.object([("type", "object")]))), ("totals", .object([("type", "object")])), ("optimal", Schema.boolean),
        ], additional: true),
        errors: [.unknownEmployee, .forbidden, .unknownRole, .noCurrentRole],
        example: .init(
            params: .object([("profile", .object([("skills", .array([])), ("role", "eng-mid")])), ("targetRole", "eng-staff")]),
            result: .object([
                ("from", "eng-mid"), ("to", "eng-staff"), ("found", true),
                ("hops", .array([
                    .object([("from", "eng-mid"), ("to", "eng-senior"), ("kind", "promotion"), ("steps", .array([])), ("totals", .object([("hours", 212)]))]),
                    .object([("from", "eng-senior"), ("to", "eng-staff"), ("kind", "promotion"), ("steps", .array([])), ("totals", .object([("hours", 135)]))]),
                ])),
                ("totals", .object([("hours", 347), ("cost", 10140), ("currency", "USD"), ("courses", 41)])), ("optimal", false),
            ]))
    ) { context, params in
        let (profile, strict, stored) = try PlanningParameters.readProfile(params, context: context)
        let target = try params.required("targetRole").string()
        let hops = try params.optional("maxHops")?.int(in: 1...10) ?? Planner.defaultMaxHops
        let options = try PlanningParameters.readOptions(params, context: context, preferences: stored?.employee.preferences)
        return try context.snapshot.planner.route(profile: profile, targetRole: target, options: options, maxHops: hops, strict: strict).json
    }
}
