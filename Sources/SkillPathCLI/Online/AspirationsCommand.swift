import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath aspirations`: what you (or a report) want next, and how far each wanted role is.
enum AspirationsCommand: Command {
    static let spec = CommandSpec(
        path: ["aspirations"], summary: "your career aspirations (or a report's): wanted roles with how far each is, skills to grow, moves you are open to",
        synopsis: "aspirations [--employee ID] [--hours-per-week H] [--json]",
        discussion: """
        Each wanted role is planned from the stored skills and dated at the weekly pace (your preferred
        hours unless --hours-per-week is given). Your managers can see them; other employees cannot.
        Set yours with 'skillpath aspirations set'; 'skillpath suggest' lists wanted roles first.
        """,
        options: [
            OptionSpec("employee", value: "ID", help: "a report's (managers; anyone's, for administrators)"),
            OptionSpec("hours-per-week", value: "H", help: "the pace for 'ready by'"),
        ],
        examples: ["skillpath aspirations", "skillpath aspirations --employee e-008"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let result = try context.daemon().call(EmployeesAspirations.self, EmployeesAspirations.Params(
            employee: context.arguments.value("employee"), hoursPerWeek: try context.arguments.pace()))
        if context.printedJSON(result) { return .success }
        render(result, console: context.console, saved: false)
        return .success
    }

    /// The aspirations as a person reads them: what they said, then each wanted role's distance.
    static func render(_ result: JSONValue, console: Console, saved: Bool) {
        let shown = Shown()
        let aspirations = result["aspirations"]
        let list = { (key: String) in (aspirations?[key]?.arrayValue ?? []).compactMap(\.stringValue) }
        console.heading("Aspirations of \(shown.text(result["employee"]))\(saved ? " (saved)" : "")", result["setAt"].flatMap(\.stringValue).map { " · set \($0.prefix(10))" } ?? "")
        if aspirations?["notLooking"]?.boolValue == true { console.line("  Not looking for a move now.") }
        console.line("  roles wanted:  \(list("roles").isEmpty ? "none said" : list("roles").joined(separator: ", "))")
        console.line("  skills to grow: \(list("skills").isEmpty ? "none said" : list("skills").joined(separator: ", "))")
        console.line("  open to:       \(list("openTo").isEmpty ? "not said" : list("openTo").joined(separator: ", "))")
        for reached in (result["reached"]?.arrayValue ?? []).compactMap(\.stringValue) {
            console.line("  \(reached): reached (the current role)")
        }
        let wanted = result["wanted"]?.arrayValue ?? []
        guard !wanted.isEmpty else { return }
        console.line()
        let rows = wanted.map { role -> [String] in
            guard role["inCatalog"]?.boolValue != false else {
                return [shown.text(role["choice"]), shown.text(role["role"]), "(no longer in the catalog)", "—", "—", "—"]
            }
            return [
                shown.text(role["choice"]), shown.text(role["role"]), shown.text(role["title"]), MobilityFlags.hours(role),
                role["readyBy"]?.stringValue ?? "never", AssignmentRenderer(console: console).openSkills(role["unmet"]),
            ]
        }
        console.table(header: ["Choice", "Role", "Title", "Hours", "Ready by", "Gaps"], rows: rows, rightAligned: [0, 3], shrinkable: [5, 2])
    }
}

/// `skillpath aspirations set`: say what you want next.
enum AspirationsSetCommand: Command {
    static let spec = CommandSpec(
        path: ["aspirations", "set"], summary: "say which roles you want, which skills you want to grow, and which moves you are open to",
        synopsis: "aspirations set [--role ROLE]... [--skill SKILL]... [--open-to KIND]... [--not-looking | --looking] [--clear] [--employee ID] [--json]",
        discussion: """
        Roles are listed most wanted first (at most 5), skills at most 10; KIND is promotion, lateral,
        secondment or project. A list given replaces the stored one, a list left out is kept; --clear
        clears everything first. --not-looking says you want to stay where you are for now (your wishes
        are kept). Your managers see what you set; every change is in the audit trail.
        """,
        options: [
            OptionSpec("role", value: "ROLE", repeatable: true, help: "a role you want, most wanted first (repeat or comma-separate)"),
            OptionSpec("skill", value: "SKILL", repeatable: true, help: "a skill you want to grow"),
            OptionSpec("open-to", value: "KIND", repeatable: true, help: "moves you would take: promotion, lateral, secondment, project"),
            OptionSpec("not-looking", help: "not looking for a move now"),
            OptionSpec("looking", help: "looking again"),
            OptionSpec("clear", help: "clear every aspiration first"),
            OptionSpec("employee", value: "ID", help: "someone else's (administrators)"),
        ],
        examples: [
            "skillpath aspirations set --role data-engineer,ml-engineer --skill python --open-to lateral,project",
            "skillpath aspirations set --not-looking", "skillpath aspirations set --clear",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        var update = arguments.flag("clear") ? AspirationsUpdate(roles: [], skills: [], openTo: [], notLooking: false) : AspirationsUpdate()
        if arguments.flag("role") { update.roles = try Self.list(arguments, "role", most: Aspirations.maximumRoles) }
        if arguments.flag("skill") { update.skills = try Self.list(arguments, "skill", most: Aspirations.maximumSkills) }
        if arguments.flag("open-to") {
            update.openTo = try arguments.values("open-to").map { text throws(CLIError) -> Aspirations.Move in
                guard let kind = Aspirations.Move(rawValue: text) else {
                    throw .usage("--open-to must be one of \(Aspirations.Move.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
                }
                return kind
            }
        }
        switch (arguments.flag("not-looking"), arguments.flag("looking")) {
        case (true, true): throw .usage("--not-looking and --looking contradict each other: give one")
        case (true, false): update.notLooking = true
        case (false, true): update.notLooking = false
        case (false, false): break
        }
        guard !update.isEmpty else { throw .usage("nothing to set: give --role, --skill, --open-to, --not-looking, --looking or --clear", hint: "usage: skillpath \(spec.synopsis)") }
        let daemon = context.daemon()
        let employee = try ownID(daemon, unless: arguments.value("employee"))
        let result = try daemon.call(EmployeesSetAspirations.self, EmployeesSetAspirations.Params(employee: employee, update: update))
        if context.printedJSON(result) { return .success }
        // Show the distances too: what was saved, as `aspirations` shows it.
        let shown = try daemon.call(EmployeesAspirations.self, EmployeesAspirations.Params(employee: employee))
        AspirationsCommand.render(shown, console: context.console, saved: true)
        return .success
    }

    /// A repeatable option's values, at most `most`: more is a usage error naming the flag (exit 64).
    static func list(_ arguments: ParsedArguments, _ name: String, most: Int) throws(CLIError) -> [String] {
        let values = arguments.values(name)
        guard values.count <= most else { throw .usage("--\(name) lists \(values.count) values; at most \(most)") }
        return values
    }
}
