import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `moves.record`: an employee changes role (a promotion, a lateral move, a secondment).
enum MovesRecord {
    static let method = MethodDefinition(
        name: "moves.record", summary: "Record that an employee moved to another role (administrators; managers for their subtree).",
        description: """
        Changes the employee's role and keeps the move in their history. The kind comes from the catalog's transition \
        between the two roles when there is one, else `kind`, else lateral (`kindFrom` says which). `date` defaults to \
        today and may not be in the future or before the employee's last move. A secondment may have an `endDate`: on that \
        day the employee returns to their home role by themself (or end it early with `moves.end`). A move while a \
        secondment runs ends the secondment (`superseded`).
        """,
        params: [
            MethodDefinition.Parameter("employee", Schema.string, required: true, "who moves"),
            MethodDefinition.Parameter("toRole", Schema.string, required: true, "the new role"),
            MethodDefinition.Parameter("kind", Schema.enumeration(Transition.Kind.allCases.map(\.rawValue)), "the kind when no catalog transition says"),
            MethodDefinition.Parameter("date", Schema.date, "the day the move took effect (default today)"),
            MethodDefinition.Parameter("endDate", Schema.date, "a secondment's planned end: the day the employee returns home"),
        ],
        resultName: "move", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee, .unknownRole, .conflict],
        example: .init(
            params: .object([("employee", "e-005"), ("toRole", "eng-senior"), ("date", "2026-03-01")]),
            result: .object([
                ("id", 7), ("employee", "e-005"), ("fromRole", "eng-mid"), ("toRole", "eng-senior"), ("kind", "promotion"), ("kindFrom", "transition"),
                ("date", "2026-03-01"), ("source", "moves.record"), ("recordedBy", "grace"), ("recordedAt", "2026-03-01T09:12:00Z"),
            ])),
        access: .scoped
    ) { context, params in
        let employee = try params.required("employee").string()
        try context.requireManager(of: employee)
        let store = context.store
        try store.endDueSecondments(today: context.today, catalog: context.snapshot.catalog)
        let move = NewMove(
            employee: employee, toRole: try params.required("toRole").string(), kind: try params.optional("kind")?.choice(Transition.Kind.self),
            date: try params.optional("date")?.date() ?? context.today, endDate: try params.optional("endDate")?.date(), source: "moves.record")
        return try store.recordMove(move, catalog: context.snapshot.catalog, actor: context.auditActor, today: context.today).json
    }
}
