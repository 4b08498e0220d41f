import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `paths.plan`: the best learning path from a profile to a target role.
enum PathsPlan {
    static let method = MethodDefinition(
        name: "paths.plan", summary: "Plan the learning path from a profile to a target role.",
        description: """
        The same plan object `skillpath plan --json` prints: the gap, ordered and explained steps, totals, unmet skills \
        with reasons, and with a pace a schedule. Deterministic: the same catalog, profile and options give the same bytes.
        """,
        params: [
            PlanningParameters.profile,
            PlanningParameters.employee,
            MethodDefinition.Parameter("targetRole", Schema.string, required: true, "the role to plan for"),
            PlanningParameters.options,
        ],
        resultName: "plan", resultSchema: Schema.ref("Plan"),
        errors: [.unknownEmployee, .forbidden, .unknownRole, .unknownSkill, .unknownCourse, .noCurrentRole],
        example: .init(
            params: .object([
                ("profile", .object([("skills", .array([.object([("skill", "python"), ("level", 1)])])), ("completed", .array([]))])),
                ("targetRole", "data-analyst"), ("options", .object([("hoursPerWeek", 5), ("startDate", "2027-01-04")])),
            ]),
            result: .object([
                ("targetRole", "data-analyst"), ("targetTitle", "Data Analyst"), ("objective", "hours"),
                ("gap", .array([.object([("skill", "sql"), ("name", "SQL"), ("have", 0), ("need", 2), ("importance", "essential"), ("role", "data-analyst")])])),
                ("steps", .array([.object([
                    ("course", "analysis-101"), ("title", "Introduction to Data analysis"), ("format", "hands-on"), ("language", "en"), ("hours", 8), ("cost", 135),
                    ("teaches", .array([.object([("skill", "data-analysis"), ("level", 1)])])), ("closes", .array([])),
                    ("neededBy", .strings(["dataviz-201", "analysis-201"])), ("start", "2027-01-04"), ("end", "2027-01-15"),
                ])])),
                ("totals", .object([("hours", 81), ("cost", 1755), ("currency", "USD"), ("courses", 11)])),
                ("unmet", .array([])), ("estimatedCompletion", "2027-04-27"), ("optimal", true), ("catalogVersion", "sha256:382c3476f885c0c9"),
            ]))
    ) { context, params in
        let (profile, strict, stored) = try PlanningParameters.readProfile(params, context: context)
        let target = try params.required("targetRole").string()
        let options = try PlanningParameters.readOptions(params, context: context, preferences: stored?.employee.preferences)
        let plan = try context.snapshot.planner.plan(profile: profile, targetRole: target, options: options, strict: strict)
        return (stored.map { SkillEvidence(context).annotate(plan, for: $0) } ?? plan).json
    }
}
