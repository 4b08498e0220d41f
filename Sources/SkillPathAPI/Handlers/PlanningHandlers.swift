import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension CallContext {
    /// How stored levels count today (the configuration's skill policy on this request's catalog).
    var evidence: SkillEvidence {
        SkillEvidence(policy: service.skillPolicy, catalog: snapshot.catalog, today: today)
    }

    /// The profile to plan from: given in the call, or stored for an employee (whom the caller must be allowed
    /// to read), or the caller's own. Stored profiles are resolved leniently (ids a catalog change removed are
    /// skipped) and at the levels the skill policy lets count; `stored` is the employee, for saying where a
    /// level counts for less (`SkillEvidence.annotate`) and for their preferences.
    func planningProfile(_ subject: PlanningSubject) throws -> (profile: Profile, strict: Bool, stored: EmployeeProfile?) {
        let id: String
        switch subject {
        case .profile(let profile):
            return (profile, true, nil)
        case .employee(let employee):
            try requireRead(of: employee)
            id = employee
        case .caller:
            guard let own = try ownEmployeeID() else {
                throw DomainError.invalidValue(field: "profile", message: "is required (or give employee); only employees may plan for themselves without one")
            }
            id = own
        }
        guard let stored = try store.employee(id) else { throw DomainError.unknownEmployee(id) }
        return (evidence.profile(stored), false, stored)
    }

    /// The plan options, with what they leave open filled from the employee's preferences (their languages
    /// and formats are preferred, their weekly hours the pace), and today as the start when a pace is given.
    /// A stored employee's plan is always dated: at the pace given, else their own, else the default
    /// (`datedByDefault: false` leaves that last choice to the caller, as assignments do with a due date).
    /// A profile given in the call is dated when the call gives a pace or a deadline.
    func planOptions(_ given: PlanOptions?, preferences: LearnerPreferences?, datedByDefault: Bool = true) -> PlanOptions {
        let given = given ?? PlanOptions()
        guard let preferences else { return given.completingSchedule(today: today) }
        var filled = preferences.defaults(for: given, today: today)
        if datedByDefault, filled.hoursPerWeek == nil { filled.hoursPerWeek = PlanOptions.defaultHoursPerWeek }
        return filled.completingSchedule(today: today)
    }
}

extension PathsPlan: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let (profile, strict, stored) = try context.planningProfile(params.subject)
        let options = context.planOptions(params.options, preferences: stored?.employee.preferences)
        let plan = try context.snapshot.planner.plan(profile: profile, targetRole: params.targetRole, options: options, strict: strict)
        return stored.map { context.evidence.annotate(plan, for: $0) } ?? plan
    }
}

extension PathsCompare: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let (profile, strict, stored) = try context.planningProfile(params.subject)
        let options = context.planOptions(params.options, preferences: stored?.employee.preferences)
        return try context.snapshot.planner.compare(profile: profile, targetRoles: params.targetRoles, options: options, strict: strict)
    }
}

extension RolesRoute: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let (profile, strict, stored) = try context.planningProfile(params.subject)
        let options = context.planOptions(params.options, preferences: stored?.employee.preferences)
        return try context.snapshot.planner.route(
            profile: profile, targetRole: params.targetRole, options: options, maxHops: params.maxHops ?? Planner.defaultMaxHops, strict: strict)
    }
}
