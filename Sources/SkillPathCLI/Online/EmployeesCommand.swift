import SkillPathJSON

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
        let items = try context.daemon().allPages("employees.list", [
            ("manager", context.arguments.value("manager").map(JSONValue.string)), ("role", context.arguments.value("role").map(JSONValue.string)),
        ], noun: "employees")
        if context.printedJSON(.array(items)) { return .success }
        let rows = items.map { [$0["id"]?.stringValue ?? "?", $0["name"]?.stringValue ?? "?", $0["login"]?.stringValue ?? "—", $0["role"]?.stringValue ?? "?", $0["manager"]?.stringValue ?? "—"] }
        TextLayout.table(header: ["ID", "Name", "Login", "Role", "Manager"], rows: rows, width: context.console.width, shrinkable: [1]).forEach(context.console.line)
        return .success
    }
}
