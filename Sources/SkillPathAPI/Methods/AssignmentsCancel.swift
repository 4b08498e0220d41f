import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `assignments.cancel`.
enum AssignmentsCancel {
    static let method = MethodDefinition(
        name: "assignments.cancel", summary: "Cancel an active assignment (managers and administrators).",
        description: "The assignment keeps its history and stops counting in team reports. Cancelling a completed or cancelled assignment is a conflict.",
        params: [MethodDefinition.Parameter("id", Schema.integer(minimum: 1), required: true, "the assignment's id")],
        resultName: "assignment", resultSchema: .object([("type", "object")]), errors: [.notFound, .forbidden, .conflict],
        example: .init(params: .object([("id", 1)]), result: .object([("id", 1), ("employee", "e-104"), ("status", "cancelled"), ("progress", "cancelled")])),
        access: .scoped
    ) { context, params in
        let record = try AssignmentsRead.load(params.required("id").assignmentID(), context: context)
        try context.requireManager(of: record.employee)
        return try context.store.cancelAssignment(record.id, actor: context.auditActor).json(today: context.today)
    }
}
