import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `moves.end`: a secondment ends early, or becomes permanent.
enum MovesEnd {
    static let method = MethodDefinition(
        name: "moves.end", summary: "End a secondment: the employee returns home, or the move becomes permanent (administrators; managers for their subtree).",
        description: """
        `outcome: return` moves the employee back to the role they came from; `convert` keeps them in the new role as a \
        permanent move (a promotion or lateral move, as the catalog's non-secondment transitions say). Both the secondment \
        and the move that ends it stay in the history. Secondments also end by themselves on their `endDate`.
        """,
        params: [
            MethodDefinition.Parameter("move", Schema.integer(minimum: 1), required: true, "the secondment's move id"),
            MethodDefinition.Parameter("outcome", Schema.enumeration(["return", "convert"]), required: true, "home, or permanent"),
            MethodDefinition.Parameter("date", Schema.date, "the day it ends (default today)"),
        ],
        resultName: "ended", resultSchema: Schema.object([("secondment", .object([("type", "object")])), ("move", .object([("type", "object")]))]),
        errors: [.forbidden, .notFound, .conflict],
        example: .init(
            params: .object([("move", 9), ("outcome", "return")]),
            result: .object([
                ("secondment", .object([("id", 9), ("kind", "secondment"), ("outcome", "returned"), ("endedBy", 12)])),
                ("move", .object([("id", 12), ("fromRole", "data-engineer"), ("toRole", "eng-mid"), ("source", "secondment-return"), ("ends", 9)])),
            ])),
        access: .scoped
    ) { context, params in
        let id = Int64(try params.required("move").int(in: 1...Int.max))
        let outcome: MoveRecord.Outcome
        switch try params.required("outcome").string() {
        case "return": outcome = .returned
        case "convert": outcome = .converted
        case let other: throw JSONFieldError(path: "outcome", message: "must be return or convert, got \"\(other)\"")
        }
        let store = context.store
        // Who may not see the move learns nothing about it, exactly as for an id that does not exist.
        guard let move = try store.move(id) else { throw DomainError.notVisible(kind: "move", id: id) }
        do {
            try context.requireRead(of: move.employee)
        } catch is AccessRefusal {
            throw DomainError.notVisible(kind: "move", id: id)
        }
        try context.requireManager(of: move.employee)
        let ended = try store.endSecondment(
            id, outcome: outcome, date: try params.optional("date")?.date() ?? context.today, catalog: context.snapshot.catalog,
            actor: context.auditActor, today: context.today)
        return .object([("secondment", ended.secondment.json), ("move", ended.ending.json)])
    }
}
