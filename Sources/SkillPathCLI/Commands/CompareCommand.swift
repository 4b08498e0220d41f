import SkillPathCore

/// `skillpath compare ROLE...`: several target roles side by side.
enum CompareCommand: Command {
    static let spec = CommandSpec(
        path: ["compare"], summary: "compare the paths to several roles (what-if)",
        synopsis: "compare ROLE... --catalog DIR --profile FILE [options] [--json]",
        discussion: "Plans each role with the same profile and options and shows hours, cost, completion date and unmet skills side by side.",
        options: [
            OptionSpec("catalog", value: "DIR", help: "the catalog directory"),
            OptionSpec("profile", value: "FILE", help: "the employee's profile (JSON)"),
        ] + PlanOptionFlags.specs,
        positionals: ["ROLE"], minimumPositionals: 1, maximumPositionals: nil,
        examples: [
            "skillpath compare eng-senior data-engineer --catalog Catalog --profile me.json",
            "skillpath compare eng-senior sec-engineer --catalog Catalog --profile me.json --hours-per-week 4",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let catalog = try OfflineInputs.catalog(try arguments.required("catalog"))
        let profile = try OfflineInputs.profile(file: try arguments.required("profile"))
        let options = try PlanOptionFlags.options(from: arguments, today: context.today)
        let comparison: RoleComparison
        do {
            comparison = try Planner(catalog: catalog).compare(profile: profile, targetRoles: arguments.positionals, options: options)
        } catch {
            throw error.cliError
        }
        if context.wantsJSON {
            context.console.json(comparison.json)
        } else {
            ComparisonRenderer(console: context.console).render(comparison).forEach(context.console.line)
        }
        return .success
    }
}
