import SkillPathJSON
import SkillPathProtocol

/// `skillpath assign EMPLOYEE ROLE` and `skillpath assign --team ROLE`.
enum AssignCommand: Command {
    static let spec = CommandSpec(
        path: ["assign"], summary: "assign a target role to a report, or to your whole team (managers)",
        synopsis: "assign EMPLOYEE ROLE [--due DATE] [options] | assign --team ROLE [--subtree] [--due DATE] [--json]",
        discussion: """
        Freezes the plan from the employee's stored skills, dated to finish by --due (or at --hours-per-week).
        With --team, assigns ROLE to each of your direct reports (--subtree: everyone under you); reports who
        already have it active are skipped and listed.
        """,
        options: [
            OptionSpec("due", value: "DATE", help: "the due date (YYYY-MM-DD)"),
            OptionSpec("team", help: "assign to all your direct reports"),
            OptionSpec("subtree", help: "with --team: everyone under you"),
            OptionSpec("manager", value: "ID", help: "with --team: this manager's team (administrators)"),
        ] + PlanOptionFlags.specs,
        positionals: ["EMPLOYEE", "ROLE"], minimumPositionals: 1, maximumPositionals: 2,
        examples: [
            "skillpath assign e-005 eng-senior --due 2027-06-30",
            "skillpath assign --team data-analyst-senior --due 2027-09-30",
            "skillpath assign e-006 eng-mid --hours-per-week 3",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let daemon = context.daemon()
        let options = try PlanOptionFlags.options(from: arguments, today: context.today)
        let due = try arguments.date("due")
        var targets: [String] = []
        let role: String
        if arguments.flag("team") {
            guard arguments.positionals.count == 1 else { throw .usage("with --team give only ROLE", hint: "usage: skillpath \(spec.synopsis)") }
            role = arguments.positionals[0]
            let manager = try ownID(daemon, unless: arguments.value("manager"))
            let team = try daemon.call(ReportsTeam.self, ReportsTeam.Params(manager: manager, subtree: arguments.flag("subtree")))
            targets = (team["reports"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            guard !targets.isEmpty else { throw CLIError(.notFound, "\(manager) has no reports to assign") }
        } else {
            guard arguments.positionals.count == 2 else { throw .usage("give EMPLOYEE and ROLE (or --team ROLE)", hint: "usage: skillpath \(spec.synopsis)") }
            targets = [arguments.positionals[0]]
            role = arguments.positionals[1]
        }
        var created: [JSONValue] = []
        var skipped: [(String, String)] = []
        for employee in targets {
            do {
                created.append(try daemon.call(AssignmentsCreate.self, AssignmentsCreate.Params(employee: employee, targetRole: role, dueDate: due, options: options)))
            } catch where targets.count > 1 && (error.exitCode == .dataError || error.exitCode == .forbidden) {
                skipped.append((employee, error.message))
            }
        }
        if context.wantsJSON {
            context.console.json(.object([
                ("created", .array(created)),
                ("skipped", .array(skipped.map { .object([("employee", .string($0.0)), ("reason", .string($0.1))]) })),
            ]))
            return skipped.isEmpty ? .success : .dataError
        }
        let renderer = AssignmentRenderer(console: context.console)
        for assignment in created {
            context.console.line("Assigned \(role) to \(assignment["employee"]?.stringValue ?? "?"): assignment \(renderer.text(assignment["id"])), \(renderer.text(assignment["hoursTotal"])) h, planned to finish \(assignment["plannedCompletion"]?.stringValue ?? "?")" + (assignment["dueDate"]?.stringValue.map { " (due \($0))" } ?? ""))
        }
        for (employee, reason) in skipped {
            context.console.line(context.console.styled("Skipped \(employee): \(reason)", .yellow))
        }
        return skipped.isEmpty ? .success : .dataError
    }
}
