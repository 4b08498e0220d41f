import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `paths.compare`: several target roles side by side for one profile.
enum PathsCompare {
    static let method = MethodDefinition(
        name: "paths.compare", summary: "Compare the best plans to several target roles (a what-if).",
        description: "Plans each role with the same profile and options; each entry has totals, unmet skills, the completion date with a pace, and the transition kind from the current role.",
        params: [
            PlanningParameters.profile,
            PlanningParameters.employee,
            MethodDefinition.Parameter("targetRoles", Schema.array(Schema.string), required: true, "the roles to compare, in display order"),
            PlanningParameters.options,
        ],
        resultName: "comparison",
        resultSchema: Schema.object([("currentRole", Schema.string), ("entries", Schema.array(.object([("type", "object")])))]),
        errors: [.unknownEmployee, .forbidden, .unknownRole, .unknownSkill, .unknownCourse],
        example: .init(
            params: .object([
                ("profile", .object([("skills", .array([])), ("role", "eng-mid")])), ("targetRoles", .strings(["eng-senior", "data-engineer"])),
            ]),
            result: .object([
                ("currentRole", "eng-mid"),
                ("entries", .array([
                    .object([("targetRole", "eng-senior"), ("title", "Senior Software Engineer"), ("transition", "promotion"),
                             ("totals", .object([("hours", 212), ("cost", 3580), ("currency", "USD"), ("courses", 25)])), ("gap", 10), ("unmet", .array([])), ("courses", .strings(["api-101"]))]),
                ])),
            ]))
    ) { context, params in
        let (profile, strict, stored) = try PlanningParameters.readProfile(params, context: context)
        let targets = try params.required("targetRoles").strings()
        let options = try PlanningParameters.readOptions(params, context: context, preferences: stored?.employee.preferences)
        return try context.snapshot.planner.compare(profile: profile, targetRoles: targets, options: options, strict: strict).json
    }
}
