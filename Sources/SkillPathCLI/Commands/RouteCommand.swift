import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath route --target ROLE`: the cheapest sequence of roles to a target along the transitions.
enum RouteCommand: Command {
    static let spec = CommandSpec(
        path: ["route"], summary: "find the cheapest sequence of role moves to a target role",
        synopsis: "route --target ROLE [--employee ID] [--max-hops N] [options] [--json]  |  … --catalog DIR --profile FILE",
        discussion: """
        Starts from the current role and follows promotions, lateral moves and secondments. A hop costs the
        hours (or cost) of its plan; skills learnt on one hop count on the next. Asks the daemon, for you (or
        --employee); with --catalog and --profile (which must have "role") it plans offline.
        """,
        options: [
            OptionSpec("employee", value: "ID", help: "someone else (your reports, if you manage them)"),
            OptionSpec("catalog", value: "DIR", help: "plan offline on this catalog directory (with --profile)"),
            OptionSpec("profile", value: "FILE", help: "offline: the employee's profile (JSON), with its current role"),
            OptionSpec("target", value: "ROLE", help: "the role to reach"),
            OptionSpec("max-hops", value: "N", help: "the most transitions to take (default 4)"),
        ] + PlanOptionFlags.specs,
        examples: ["skillpath route --target eng-manager", "skillpath route --target eng-staff --catalog Catalog --profile me.json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let target = try arguments.required("target")
        let options = try PlanOptionFlags.options(from: arguments, today: context.today)
        let hops = try maxHops(arguments)
        guard arguments.value("catalog") != nil || arguments.value("profile") != nil else {
            let subject: PlanningSubject = arguments.value("employee").map(PlanningSubject.employee) ?? .caller
            let result = try context.daemon().call(RolesRoute.self, RolesRoute.Params(subject: subject, targetRole: target, maxHops: hops, options: options))
            if !context.printedJSON(result) { RouteRenderer(console: context.console).render(result).forEach(context.console.line) }
            return result["found"] == .bool(true) ? .success : .failure
        }
        let catalog = try OfflineInputs.catalog(try arguments.required("catalog"))
        let profile = try OfflineInputs.profile(file: try arguments.required("profile"))
        let route: Route
        do {
            route = try Planner(catalog: catalog).route(profile: profile, targetRole: target, options: options.completingSchedule(today: context.today), maxHops: hops)
        } catch {
            throw error.cliError(flags: context.arguments.givenOptions)
        }
        if context.wantsJSON {
            context.console.json(route.json)
        } else {
            RouteRenderer(console: context.console).render(route.json).forEach(context.console.line)
        }
        return route.found ? .success : .failure
    }

    static func maxHops(_ arguments: ParsedArguments) throws(CLIError) -> Int {
        guard let text = arguments.value("max-hops") else { return Planner.defaultMaxHops }
        guard let hops = Int(text), (1...10).contains(hops) else { throw .usage("--max-hops must be a whole number from 1 to 10, got '\(text)'") }
        return hops
    }
}
