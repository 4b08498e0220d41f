import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension CallContext {
    /// `given`, or the caller's own employee id; the error names `field` when the caller is not an employee.
    func employeeOrCaller(_ given: String?, field: String) throws -> String {
        if let given { return given }
        guard let own = try ownEmployeeID() else {
            throw DomainError.invalidValue(field: field, message: "is required when the caller is not an employee")
        }
        return own
    }

    /// Whose rows a list shows: everyone for administrators and services, a manager's subtree, an employee's own.
    var visibility: OrganisationStore.Visibility {
        switch principal {
        case .admin, .service: .everyone
        case .employee(let id): .subtree(of: id)
        case .unknown: .only("")
        }
    }
}

extension EmployeesGet: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let id = try context.employeeOrCaller(params.id, field: "id")
        try context.requireRead(of: id)
        guard let profile = try context.store.employee(id) else { throw DomainError.unknownEmployee(id) }
        let assignments = try context.store.assignments(employee: id, visible: .everyone)
        return Result(
            employee: profile.employee, skills: context.evidence.views(profile.skills), completions: profile.completions, reports: profile.reports,
            assignments: assignments.map { AssignmentSummary($0, today: context.today) })
    }
}

extension EmployeesList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.requireKnown()
        let result = try context.store.employees(
            visible: context.visibility, role: params.role, manager: params.manager, limit: params.page.resolvedLimit, cursor: params.page.cursor)
        return Page(items: result.items, total: result.total, nextCursor: result.hasMore ? result.items.last?.id : nil)
    }
}

extension EmployeesUpsert: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        var inputs: [EmployeeInput] = []
        var positions: [Int] = []
        var malformed: [UpsertRejection] = []
        for (index, row) in params.rows.enumerated() {
            switch row {
            case .input(let input):
                inputs.append(input)
                positions.append(index)
            case .malformed(let rejection):
                malformed.append(rejection)
            }
        }
        var report = try context.store.upsert(
            inputs, evidence: context.evidence, actor: context.auditActor, skillSource: params.skillSource ?? .manager, overwrite: params.overwrite,
            mode: params.mode)
        // The store numbered the rows it saw; map them back to the caller's positions.
        report.rejected = (report.rejected.map { rejection in
            var mapped = rejection
            mapped.index = positions[rejection.index]
            return mapped
        } + malformed).sorted { $0.index < $1.index }
        for position in report.kept.indices { report.kept[position].index = positions[report.kept[position].index] }
        return report
    }
}

extension EmployeesSetSkills: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        for (skill, path) in zip(params.skills, params.skillPaths) { _ = try context.snapshot.catalog.requireSkill(skill.skill, field: path) }
        let source = try skillSource(params, in: context)
        let (changed, kept) = try context.store.setSkills(
            params.skills, of: params.employee, source: source, overwrite: params.overwrite, actor: context.auditActor, evidence: context.evidence)
        return Result(employee: params.employee, source: source, changed: changed, kept: kept)
    }

    /// The source this caller's levels are recorded with: their own (self), a manager's, or what an
    /// administrator chooses (assessment by default). Only administrators choose, or overwrite.
    private static func skillSource(_ params: Params, in context: CallContext) throws -> SkillSource {
        let source: SkillSource
        switch try context.requireKnown() {
        case .admin:
            source = params.source ?? .assessment
        case .employee(let id) where id == params.employee:
            source = .selfRated
        case .employee:
            try context.requireManager(of: params.employee)
            source = .manager
        case .service, .unknown:
            throw AccessRefusal("self-manager-or-admin", "services may not set skills unless they act for the employee (actor)", method: context.method)
        }
        if params.source != nil, context.principal != .admin {
            throw AccessRefusal("admin-sets-source", "only administrators choose the source; it is '\(source.rawValue)' for this caller", method: context.method)
        }
        if params.overwrite, context.principal != .admin {
            throw AccessRefusal("admin-overwrites", "only administrators may lower levels whatever their evidence (overwrite)", method: context.method)
        }
        return source
    }
}

extension EmployeesSetPreferences: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let employee = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireSelfOrAdmin(employee, doing: "sets their learner preferences")
        let preferences = try context.store.setPreferences(params.update, of: employee, actor: context.auditActor)
        return Result(employee: employee, preferences: preferences)
    }
}
