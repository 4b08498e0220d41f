import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `assignments.list` and `assignments.get`.
enum AssignmentsRead {
    static let list = MethodDefinition(
        name: "assignments.list", summary: "List assignments: one employee's, or all the caller may see.",
        description: "Newest first, each with its progress on today's date (`on-track`, `late`, `overdue`, `completed`, `cancelled`) and percent complete by hours.",
        params: [MethodDefinition.Parameter("employee", Schema.string, "only this employee's")],
        resultName: "assignments", resultSchema: Schema.object([("assignments", Schema.array(.object([("type", "object")])))]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("employee", "e-104")]),
            result: .object([("assignments", .array([.object([
                ("id", 1), ("employee", "e-104"), ("targetRole", "data-scientist"), ("status", "active"), ("progress", "late"),
                ("percentComplete", .number("12.5")), ("hoursDone", 12), ("hoursTotal", 96), ("dueDate", "2027-06-30"),
            ])]))])),
        access: .scoped
    ) { context, params in
        let employee = try params.optional("employee")?.string()
        let visibility: OrganisationStore.Visibility
        if let employee {
            try context.requireReadable(employee)
            visibility = .everyone
        } else {
            switch try context.requireKnown() {
            case .admin, .service: visibility = .everyone
            case .employee(let id): visibility = .subtree(of: id)
            case .unknown: visibility = .only("")
            }
        }
        let store = context.store
        let records = store.sharingBudget(try store.assignments(employee: employee, visible: visibility))
        let today = context.today
        return .object([("assignments", .array(records.map { $0.summaryJSON(today: today) }))])
    }

    static let get = MethodDefinition(
        name: "assignments.get", summary: "One assignment with its dated steps, progress and frozen plan.",
        description: "Visible to the employee, their managers, services and administrators.",
        params: [MethodDefinition.Parameter("id", Schema.integer(minimum: 1), required: true, "the assignment's id")],
        resultName: "assignment", resultSchema: .object([("type", "object")]), errors: [.notFound, .forbidden],
        example: .init(
            params: .object([("id", 1)]),
            result: .object([
                ("id", 1), ("employee", "e-104"), ("targetRole", "data-scientist"), ("status", "active"), ("progress", "on-track"),
                ("steps", .array([.object([("position", 1), ("course", "stats-101"), ("hours", 8), ("plannedStart", "2026-11-23"), ("plannedEnd", "2026-12-06")])])),
            ])),
        access: .scoped
    ) { context, params in
        let record = try load(params.required("id").assignmentID(), context: context)
        return record.json(today: context.today)
    }

    /// The assignment, after checking the caller may see it. A caller who may not gets the same answer as
    /// for an id that does not exist, so that nobody can probe which assignments exist.
    static func load(_ id: Int64, context: CallContext) throws -> AssignmentRecord {
        try context.requireKnown()
        guard let record = try context.store.assignment(id) else { throw DomainError.notVisible(kind: "assignment", id: id) }
        do {
            try context.requireRead(of: record.employee)
        } catch is AccessRefusal {
            throw DomainError.notVisible(kind: "assignment", id: id)
        }
        return try context.store.sharingBudget(record)
    }
}
