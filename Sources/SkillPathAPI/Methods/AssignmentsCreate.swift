import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `assignments.create`: a manager sets a target role for a report, with the plan frozen.
enum AssignmentsCreate {
    /// The pace used to date an assignment when the options give none and there is no due date.
    static let defaultHoursPerWeek = Quantity(4)

    static let method = MethodDefinition(
        name: "assignments.create", summary: "Assign a target role to an employee, freezing the plan (managers and administrators).",
        description: """
        The caller must manage the employee (directly or indirectly) or be an administrator. The plan is computed \
        from the employee's stored skills and completions and frozen, each step dated: at `options.hoursPerWeek` \
        when given, else at the pace that finishes by `dueDate`, else at 4 hours a week, starting today (or \
        `options.startDate`). A second active assignment for the same target is refused (conflict).
        """,
        params: [
            MethodDefinition.Parameter("employee", Schema.string, required: true, "who"),
            MethodDefinition.Parameter("targetRole", Schema.string, required: true, "the role to reach"),
            MethodDefinition.Parameter("dueDate", Schema.date, "when it should be done"),
            PlanningParameters.options,
        ],
        resultName: "assignment", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee, .unknownRole, .conflict],
        example: .init(
            params: .object([("employee", "e-104"), ("targetRole", "data-scientist"), ("dueDate", "2027-06-30")]),
            result: .object([
                ("id", 1), ("employee", "e-104"), ("targetRole", "data-scientist"), ("status", "active"), ("progress", "on-track"),
                ("percentComplete", 0), ("hoursDone", 0), ("hoursTotal", 96), ("dueDate", "2027-06-30"), ("plannedCompletion", "2027-06-29"),
                ("nextCourse", "stats-101"), ("assignedBy", "grace"), ("steps", .array([])), ("plan", .object([])),
            ])),
        access: .scoped
    ) { context, params in
        let employee = try params.required("employee").string()
        let target = try params.required("targetRole").string()
        try context.requireManager(of: employee)
        let store = context.store
        guard let profile = try store.employee(employee) else { throw DomainError.unknownEmployee(employee) }
        var dueDate: CalendarDate?
        if let field = try params.optional("dueDate") {
            let date = try field.date()
            guard date >= context.today else { throw JSONFieldError(path: field.path, message: "is in the past (\(date))") }
            dueDate = date
        }
        let options = try PlanningParameters.readOptions(params, context: context, preferences: profile.employee.preferences)
        let plan = try scheduledPlan(for: profile, target: target, options: options, dueDate: dueDate, context: context)
        let record = try store.createAssignment(NewAssignment(
            employee: employee, targetRole: target, assignedBy: context.auditActor, startDate: plan.schedule?.startDate ?? options.startDate ?? context.today, dueDate: dueDate,
            options: options.json, plan: plan))
        return record.json(today: context.today)
    }

    /// The plan for a stored employee, dated as described above.
    static func scheduledPlan(for profile: EmployeeProfile, target: String, options: PlanOptions, dueDate: CalendarDate?, context: CallContext) throws -> Plan {
        var unscheduled = options
        unscheduled.hoursPerWeek = nil
        unscheduled.deadline = nil
        let start = options.startDate ?? context.today
        let evidence = SkillEvidence(context)
        let plan = evidence.annotate(try context.snapshot.planner.plan(profile: evidence.profile(profile), targetRole: target, options: unscheduled, strict: false), for: profile)
        var pace = options.hoursPerWeek ?? defaultHoursPerWeek
        if options.hoursPerWeek == nil, let dueDate {
            // The pace that ends the plan on its due date, counting the due day itself.
            let days = max(1, dueDate.daysSinceEpoch - start.daysSinceEpoch + 1)
            let hundredths = (plan.totals.hours.hundredths * 7 + Int64(days) - 1) / Int64(days)
            // A due date no pace can meet is scheduled at the most a week holds, and says it misses.
            pace = Quantity(hundredths: min(max(1, hundredths), PlanOptions.maximumHoursPerWeek.hundredths))
        }
        return plan.scheduled(pace: pace, start: start, deadline: dueDate ?? options.deadline)
    }
}
