import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension OpportunitiesApply: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let employee = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireSelfOrAdmin(employee, doing: "applies for them")
        let record = try context.store.apply(
            to: params.opportunity, employee: employee, note: params.note, confidential: params.confidential, actor: context.auditActor, today: context.today)
        return try context.applicationViews([record], ranked: false).first ?? ApplicationView(record: record)
    }
}

extension ApplicationsMove: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let (record, opportunity) = try context.visibleApplication(params.id)
        guard try context.isHiringSide(of: opportunity) else {
            throw AccessRefusal("hiring-manager-or-admin", "only the opportunity's manager, their managers and administrators decide on its applications", method: context.method)
        }
        let date = params.date ?? context.today
        if date > context.today { throw DomainError.invalidValue(field: "date", message: "is in the future (\(date))") }
        let moved = try context.store.moveApplication(
            record.id, to: params.to, note: params.note, date: date, catalog: context.snapshot.catalog, actor: context.auditActor)
        let view = try context.applicationViews([moved.application], ranked: false).first ?? ApplicationView(record: moved.application)
        return Result(application: view, move: moved.move, project: moved.project, today: context.today)
    }
}

extension ApplicationsWithdraw: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let (record, _) = try context.visibleApplication(params.id)
        switch context.principal {
        case .admin: break
        case .employee(let id) where id == record.employee: break
        case .employee, .service, .unknown:
            throw AccessRefusal("applicant-or-admin", "only the applicant (or an administrator) withdraws an application", method: context.method)
        }
        let moved = try context.store.moveApplication(
            record.id, to: .withdrawn, note: params.note, date: context.today, catalog: context.snapshot.catalog, actor: context.auditActor)
        return try context.applicationViews([moved.application], ranked: false).first ?? ApplicationView(record: moved.application)
    }
}

extension ApplicationsList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        if let id = params.opportunity, try context.store.opportunity(id) == nil { throw DomainError.unknownOpportunity(id) }
        var opportunities: [Int64: OpportunityRecord] = [:]
        var visible: [ApplicationRecord] = []
        for record in try context.store.applications(opportunity: params.opportunity, employee: params.employee, status: params.status) {
            if opportunities[record.opportunity] == nil { opportunities[record.opportunity] = try context.store.opportunity(record.opportunity) }
            if try context.maySee(record, opportunity: opportunities[record.opportunity]) { visible.append(record) }
        }
        let views = try context.applicationViews(visible, ranked: params.opportunity != nil)
        return Result(applications: Array(views.prefix(params.limit)), total: views.count)
    }
}

extension CallContext {
    /// The application with its opportunity, when the caller may see it; one they may not see is reported
    /// exactly as one that does not exist.
    func visibleApplication(_ id: Int64) throws -> (ApplicationRecord, OpportunityRecord?) {
        try requireKnown()
        guard let record = try store.application(id) else { throw DomainError.notVisible(kind: "application", id: id) }
        let opportunity = try store.opportunity(record.opportunity)
        guard try maySee(record, opportunity: opportunity) else { throw DomainError.notVisible(kind: "application", id: id) }
        return (record, opportunity)
    }

    /// docs/access.md: the applicant; the hiring side; the applicant's managers unless it is confidential and
    /// not yet shortlisted; services and administrators.
    func maySee(_ record: ApplicationRecord, opportunity: OpportunityRecord?) throws -> Bool {
        switch principal {
        case .admin, .service: return true
        case .unknown: return false
        case .employee(let id):
            if id == record.employee { return true }
            if try isHiringSide(of: opportunity) { return true }
            return try (!record.confidential || record.wasShortlisted) && store.manages(id, record.employee)
        }
    }

    /// Each application with its applicant and their readiness for the opportunity's role: planned role by
    /// role, each group of applicants alike in what the role needs once, dated at each applicant's own pace.
    /// `ranked`: in readiness order (as candidates.rank), else by id.
    func applicationViews(_ records: [ApplicationRecord], ranked: Bool) throws -> [ApplicationView] {
        var views: [ApplicationView] = []
        var byRole: [String: [(id: String, profile: Profile)]] = [:]
        // 500 applicants to one opening are one opportunity: read once.
        var opportunities: [Int64: OpportunityRecord?] = [:]
        for record in records {
            if opportunities[record.opportunity] == nil { opportunities[record.opportunity] = .some(try store.opportunity(record.opportunity)) }
            let opportunity = opportunities[record.opportunity] ?? nil
            let stored = try store.employee(record.employee)
            var view = ApplicationView(record: record, name: stored?.employee.name, currentRole: stored?.employee.role, role: opportunity?.role)
            view.hoursPerWeek = stored?.employee.preferences.hoursPerWeek ?? PlanOptions.defaultHoursPerWeek
            if let stored, let opportunity, opportunity.kind == .project {
                // A gig does not change the role: what it would grow is the applicant's readiness.
                let levels = Dictionary(evidence.profile(stored).skills.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
                view.grows = ProjectFit(develops: opportunity.develops, levels: levels)
            } else if let stored, let role = opportunity?.role, snapshot.catalog.role(role) != nil {
                byRole[role, default: []].append((record.employee, evidence.profile(stored)))
            }
            views.append(view)
        }
        var plans: [String: [String: Plan]] = [:]
        for (role, applicants) in byRole { plans[role] = try snapshot.planner.plans(for: applicants, to: role) }
        for position in views.indices {
            guard let role = views[position].role, let plan = plans[role]?[views[position].record.employee] else { continue }
            views[position].figures = PlanFigures(plan, pace: views[position].hoursPerWeek ?? PlanOptions.defaultHoursPerWeek, today: today)
        }
        guard ranked else { return views }
        return views.sorted { left, right in
            if let a = left.grows, let b = right.grows { return ProjectFit.ranksBefore((a, true, left.record.employee), (b, true, right.record.employee)) }
            return switch (left.figures?.plan, right.figures?.plan) {
            case (let a?, let b?): Planner.ranksBefore((a, left.record.employee), (b, right.record.employee))
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): left.record.id < right.record.id
            }
        }
    }
}
