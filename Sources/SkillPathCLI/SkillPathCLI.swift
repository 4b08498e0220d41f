import Foundation
import SkillPathCore

/// The `skillpath` command line: parses, dispatches, maps every failure to `Error: …` and an exit code.
public enum SkillPathCLI {
    static let commands: [any Command.Type] = [
        PathCommand.self, CompareCommand.self, RouteCommand.self, ProgressCommand.self,
        AssignCommand.self, AssignmentsCommand.self, TeamCommand.self, ReplanCommand.self, EmployeesCommand.self, PreferencesCommand.self,
        AspirationsCommand.self, AspirationsSetCommand.self, AspirationsReportCommand.self, SuccessionReportCommand.self, SpendReportCommand.self, EventsCommand.self,
        SkillsCommand.self, SkillsSetCommand.self, SuggestCommand.self, CandidatesCommand.self, MovesCommand.self, MovesRecordCommand.self, MovesEndCommand.self, MovesFeedbackCommand.self, ProjectsCommand.self, ProjectsFinishCommand.self,
        OpportunitiesCommand.self, OpportunitiesOpenCommand.self, OpportunitiesCloseCommand.self,
        ApplyCommand.self, ApplicationsCommand.self, ApplicationsMoveCommand.self, ApplicationsWithdrawCommand.self,
        MentorsCommand.self, MentorsOfferCommand.self, MentoringCommand.self, MentoringStartCommand.self, MentoringEndCommand.self,
        MobilityReportCommand.self, SkillsReportCommand.self, HTMLReportCommand.self, AuditCommand.self,
        CatalogSearchCommand.self, CatalogShowCommand.self, CatalogCheckCommand.self, CatalogImportCommand.self, PlanCommand.self,
        ImportCommand.self, XAPIImportCommand.self, ReloadCommand.self, HealthCommand.self, RPCCommand.self, CompletionCommand.self, CompleteCommand.self, ManualCommand.self,
    ]

    public static var specs: [CommandSpec] { commands.map { $0.spec } }

    public static func main(_ arguments: [String], environment: [String: String]) -> Int32 {
        let noColor = arguments.contains("--no-color")
        let console = Console.standard(
            environment: environment, noColor: noColor, noPager: arguments.contains("--no-pager"), noHeaders: arguments.contains("--no-headers"),
            wide: arguments.contains("--wide"))
        defer { console.flush() }
        do throws(CLIError) {
            let parsed = try ArgumentParser(commands: specs).parse(arguments)
            if parsed.flag("version") {
                console.line("skillpath \(SkillPathVersion.current)")
                return 0
            }
            if let group = parsed.group {
                HelpRenderer.group(group, specs).forEach(console.line)
                return 0
            }
            guard let spec = parsed.command, let command = commands.first(where: { $0.spec.path == spec.path }) else {
                HelpRenderer.overview(specs).forEach(console.line)
                return parsed.flag("help") || arguments.isEmpty ? (arguments.isEmpty ? ExitCode.usage.rawValue : 0) : ExitCode.usage.rawValue
            }
            if parsed.flag("help") {
                HelpRenderer.command(spec).forEach(console.line)
                return 0
            }
            let context = CommandContext(arguments: parsed, console: console, environment: environment)
            console.jsonFields = try JSONFields.requested(parsed)
            let status = try command.run(context)
            if let problem = console.fieldProblem { throw problem }
            return status.rawValue
        } catch {
            console.error(error)
            return error.exitCode.rawValue
        }
    }
}
