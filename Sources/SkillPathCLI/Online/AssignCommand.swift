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
        already hold ROLE or already have it assigned are skipped and listed, and a report the daemon refuses
        is listed with the reason. Exit 0 when anyone was assigned or nobody needed it; 65 only when nobody
        could be. Warnings name assignments the new one pushes past their due date.
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
        let (role, targets, skipped) = try targets(arguments, daemon: daemon)
        var created: [JSONValue] = []
        var failed: [(employee: String, reason: String)] = []
        for employee in targets {
            do {
                created.append(try daemon.call(AssignmentsCreate.self, AssignmentsCreate.Params(employee: employee, targetRole: role, dueDate: due, options: options)))
            } catch where targets.count + skipped.count > 1 && (error.exitCode == .dataError || error.exitCode == .forbidden) {
                failed.append((employee, error.message))
            }
        }
        // Some assigned, or nothing left to assign, is a success; only a run that assigned nobody it should have is not.
        let exit: ExitCode = created.isEmpty && !failed.isEmpty ? .dataError : .success
        if context.wantsJSON {
            context.console.json(.object([
                ("created", .array(created)),
                ("skipped", .array((skipped + failed).map { .object([("employee", .string($0.employee)), ("reason", .string($0.reason))]) })),
            ]))
            return exit
        }
        report(created: created, skipped: skipped, failed: failed, role: role, console: context.console)
        return exit
    }

    /// The role and who to assign it to; with `--team`, the reports who already hold the role or already
    /// have it assigned are set aside, each with the reason.
    static func targets(_ arguments: ParsedArguments, daemon: DaemonClient) throws(CLIError) -> (role: String, targets: [String], skipped: [(employee: String, reason: String)]) {
        guard arguments.flag("team") else {
            guard arguments.positionals.count == 2 else { throw .usage("give EMPLOYEE and ROLE (or --team ROLE)", hint: "usage: skillpath \(spec.synopsis)") }
            return (arguments.positionals[1], [arguments.positionals[0]], [])
        }
        guard arguments.positionals.count == 1 else { throw .usage("with --team give only ROLE", hint: "usage: skillpath \(spec.synopsis)") }
        let role = arguments.positionals[0]
        let manager = try ownID(daemon, unless: arguments.value("manager"))
        let team = try daemon.call(ReportsTeam.self, ReportsTeam.Params(manager: manager, subtree: arguments.flag("subtree")))
        let reports = team["reports"]?.arrayValue ?? []
        guard !reports.isEmpty else { throw CLIError(.notFound, "\(manager) has no reports to assign") }
        var targets: [String] = []
        var skipped: [(employee: String, reason: String)] = []
        for report in reports {
            guard let id = report["id"]?.stringValue else { continue }
            let active = (report["assignments"]?.arrayValue ?? []).first { $0["targetRole"]?.stringValue == role && $0["status"]?.stringValue == "active" }
            if report["role"]?.stringValue == role {
                skipped.append((id, "already holds \(role)"))
            } else if let active {
                skipped.append((id, "already assigned \(role) (assignment \(active["id"].map { JSONWriter.string($0) } ?? "?"))"))
            } else {
                targets.append(id)
            }
        }
        return (role, targets, skipped)
    }

    static func report(created: [JSONValue], skipped: [(employee: String, reason: String)], failed: [(employee: String, reason: String)], role: String, console: Console) {
        let renderer = AssignmentRenderer(console: console)
        for assignment in created {
            console.line("Assigned \(role) to \(assignment["employee"]?.stringValue ?? "?"): assignment \(renderer.text(assignment["id"])), \(renderer.text(assignment["hoursTotal"])) h, planned to finish \(assignment["plannedCompletion"]?.stringValue ?? "?")" + (assignment["dueDate"]?.stringValue.map { " (due \($0))" } ?? ""))
            for warning in assignment["warnings"]?.arrayValue ?? [] {
                console.line(console.styled("  warning: \(warning.stringValue ?? "?")", .yellow))
            }
        }
        for (employee, reason) in skipped { console.line(console.styled("Skipped \(employee): \(reason)", .dim)) }
        for (employee, reason) in failed { console.line(console.styled("Not assigned \(employee): \(reason)", .yellow)) }
        if created.count + skipped.count + failed.count > 1 {
            console.line("\(created.count) assigned, \(skipped.count) skipped, \(failed.count) not assigned.")
        }
    }
}
