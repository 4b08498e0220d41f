import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath progress COURSE --started|--completed`.
enum ProgressCommand: Command {
    static let spec = CommandSpec(
        path: ["progress"], summary: "record that you started or completed a course",
        synopsis: "progress COURSE --started|--completed [--at DATE] [--event-id ID] [--employee ID] [--json]",
        discussion: "A completion raises your skills to what the course teaches and advances your assignments. Services and administrators may record for --employee.",
        options: [
            OptionSpec("started", help: "you began the course"),
            OptionSpec("completed", help: "you finished the course"),
            OptionSpec("at", value: "DATE", help: "when (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; default now)"),
            OptionSpec("event-id", value: "ID", help: "an id for this event, so a retry is recorded once"),
            OptionSpec("employee", value: "ID", help: "whose progress (services and administrators)"),
        ],
        positionals: ["COURSE"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath progress sql-201 --completed", "skillpath progress ml-101 --started --at 2026-11-20"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let started = arguments.flag("started")
        let completed = arguments.flag("completed")
        guard started != completed else { throw .usage("give exactly one of --started and --completed") }
        let daemon = context.daemon()
        let employee = try ownID(daemon, unless: arguments.value("employee"))
        let at = try arguments.value("at").map { text throws(CLIError) -> String in
            guard let parsed = Timestamps.parse(text) else { throw .usage("--at must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got '\(text)'") }
            return parsed
        }
        let result = try daemon.call(ProgressRecord.self, ProgressRecord.Params(
            employee: employee, course: arguments.positionals[0], status: started ? .started : .completed, at: at, eventID: arguments.value("event-id")))
        if context.printedJSON(result) { return .success }
        let console = context.console
        if result["duplicate"] == .bool(true) {
            console.line("Already recorded (event \(result["eventId"]?.stringValue ?? "?")); nothing changed.")
            return .success
        }
        console.line("Recorded: \(employee) \(started ? "started" : "completed") \(arguments.positionals[0]) at \(result["at"]?.stringValue ?? "?").")
        for raised in result["skillsRaised"]?.arrayValue ?? [] {
            console.line("  " + console.styled("↑", .green) + " \(raised["skill"]?.stringValue ?? "?") \(raised["from"]?.intValue ?? 0) → \(raised["to"]?.intValue ?? 0)")
        }
        for assignment in result["assignments"]?.arrayValue ?? [] {
            let renderer = AssignmentRenderer(console: console)
            console.line("  assignment \(renderer.text(assignment["id"])) (\(assignment["targetRole"]?.stringValue ?? "?")): \(renderer.text(assignment["percentComplete"]))% done, \(assignment["progress"]?.stringValue ?? "?")")
        }
        return .success
    }
}
