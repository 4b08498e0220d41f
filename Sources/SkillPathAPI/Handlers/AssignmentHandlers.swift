import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

extension AssignmentsCreate: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.requireManager(of: params.employee)
        guard let profile = try context.store.employee(params.employee) else { throw DomainError.unknownEmployee(params.employee) }
        if let due = params.dueDate, due < context.today { throw DomainError.invalidValue(field: "dueDate", message: "is in the past (\(due))") }
        let options = context.planOptions(params.options, preferences: profile.employee.preferences, datedByDefault: false)
        let plan = try context.scheduledPlan(for: profile, target: params.targetRole, options: options, dueDate: params.dueDate)
        let before = context.store.sharingBudget(try context.store.assignments(employee: params.employee, visible: .everyone))
        let record = try context.store.createAssignment(NewAssignment(
            employee: params.employee, targetRole: params.targetRole, assignedBy: context.auditActor,
            startDate: plan.schedule?.startDate ?? options.startDate ?? context.today, dueDate: params.dueDate, options: options.json, plan: plan))
        let after = context.store.sharingBudget(try context.store.assignments(employee: params.employee, visible: .everyone))
        let created = after.first { $0.id == record.id } ?? record
        return Result(detail: AssignmentDetail(created, today: context.today, catalog: context.snapshot.catalog), warnings: warnings(created, unshared: record, before: before, after: after, today: context.today))
    }

    /// The new assignment, when it is planned to finish after it is due, and each other active assignment
    /// that was on track and no longer is, now that they share the week.
    static func warnings(_ created: AssignmentRecord, unshared: AssignmentRecord, before: [AssignmentRecord], after: [AssignmentRecord], today: CalendarDate) -> [String] {
        func late(_ record: AssignmentRecord) -> String {
            "assignment \(record.id) (\(record.targetRole)) is planned to finish \(record.plannedCompletion.map(String.init(describing:)) ?? "?"), "
                + "after its due date \(record.dueDate.map(String.init(describing:)) ?? "?")"
        }
        var warnings: [String] = []
        if created.progress(on: today) == .atRisk {
            let alone = created.plannedCompletion == unshared.plannedCompletion
            warnings.append(late(created) + (alone ? ", at the pace it is dated at" : ": the week it shares with the employee's other assignments is full"))
        }
        let wasOnTrack = Set(before.filter { $0.progress(on: today) == .onTrack }.map(\.id))
        for record in after where record.id != created.id && wasOnTrack.contains(record.id) && record.progress(on: today) == .atRisk {
            warnings.append(late(record) + " now that it shares the week with the new one")
        }
        return warnings
    }
}

extension CallContext {
    /// The plan for a stored employee, frozen with dated steps: at the options' pace when given (the call's,
    /// else the employee's own), else at the pace that ends on the due date, else at the default pace; from
    /// the options' start, else today.
    func scheduledPlan(for profile: EmployeeProfile, target: String, options: PlanOptions, dueDate: CalendarDate?) throws -> Plan {
        var unscheduled = options
        unscheduled.hoursPerWeek = nil
        unscheduled.deadline = nil
        let start = options.startDate ?? today
        let evidence = self.evidence
        let plan = evidence.annotate(try snapshot.planner.plan(profile: evidence.profile(profile), targetRole: target, options: unscheduled, strict: false), for: profile)
        var pace = options.hoursPerWeek ?? PlanOptions.defaultHoursPerWeek
        if options.hoursPerWeek == nil, let dueDate {
            // The pace that ends the plan on its due date, counting the due day itself.
            let days = max(1, dueDate.daysSinceEpoch - start.daysSinceEpoch + 1)
            let hundredths = (plan.totals.hours.hundredths * 7 + Int64(days) - 1) / Int64(days)
            // A due date no pace can meet is scheduled at the most a week holds, and says it misses.
            pace = Quantity(hundredths: min(max(1, hundredths), PlanOptions.maximumHoursPerWeek.hundredths))
        }
        return plan.scheduled(pace: pace, start: start, deadline: dueDate ?? options.deadline)
    }

    /// The assignment, if the caller may see it. A caller who may not gets the same answer as for an id that
    /// does not exist, in the same time (one query checks both), so that nobody can probe which exist.
    func visibleAssignment(_ id: Int64) throws -> AssignmentRecord {
        try requireKnown()
        guard let record = try store.assignment(id, visibleTo: visibility) else { throw DomainError.notVisible(kind: "assignment", id: id) }
        return try store.sharingBudget(record)
    }
}

extension AssignmentsList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let visibility: OrganisationStore.Visibility
        if let employee = params.employee {
            try context.requireReadable(employee)
            visibility = .everyone
        } else {
            try context.requireKnown()
            visibility = context.visibility
        }
        let records = context.store.sharingBudget(try context.store.assignments(employee: params.employee, visible: visibility))
        return Result(assignments: records.map { AssignmentSummary($0, today: context.today) })
    }
}

extension AssignmentsGet: HandledMethod {
    static func handle(_ params: AssignmentID, in context: CallContext) throws -> Result {
        AssignmentDetail(try context.visibleAssignment(params.id), today: context.today, catalog: context.snapshot.catalog)
    }
}

extension AssignmentsCancel: HandledMethod {
    static func handle(_ params: AssignmentID, in context: CallContext) throws -> Result {
        let record = try context.visibleAssignment(params.id)
        try context.requireManager(of: record.employee)
        return AssignmentDetail(try context.store.cancelAssignment(record.id, actor: context.auditActor), today: context.today, catalog: context.snapshot.catalog)
    }
}

extension AssignmentsReplan: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let record = try context.visibleAssignment(params.id)
        if params.apply { try context.requireManager(of: record.employee) }
        guard record.status == .active else { throw DomainError.assignmentClosed(record.id, status: record.status.rawValue) }
        guard let profile = try context.store.employee(record.employee) else { throw DomainError.unknownEmployee(record.employee) }
        var options = try PlanOptions(json: JSONField(record.options, path: "options"))
        options.startDate = context.today
        let proposed = try context.scheduledPlan(for: profile, target: record.targetRole, options: options, dueDate: record.dueDate)
        let applied = params.apply ? AssignmentDetail(
            try context.store.sharingBudget(try context.store.replacePlan(of: record.id, with: proposed, actor: context.auditActor)), today: context.today,
            catalog: context.snapshot.catalog) : nil
        return Result(record: record, proposed: proposed, applied: applied)
    }
}
