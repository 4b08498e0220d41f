import SkillPathJSON
import SkillPathProtocol

/// `skillpath employees`: the employees you may see.
enum EmployeesCommand: Command {
    static let spec = CommandSpec(
        path: ["employees"], summary: "list the employees you may see (yourself, your subtree, or all)",
        synopsis: "employees [--manager ID] [--role ROLE] [--limit N | --all] [--json]",
        options: [
            OptionSpec("manager", value: "ID", help: "only this manager's direct reports"),
            OptionSpec("role", value: "ROLE", help: "only this role"),
            ListLimit.limitOption, ListLimit.allOption,
        ],
        examples: ["skillpath employees", "skillpath employees --manager e-002"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let limit = try ListLimit(arguments, json: context.wantsJSON)
        let listing = try context.daemon().pages(EmployeesList.self, noun: "employees", limit: limit.rows) { page in
            EmployeesList.Params(role: arguments.value("role"), manager: arguments.value("manager"), page: page)
        }
        let items = listing.items
        if context.printedJSON(.array(items)) { return .success }
        let rows = items.map { [$0["id"]?.stringValue ?? "?", $0["name"]?.stringValue ?? "?", $0["login"]?.stringValue ?? "—", $0["role"]?.stringValue ?? "?", $0["manager"]?.stringValue ?? "—"] }
        context.console.table(header: ["ID", "Name", "Login", "Role", "Manager"], rows: rows, shrinkable: [1])
        if let footer = ListLimit.footer(shown: items.count, total: listing.total, more: listing.more, noun: "employees") { context.console.note(footer) }
        return .success
    }
}
