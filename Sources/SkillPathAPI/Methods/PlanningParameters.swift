import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// The parameters the planning methods share: `profile`, `options`, and how a missing start date is filled.
enum PlanningParameters {
    static let profile = MethodDefinition.Parameter(
        "profile", Schema.ref("Profile"), "the employee's skills, completed courses and current role")
    static let options = MethodDefinition.Parameter(
        "options", Schema.ref("PlanOptions"), "objective, filters, budget and pace (docs/planning.md)")

    static let employee = MethodDefinition.Parameter(
        "employee", Schema.string, "instead of profile: a stored employee's id (their stored skills and completions)")

    /// The profile to plan from: given in `profile`, or stored for `employee` (which the caller must be
    /// allowed to read), or with neither the caller's own stored profile. Stored profiles are resolved
    /// leniently (ids a catalog change removed are skipped) and at the levels the skill policy lets count;
    /// `stored` is the employee, for saying where a level counts for less (`SkillEvidence.annotate`).
    static func readProfile(_ params: JSONField, context: CallContext) throws -> (profile: Profile, strict: Bool, stored: EmployeeProfile?) {
        let given = try params.optional("profile")
        let employee = try params.optional("employee")?.string()
        switch (given, employee) {
        case (let field?, nil):
            return (try Profile(json: field), true, nil)
        case (nil, let id?):
            try context.requireRead(of: id)
            guard let stored = try context.store.employee(id) else {
                throw DomainError.unknownEmployee(id)
            }
            return (SkillEvidence(context).profile(stored), false, stored)
        case (.some, .some):
            throw JSONFieldError(path: "employee", message: "cannot be combined with profile: give one or the other")
        case (nil, nil):
            // Neither: the caller's own stored profile, when the caller is an employee.
            guard let own = try context.ownEmployeeID() else {
                throw JSONFieldError(path: "profile", message: "is required (or give employee); only employees may plan for themselves without one")
            }
            guard let stored = try context.store.employee(own) else {
                throw DomainError.unknownEmployee(own)
            }
            return (SkillEvidence(context).profile(stored), false, stored)
        }
    }

    /// The options, with today as the start date when a pace is given without one.
    /// With `preferences` (a stored employee's), what the options leave open is filled from them: the
    /// employee's languages, formats and weekly hours are the defaults of their plans.
    static func readOptions(_ params: JSONField, context: CallContext, preferences: LearnerPreferences? = nil) throws -> PlanOptions {
        let given = try params.optional("options").map { field in try PlanOptions(json: field) } ?? PlanOptions()
        let filled = preferences?.defaults(for: given, today: context.today) ?? given
        return filled.startingToday(context.today)
    }
}
