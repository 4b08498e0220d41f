import SkillPathCore
import SkillPathJSON

/// The parameters the planning methods share: `profile`, `options`, and how a missing start date is filled.
enum PlanningParameters {
    static let profile = MethodDefinition.Parameter(
        "profile", Schema.ref("Profile"), "the employee's skills, completed courses and current role")
    static let options = MethodDefinition.Parameter(
        "options", Schema.ref("PlanOptions"), "objective, filters, budget and pace (docs/planning.md)")

    static func readProfile(_ params: JSONField) throws -> Profile {
        try Profile(json: try params.required("profile"))
    }

    /// The options, with today as the start date when a pace is given without one.
    static func readOptions(_ params: JSONField, context: CallContext) throws -> PlanOptions {
        guard let field = try params.optional("options") else { return PlanOptions() }
        return try PlanOptions(json: field).startingToday(context.today)
    }
}
