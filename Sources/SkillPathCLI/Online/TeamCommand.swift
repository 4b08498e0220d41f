import SkillPathJSON
import SkillPathProtocol

/// `skillpath team`: your reports and how their assignments are going.
enum TeamCommand: Command {
    static let spec = CommandSpec(
        path: ["team"], summary: "your reports, their assignments, when each is planned to finish, and who is on track",
        synopsis: "team [--manager ID] [--subtree] [--json]",
        options: [
            OptionSpec("manager", value: "ID", help: "a manager in your subtree (services and administrators: anyone)"),
            OptionSpec("subtree", help: "everyone under the manager, not just direct reports"),
        ],
        examples: ["skillpath team", "skillpath team --subtree", "skillpath team --manager e-003 --json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let result = try context.daemon().call(ReportsTeam.self, ReportsTeam.Params(manager: context.arguments.value("manager"), subtree: context.arguments.flag("subtree")))
        if context.printedJSON(result) { return .success }
        let console = context.console
        let reports = result["reports"]?.arrayValue ?? []
        guard !reports.isEmpty else {
            console.line("\(result["manager"]?.stringValue ?? "?") has no reports\(context.arguments.flag("subtree") ? " (direct or indirect)" : "").")
            return .success
        }
        let renderer = AssignmentRenderer(console: console)
        let summary = result["summary"]
        let counts = Self.verdicts.compactMap { key, label in
            (summary?[key]?.intValue ?? 0) > 0 || key == "onTrack" ? console.styled("\(renderer.text(summary?[key])) \(label)", renderer.style(key)) : nil
        }
        // The verdict counts keep their colours: the detail is styled in parts, not dimmed whole.
        console.heading(
            "Team of \(result["manager"]?.stringValue ?? "?") on \(result["date"]?.stringValue ?? "?")",
            " · \(Plural.count(summary?["people"]?.intValue ?? 0, "person", plural: "people")) · \(Plural.count(summary?["assignments"]?.intValue ?? 0, "assignment")): " + counts.joined(separator: ", "))
        var rows: [[String]] = []
        for report in reports {
            let who = [report["id"]?.stringValue ?? "?", report["name"]?.stringValue ?? "?", report["role"]?.stringValue ?? "?"]
            let assignments = report["assignments"]?.arrayValue ?? []
            if assignments.isEmpty { rows.append(who + ["", "—", "", "", "", "", ""]) }
            for (position, assignment) in assignments.enumerated() {
                // People see a person once; programs get the person on every row.
                // The assignment's id: `replan` and `assignments` take it.
                rows.append((position == 0 || !console.forPeople ? who : ["", "", ""]) + [
                    renderer.text(assignment["id"]), assignment["targetRole"]?.stringValue ?? "?", "\(renderer.text(assignment["percentComplete"]))%",
                    assignment["progress"]?.stringValue ?? "?", assignment["plannedCompletion"]?.stringValue ?? "—", assignment["dueDate"]?.stringValue ?? "—",
                    renderer.openSkills(assignment["unmet"]),
                ])
            }
        }
        console.table(
            header: ["ID", "Name", "Role", "Asg", "Target", "Done", "Progress", "Finish", "Due", "Skills the plan cannot close"], rows: rows,
            rightAligned: [3, 5], shrinkable: [9, 1])
        return .success
    }

    /// The summary's counts in the order they are read, each with its words; a verdict nobody has is left
    /// out of the line (on track is always shown).
    static let verdicts: [(key: String, label: String)] = [
        ("onTrack", "on track"), ("atRisk", "at risk"), ("late", "late"), ("overdue", "overdue"), ("completed", "completed"),
        ("coursesDone", "with courses done but skills open"), ("roleReached", "closed by reaching the role"),
    ]
}
