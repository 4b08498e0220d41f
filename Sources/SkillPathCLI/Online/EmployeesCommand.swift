import SkillPathJSON
import SkillPathProtocol

/// `skillpath employees`: the employees you may see.
enum EmployeesCommand: Command {
    static let spec = CommandSpec(
        path: ["employees"], summary: "list the employees you may see (yourself, your subtree, or all)",
        synopsis: "employees [--manager ID] [--role ROLE] [--json]",
        options: [
            OptionSpec("manager", value: "ID", help: "only this manager's direct reports"),
            OptionSpec("role", value: "ROLE", help: "only this role"),
        ],
        examples: ["skillpath employees", "skillpath employees --manager e-002"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let items = try context.daemon().allPages(EmployeesList.self, noun: "employees") { page in
            EmployeesList.Params(role: arguments.value("role"), manager: arguments.value("manager"), page: page)
        }
        if context.printedJSON(.array(items)) { return .success }
        let rows = items.map { [$0["id"]?.stringValue ?? "?", $0["name"]?.stringValue ?? "?", $0["login"]?.stringValue ?? "—", $0["role"]?.stringValue ?? "?", $0["manager"]?.stringValue ?? "—"] }
        TextLayout.table(header: ["ID", "Name", "Login", "Role", "Manager"], rows: rows, width: context.console.width, shrinkable: [1]).forEach(context.console.line)
        return .success
    }
}
