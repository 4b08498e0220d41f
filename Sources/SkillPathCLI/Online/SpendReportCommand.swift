import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath report spend`: what training costs, completed and planned, per team and per target role.
enum SpendReportCommand: Command {
    static let spec = CommandSpec(
        path: ["report", "spend"], summary: "training spend, completed and planned, per team and per target role, in each currency (managers; administrators)",
        synopsis: "report spend [--from DATE | --months N] [--to DATE] [--manager ID] [--json]",
        discussion: """
        Completed: the courses completed in the period at the catalog's price, toward the target role of
        the assignment that planned them ("own learning" when none did). Planned: the steps of active
        assignments not done yet, today. Each currency is shown apart, never added to another; a course
        the catalog no longer prices is counted as unpriced, not as free. Teams are the people reporting to
        each manager. Definitions: docs/reports.md, "Training spend".
        """,
        options: [
            OptionSpec("from", value: "DATE", help: "the first day of the period (default: a year before --to)"),
            OptionSpec("months", value: "N", help: "the N months up to --to, instead of --from"),
            OptionSpec("to", value: "DATE", help: "the last day of the period (default today)"),
            OptionSpec("manager", value: "ID", help: "this manager's subtree"),
        ],
        examples: ["skillpath report spend", "skillpath report spend --months 3 --manager e-002"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let (from, to) = try arguments.reportPeriod(today: context.today)
        let report = try context.daemon().call(ReportsSpend.self, ReportsSpend.Params(from: from, to: to, manager: arguments.value("manager")))
        if context.printedJSON(report) { return .success }
        let console = context.console
        let shown = Shown()
        let scope = report["manager"]?.stringValue.map { "the subtree of \($0)" } ?? "everyone"
        console.heading(always: true, "Training spend \(shown.text(report["from"])) – \(shown.text(report["to"])), \(scope)", " (planned: as of today)")
        let total = report["total"]
        console.line("  Completed: \(amount(total?["completed"]))")
        console.line("  Planned:   \(amount(total?["planned"]))")
        let teams = (report["teams"]?.arrayValue ?? []).map { team in
            [team["manager"]?.stringValue.map { "\($0) \(team["name"]?.stringValue ?? "")" } ?? "(no manager)", amount(team["completed"]), amount(team["planned"])]
        }
        let roles = (report["roles"]?.arrayValue ?? []).map { role in
            [role["role"]?.stringValue ?? "(own learning)", amount(role["completed"]), amount(role["planned"])]
        }
        for (title, rows) in [("Team (manager)", teams), ("Target role", roles)] where !rows.isEmpty {
            console.line("")
            console.table(header: [title, "Completed", "Planned"], rows: rows, shrinkable: [0])
        }
        return .success
    }

    /// "450 USD + 80 EUR (5 courses, 1 unpriced)".
    static func amount(_ value: JSONValue?) -> String {
        let unpriced = value?["unpriced"]?.intValue ?? 0
        return "\(Money.shown(list: value?["cost"])) (\(Plural.count(value?["courses"]?.intValue ?? 0, "course"))"
            + (unpriced > 0 ? ", \(unpriced) unpriced" : "") + ")"
    }
}
