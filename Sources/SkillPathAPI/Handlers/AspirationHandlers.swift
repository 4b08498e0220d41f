import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension EmployeesSetAspirations: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let employee = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireSelfOrAdmin(employee, doing: "sets their aspirations")
        try params.update.check(against: context.snapshot.catalog)
        let stored = try context.store.setAspirations(params.update, of: employee, actor: context.auditActor)
        return Result(employee: employee, stored: stored)
    }
}

extension EmployeesAspirations: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let id = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireRead(of: id)
        guard let stored = try context.store.employee(id) else { throw DomainError.unknownEmployee(id) }
        let aspirations = try context.store.aspirations(of: id)
        let pace = params.hoursPerWeek ?? stored.employee.preferences.hoursPerWeek ?? PlanOptions.defaultHoursPerWeek
        let current = stored.employee.role
        let wanted = try context.wantedRoles(aspirations.aspirations, profile: context.evidence.profile(stored), pace: pace)
        return Result(
            employee: id, currentRole: current, stored: aspirations, wanted: wanted,
            reached: aspirations.aspirations.roles.filter { $0 == current })
    }
}

extension CallContext {
    /// Each wanted role but the one held, with the plan to it from `profile` at `pace`; a role the catalog no
    /// longer has is listed without a plan.
    func wantedRoles(_ aspirations: Aspirations, profile: Profile, pace: Quantity) throws -> [EmployeesAspirations.WantedRole] {
        let catalog = snapshot.catalog
        return try aspirations.wanted(currentRole: profile.role).map { role in
            let choice = aspirations.choice(of: role) ?? 0
            guard let title = catalog.role(role)?.title else { return .init(role: role, title: nil, choice: choice, figures: nil) }
            let plan = try snapshot.planner.plan(profile: profile, targetRole: role, strict: false)
            return .init(role: role, title: title, choice: choice, figures: PlanFigures(plan, pace: pace, today: today))
        }
    }
}

extension ReportsAspirations: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let scope = try context.requireTeamScope(params.manager)
        let (store, evidence, planner) = (context.store, context.evidence, context.snapshot.planner)
        // The profiles (from the profile cache, or half a million pieces of evidence read for 15,000 people),
        // and beside them: what people said, their paces and who holds what; then each wanted role is
        // prepared for ranking, unless the daemon's background preparation after the load already did it.
        let (profiles, (stored, paces, holders)) = try Parallel.both({
            try store.currentProfiles(inSubtreeOf: scope, evidence: evidence, withAspirationsOnly: true, numberedBy: planner.catalog)
        }, {
            let stored = try store.allAspirations(under: scope)
            let read = (stored, try store.preferredHoursPerWeek(of: stored.map(\.employee)), try store.holdersByRole(under: scope))
            for role in Set(stored.flatMap(\.stored.aspirations.roles)) { planner.prepareRanking(for: role) }
            return read
        })
        let aspirations = Dictionary(stored.map { ($0.employee, $0.stored.aspirations) }, uniquingKeysWith: { first, _ in first })
        let people = profiles.map { person in
            AspirationPicture.Person(
                id: person.id, name: person.name, role: person.role, profile: person.profile,
                pace: paces[person.id] ?? PlanOptions.defaultHoursPerWeek, numbers: person.numbers)
        }
        let picture = try AspirationPicture(
            people: people, holders: holders, aspirations: aspirations, planner: planner,
            today: context.today, months: params.months, listing: params.limit, countReady: params.countReady)
        return Result(manager: scope, picture: picture, limit: params.limit)
    }
}
