import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension CallContext {
    /// The critical roles and who made each one so: the catalog's marks, as administrators overrode them.
    func criticalRoles() throws -> [(role: Role, source: String)] {
        let marks = try store.criticalMarks()
        return snapshot.catalog.roles.compactMap { role in
            switch marks[role.id] {
            case true?: (role, role.critical ? "catalog" : "administrator")
            case false?: nil
            case nil: role.critical ? (role, "catalog") : nil
            }
        }
    }
}

extension RolesCritical: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        Result(roles: try context.criticalRoles())
    }
}

extension RolesSetCritical: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        guard let role = context.snapshot.catalog.role(params.role) else { throw DomainError.unknownRole(params.role, field: "role") }
        try context.store.markCritical(role.id, critical: params.critical, actor: context.auditActor)
        return Result(role: role.id, critical: params.critical, catalog: role.critical)
    }
}

extension ReportsSuccession: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let scope = try context.requireTeamScope(params.manager)
        let catalog = context.snapshot.catalog
        let critical = try context.criticalRoles()
        let roles: [(role: Role, critical: Bool)]
        if let named = params.roles {
            let marked = Set(critical.map(\.role.id))
            roles = try named.enumerated().map { position, id in
                guard let role = catalog.role(id) else { throw DomainError.unknownRole(id, field: "roles[\(position)]") }
                return (role, marked.contains(id))
            }
        } else {
            roles = critical.map { ($0.role, true) }
        }
        guard !roles.isEmpty else { return Result(asOf: context.today, manager: scope, benches: []) }
        let pool = SuccessionBench.Pool(try benchPeople(scope: scope, in: context))
        let benches = try SuccessionBench.benches(
            roles: roles.map(\.role), pool: pool, planner: context.snapshot.planner, today: context.today, limit: params.limit)
        return Result(asOf: context.today, manager: scope, benches: zip(benches, roles).map { ($0, $1.critical) })
    }

    /// Everyone in scope, as the bench dates them: numbered profiles, pace, the hours their assignments still
    /// need, their gigs, their team and what they said they want.
    static func benchPeople(scope: String?, in context: CallContext) throws -> [SuccessionBench.Person] {
        let store = context.store
        let profiles = try store.currentProfiles(inSubtreeOf: scope, evidence: context.evidence, numberedBy: context.snapshot.catalog)
        let ids = profiles.map(\.id)
        let (paces, assigned, gigs, managers) = (
            try store.preferredHoursPerWeek(of: ids), try store.assignedHoursRemaining(), try store.gigReservations(of: ids), try store.managers()
        )
        let aspirations = Dictionary(try store.allAspirations(under: scope).map { ($0.employee, $0.stored.aspirations) }, uniquingKeysWith: { first, _ in first })
        return profiles.map { person in
            SuccessionBench.Person(
                id: person.id, name: person.name, role: person.role, manager: managers[person.id], profile: person.profile, numbers: person.numbers,
                pace: paces[person.id] ?? PlanOptions.defaultHoursPerWeek, assignedHours: assigned[person.id] ?? 0, gigs: gigs[person.id] ?? [],
                aspirations: aspirations[person.id])
        }
    }
}
