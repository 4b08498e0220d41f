import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath preferences`: show or set how you like to learn (the defaults of your plans).
enum PreferencesCommand: Command {
    static let spec = CommandSpec(
        path: ["preferences"], summary: "show or set your learner preferences: course languages, formats, weekly hours",
        synopsis: "preferences [--language LANG]... [--format FORMAT]... [--hours-per-week H] [--clear] [--employee ID] [--json]",
        discussion: """
        They are the defaults of your plans (path, compare, route, suggest, and assignments made for you).
        Languages and formats are preferred, never required: a plan uses courses outside them only where the
        catalog has no way with fewer such hours, and says so at each such step. The weekly hours date your
        plans (4 a week when not set). A plan's own --language or --format is a hard filter, and its
        --hours-per-week wins. With no option, shows them. A list given replaces the stored one; --clear
        clears all three. Administrators may set anyone's with --employee.
        """,
        options: [
            OptionSpec("language", value: "LANG", repeatable: true, help: "course languages you prefer (repeat or comma-separate)"),
            OptionSpec("format", value: "FORMAT", repeatable: true, help: "course formats you prefer"),
            OptionSpec("hours-per-week", value: "H", help: "your weekly learning budget"),
            OptionSpec("clear", help: "clear every preference"),
            OptionSpec("employee", value: "ID", help: "someone else's (administrators)"),
        ],
        examples: ["skillpath preferences", "skillpath preferences --language en,de --hours-per-week 4", "skillpath preferences --clear"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let daemon = context.daemon()
        var changes = PreferencesUpdate()
        if arguments.flag("clear") { changes = PreferencesUpdate(languages: [], formats: [], hoursPerWeek: .some(nil)) }
        if arguments.flag("language") { changes.languages = arguments.values("language") }
        if arguments.flag("format") { changes.formats = arguments.values("format") }
        if let hours = try arguments.pace() { changes.hoursPerWeek = .some(hours) }
        let unchanged = changes == PreferencesUpdate()
        let employee = try ownID(daemon, unless: arguments.value("employee"))
        let preferences: JSONValue?
        if unchanged {
            preferences = try daemon.call(EmployeesGet.self, EmployeesGet.Params(id: employee))["preferences"]
        } else {
            preferences = try daemon.call(EmployeesSetPreferences.self, EmployeesSetPreferences.Params(employee: employee, update: changes))["preferences"]
        }
        if context.printedJSON(preferences ?? .null) { return .success }
        let languages = preferences?["languages"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let formats = preferences?["formats"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let hours = preferences?["hoursPerWeek"].flatMap { $0.isNull ? nil : JSONWriter.string($0) }
        context.console.line("Learner preferences of \(employee)\(unchanged ? "" : " (saved)"):")
        context.console.line("  languages:      \(languages.isEmpty ? "any" : languages.joined(separator: ", "))")
        context.console.line("  formats:        \(formats.isEmpty ? "any" : formats.joined(separator: ", "))")
        context.console.line("  hours per week: \(hours ?? "not set (plans are dated at \(PlanOptions.defaultHoursPerWeek) a week unless you give --hours-per-week)")")
        if !languages.isEmpty || !formats.isEmpty {
            context.console.line(context.console.styled("  Plans prefer these languages and formats, and use others only where they must (each such step says so).", .dim))
        }
        return .success
    }
}
