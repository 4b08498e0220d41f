import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath compare ROLE...`: several target roles side by side.
enum CompareCommand: Command {
    static let spec = CommandSpec(
        path: ["compare"], summary: "compare the paths to several roles (what-if)",
        synopsis: "compare ROLE... [--employee ID] [options] [--json]  |  compare ROLE... --catalog DIR --profile FILE",
        discussion: """
        Plans each role with the same profile and options and shows hours, cost, completion date and unmet skills side by side.
        Asks the daemon, for you (or --employee); with --catalog and --profile it plans offline.
        """,
        options: [
            OptionSpec("employee", value: "ID", help: "someone else (your reports, if you manage them)"),
            OptionSpec("catalog", value: "DIR", help: "plan offline on this catalog directory (with --profile)"),
            OptionSpec("profile", value: "FILE", help: "offline: the employee's profile (JSON)"),
        ] + PlanOptionFlags.specs,
        positionals: ["ROLE"], minimumPositionals: 1, maximumPositionals: nil,
        examples: [
            "skillpath compare eng-senior data-engineer",
            "skillpath compare eng-senior sec-engineer --hours-per-week 4",
            "skillpath compare eng-senior data-engineer --catalog Catalog --profile me.json",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        guard arguments.value("catalog") != nil || arguments.value("profile") != nil else {
            let options = try PlanOptionFlags.options(from: arguments, today: context.today).completingSchedule(today: context.today)
            let subject: PlanningSubject = arguments.value("employee").map(PlanningSubject.employee) ?? .caller
            let result = try context.daemon().call(PathsCompare.self, PathsCompare.Params(subject: subject, targetRoles: arguments.positionals, options: options))
            if !context.printedJSON(result) { ComparisonRenderer(console: context.console).render(result).forEach(context.console.line) }
            return .success
        }
        let catalog = try OfflineInputs.catalog(try arguments.required("catalog"))
        let profile = try OfflineInputs.profile(file: try arguments.required("profile"))
        let options = try PlanOptionFlags.options(from: arguments, today: context.today)
        let comparison: RoleComparison
        do {
            comparison = try Planner(catalog: catalog).compare(profile: profile, targetRoles: arguments.positionals, options: options)
        } catch {
            throw error.cliError(flags: context.arguments.givenOptions)
        }
        if context.wantsJSON {
            context.console.json(comparison.json)
        } else {
            ComparisonRenderer(console: context.console).render(comparison.json).forEach(context.console.line)
        }
        return .success
    }
}
