import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `assignments.replan`: compare the frozen plan with a fresh one, and apply it on request.
enum AssignmentsReplan {
    static let method = MethodDefinition(
        name: "assignments.replan", summary: "Show how a fresh plan differs from an assignment's frozen plan; apply it on request.",
        description: """
        After a catalog change or new skills, plans the assignment's target again from the employee's current \
        skills with the frozen options, and lists the courses added, removed and kept (completed steps are history \
        and stay). With `apply: true` (managers and administrators) the remaining steps are replaced, dated from today.
        """,
        params: [
            MethodDefinition.Parameter("id", Schema.integer(minimum: 1), required: true, "the assignment's id"),
            MethodDefinition.Parameter("apply", Schema.boolean, "replace the remaining steps (default false: only compare)"),
        ],
        resultName: "replan",
        resultSchema: Schema.object([
            ("id", Schema.integer()), ("applied", Schema.boolean), ("added", Schema.array(Schema.string)), ("removed", Schema.array(Schema.string)),
            ("kept", Schema.array(Schema.string)), ("current", .object([("type", "object")])), ("proposed", .object([("type", "object")])),
        ], additional: true),
        errors: [.notFound, .forbidden, .conflict],
        example: .init(
            params: .object([("id", 1)]),
            result: .object([
                ("id", 1), ("applied", false), ("added", .strings(["ml-201"])), ("removed", .strings(["ml-201-b"])), ("kept", .strings(["stats-101"])),
                ("current", .object([("catalogVersion", "sha256:1111"), ("hours", 96)])), ("proposed", .object([("catalogVersion", "sha256:2222"), ("hours", 90)])),
            ])),
        access: .scoped
    ) { context, params in
        let record = try AssignmentsRead.load(params.required("id").assignmentID(), context: context)
        let apply = try params.optional("apply")?.bool() ?? false
        if apply { try context.requireManager(of: record.employee) }
        guard record.status == .active else {
            throw DomainError.assignmentClosed(record.id, status: record.status.rawValue)
        }
        let store = context.store
        guard let profile = try store.employee(record.employee) else { throw DomainError.unknownEmployee(record.employee) }
        var options = try PlanOptions(json: JSONField(record.options, path: "options"))
        options.startDate = context.today
        let proposed = try AssignmentsCreate.scheduledPlan(for: profile, target: record.targetRole, options: options, dueDate: record.dueDate, context: context)
        let remaining = record.steps.filter { $0.completedAt == nil }.map(\.course)
        let fresh = proposed.steps.map(\.course)
        let added = fresh.filter { !remaining.contains($0) }
        let removed = remaining.filter { !fresh.contains($0) }
        let kept = remaining.filter { fresh.contains($0) }
        var result: [(String, JSONValue?)] = [
            ("id", .int(record.id)), ("applied", .bool(apply)), ("added", .strings(added)), ("removed", .strings(removed)), ("kept", .strings(kept)),
            ("current", .object([
                ("catalogVersion", .string(record.catalogVersion)), ("courses", .strings(remaining)),
                ("hours", record.steps.filter { $0.completedAt == nil }.reduce(Quantity.zero) { $0 + $1.hours }.json),
            ])),
            ("proposed", .object([
                ("catalogVersion", .string(proposed.catalogVersion)), ("courses", .strings(fresh)), ("hours", proposed.totals.hours.json),
                ("cost", proposed.totals.cost.json), ("unmet", .array(proposed.unmet.map(\.json))),
                ("plannedCompletion", proposed.schedule.map { .string($0.estimatedCompletion.description) }),
            ])),
        ]
        if apply {
            result.append(("assignment", try store.replacePlan(of: record.id, with: proposed, actor: context.auditActor).json(today: context.today)))
        }
        return .object(result)
    }
}
