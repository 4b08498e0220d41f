import SkillPathCore
import SkillPathJSON

/// `skillpath plan`: a learning path from a profile file, planned locally on a catalog directory.
enum PlanCommand: Command {
    static let spec = CommandSpec(
        path: ["plan"], summary: "plan a learning path offline, from a catalog directory and a profile file",
        synopsis: "plan --catalog DIR --profile FILE --target ROLE [options] [--format text|dot|mermaid] [--json]",
        discussion: """
        FILE is JSON: {"skills": [{"skill": "python", "level": 2}], "completed": ["py-101"], "role": "analyst"}.
        The plan minimises total hours (or cost with --objective cost); each step says why it is there.
        With --hours-per-week each step gets dates, starting today unless --start says otherwise.
        """,
        options: [
            OptionSpec("catalog", value: "DIR", help: "the catalog directory"),
            OptionSpec("profile", value: "FILE", help: "the employee's profile (JSON)"),
            OptionSpec("target", value: "ROLE", help: "the role to plan for"),
            OptionSpec("format", value: "text|dot|mermaid", help: "text (default), or the path's prerequisite graph"),
        ] + PlanOptionFlags.specs.filter { $0.name != "format" } + [
            OptionSpec("course-format", value: "FORMAT", repeatable: true, help: "allowed course formats (repeat or comma-separate)"),
        ],
        examples: [
            "skillpath plan --catalog Catalog --profile me.json --target eng-senior",
            "skillpath plan --catalog Catalog --profile me.json --target data-scientist --objective cost --max-cost 1500",
            "skillpath plan --catalog Catalog --profile me.json --target eng-staff --hours-per-week 5 --deadline 2027-06-30",
            "skillpath plan --catalog Catalog --profile me.json --target eng-senior --format dot | dot -Tsvg > path.svg",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let catalog = try OfflineInputs.catalog(try arguments.required("catalog"))
        let profile = try OfflineInputs.profile(file: try arguments.required("profile"))
        let target = try arguments.required("target")
        let options = try planOptions(arguments, today: context.today)
        let plan: Plan
        do {
            plan = try Planner(catalog: catalog).plan(profile: profile, targetRole: target, options: options)
        } catch {
            throw error.cliError
        }
        try show(plan, context: context)
        return .success
    }

    /// Plan options from flags; `--format` names the output here, so course formats are `--course-format`.
    static func planOptions(_ arguments: ParsedArguments, today: CalendarDate) throws(CLIError) -> PlanOptions {
        var adjusted = arguments
        adjusted.options["format"] = arguments.options["course-format"]
        return try PlanOptionFlags.options(from: adjusted, today: today)
    }

    static func show(_ plan: Plan, context: CommandContext) throws(CLIError) {
        if context.wantsJSON {
            context.console.json(plan.json)
            return
        }
        let format = context.arguments.value("format") ?? "text"
        if format == "text" {
            PlanRenderer(console: context.console).render(plan).forEach(context.console.line)
        } else if let graph = PlanGraphRenderer.Format(rawValue: format) {
            PlanGraphRenderer.render(plan, as: graph).forEach(context.console.line)
        } else {
            throw .usage("--format must be text, dot or mermaid, got '\(format)'")
        }
    }
}
