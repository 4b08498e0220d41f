import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath plan`: a learning path from a profile file, planned locally on a catalog directory.
enum PlanCommand: Command {
    static let spec = CommandSpec(
        path: ["plan"], summary: "plan a learning path offline, from a catalog directory and a profile file",
        synopsis: "plan --catalog DIR --profile FILE --target ROLE [options] [--graph dot|mermaid | --json]",
        discussion: """
        FILE is JSON: {"skills": [{"skill": "python", "level": 2}], "completed": ["py-101"], "role": "analyst"}.
        The plan minimises total hours (or cost with --objective cost); each step says why it is there.
        With --hours-per-week each step gets dates, starting today unless --start says otherwise.
        """,
        options: [
            OptionSpec("catalog", value: "DIR", help: "the catalog directory"),
            OptionSpec("profile", value: "FILE", help: "the employee's profile (JSON)"),
            OptionSpec("target", value: "ROLE", help: "the role to plan for"),
            graphOption,
        ] + PlanOptionFlags.specs,
        examples: [
            "skillpath plan --catalog Catalog --profile me.json --target eng-senior",
            "skillpath plan --catalog Catalog --profile me.json --target data-scientist --objective cost --max-cost 1500",
            "skillpath plan --catalog Catalog --profile me.json --target eng-staff --hours-per-week 5 --deadline 2027-06-30",
            "skillpath plan --catalog Catalog --profile me.json --target eng-senior --graph dot | dot -Tsvg > path.svg",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let catalog = try OfflineInputs.catalog(try arguments.required("catalog"))
        let profile = try OfflineInputs.profile(file: try arguments.required("profile"))
        let target = try arguments.required("target")
        var flags = arguments
        let graph = try graphFormat(&flags, context: context)
        let options = try PlanOptionFlags.options(from: flags, today: context.today).completingSchedule(today: context.today)
        let plan: Plan
        do {
            plan = try Planner(catalog: catalog).plan(profile: profile, targetRole: target, options: options)
        } catch {
            throw error.cliError(flags: context.arguments.givenOptions)
        }
        show(plan, graph: graph, context: context)
        return .success
    }

    static let graphOption = OptionSpec("graph", value: "dot|mermaid", help: "print the path's prerequisite graph instead of the timeline")

    /// `--graph dot|mermaid`, or nil for the timeline. `--format text|dot|mermaid` is the spelling from before
    /// `--format` named course formats here as it does in compare and route: still read, with a note, and
    /// taken out of the course formats. `--json` prints the plan itself, so it does not combine with a graph.
    static func graphFormat(_ arguments: inout ParsedArguments, context: CommandContext) throws(CLIError) -> PlanGraphRenderer.Format? {
        var chosen = arguments.value("graph")
        let outputs = Set(["text", "dot", "mermaid"])
        let formats = arguments.values("format")
        if let old = formats.first(where: outputs.contains) {
            guard formats.count == 1, chosen == nil else {
                throw .usage("--format \(old) is the old spelling of --graph; it cannot be mixed with course formats or --graph")
            }
            context.console.warning("--format \(old) is deprecated here: use \(old == "text" ? "no flag" : "--graph \(old)") (--format names course formats, as in compare and route)")
            arguments.options["format"] = nil
            chosen = old == "text" ? nil : old
        }
        guard let chosen else { return nil }
        guard let graph = PlanGraphRenderer.Format(rawValue: chosen) else {
            throw .usage("--graph must be dot or mermaid, got '\(chosen)'")
        }
        if context.wantsJSON { throw .usage("--graph and --json do not combine: --json prints the plan, --graph its prerequisite graph") }
        return graph
    }

    static func show(_ plan: Plan, graph: PlanGraphRenderer.Format?, context: CommandContext) {
        if context.wantsJSON {
            context.console.json(plan.json)
        } else if let graph {
            PlanGraphRenderer.render(plan, as: graph).forEach(context.console.line)
        } else {
            PlanRenderer(console: context.console).render(plan).forEach(context.console.line)
        }
    }
}
