import SkillPathJSON
import SkillPathProtocol

/// `skillpath assignments`: a table of assignments.
enum AssignmentsCommand: Command {
    /// The next course only with `--wide` or into a pipe: the rest fits 80 columns.
    static func wideOnly(_ cells: [String], console: Console) -> [String] {
        console.wide || !console.forPeople ? cells : cells.enumerated().filter { $0.offset != 7 }.map(\.element)
    }

    static let spec = CommandSpec(
        path: ["assignments"], summary: "list assignments: yours, a report's, or all you may see",
        synopsis: "assignments [--employee ID] [--limit N | --all] [--json]",
        options: [OptionSpec("employee", value: "ID", help: "only this employee's"), ListLimit.limitOption, ListLimit.allOption],
        examples: ["skillpath assignments", "skillpath assignments --employee e-005 --json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let limit = try ListLimit(context.arguments, json: context.wantsJSON)
        let result = try context.daemon().call(AssignmentsList.self, AssignmentsList.Params(employee: context.arguments.value("employee")))
        let all = result["assignments"]?.arrayValue ?? []
        let list = limit.rows.map { Array(all.prefix($0)) } ?? all
        if context.printedJSON(limit.rows == nil ? result : .object([("assignments", .array(list))])) { return .success }
        guard !list.isEmpty else {
            context.console.line("No assignments.")
            return .success
        }
        let renderer = AssignmentRenderer(console: context.console)
        let rows = list.map { item -> [String] in
            [
                renderer.text(item["id"]), item["employee"]?.stringValue ?? "?", item["targetRole"]?.stringValue ?? "?",
                item["plannedCompletion"]?.stringValue ?? "—", item["dueDate"]?.stringValue ?? "—", "\(renderer.text(item["percentComplete"]))%",
                item["progress"]?.stringValue ?? "?",
                item["nextCourse"]?.stringValue ?? "—", renderer.openSkills(item["unmet"]),
            ]
        }
        context.console.table(
            header: Self.wideOnly(["ID", "Employee", "Target", "Finish", "Due", "Done", "Progress", "Next course", "Skills the plan cannot close"], console: context.console),
            rows: rows.map { Self.wideOnly($0, console: context.console) }, rightAligned: [0, 5], shrinkable: [context.console.wide || !context.console.forPeople ? 8 : 7])
        if let footer = ListLimit.footer(shown: list.count, total: all.count, more: list.count < all.count, noun: "assignments") { context.console.note(footer) }
        return .success
    }
}
