import SkillPathCore

/// The plan options as command-line flags, shared by `plan`, `path`, `compare` and `route`.
enum PlanOptionFlags {
    static let specs = [
        OptionSpec("objective", value: "hours|cost", help: "minimise total hours (default) or total cost"),
        OptionSpec("thorough", help: "search a hundred times longer for the best plan (milliseconds, not microseconds)"),
        OptionSpec("quick", help: "search only the cheapest-looking ways into each level on large catalogs (faster, plans can cost more)"),
        OptionSpec("format", value: "FORMAT", repeatable: true, help: "allowed course formats (repeat or comma-separate)"),
        OptionSpec("course-format", value: "FORMAT", repeatable: true, help: "the same as --format"),
        OptionSpec("language", value: "LANG", repeatable: true, help: "allowed course languages"),
        OptionSpec("provider", value: "NAME", repeatable: true, help: "allowed course providers"),
        OptionSpec("max-cost", value: "AMOUNT", help: "a budget for the whole plan"),
        OptionSpec("exclude", value: "COURSE", repeatable: true, help: "courses never to plan"),
        OptionSpec("include-optional", help: "also close the target's optional skills"),
        OptionSpec("keep-current-role", help: "also close the gaps of the current role"),
        OptionSpec("hours-per-week", value: "HOURS", help: "learning pace; gives every step dates"),
        OptionSpec("start", value: "YYYY-MM-DD", help: "first day of learning (default: today)"),
        OptionSpec("deadline", value: "YYYY-MM-DD", help: "say whether the plan is done by this date"),
    ]

    static func options(from arguments: ParsedArguments, today: CalendarDate) throws(CLIError) -> PlanOptions {
        var options = PlanOptions()
        if let objective = arguments.value("objective") {
            guard let parsed = PlanOptions.Objective(rawValue: objective) else {
                throw .usage("--objective must be 'hours' or 'cost', got '\(objective)'")
            }
            options.objective = parsed
        }
        if arguments.flag("thorough") && arguments.flag("quick") { throw .usage("--quick and --thorough cannot be given together") }
        if arguments.flag("thorough") { options.effort = .thorough }
        if arguments.flag("quick") { options.effort = .quick }
        let formats = arguments.values("format") + arguments.values("course-format")
        if !formats.isEmpty { options.formats = Set(formats) }
        let languages = arguments.values("language")
        if !languages.isEmpty { options.languages = Set(languages) }
        let providers = arguments.values("provider")
        if !providers.isEmpty { options.providers = Set(providers) }
        options.exclude = Set(arguments.values("exclude"))
        options.includeOptional = arguments.flag("include-optional")
        options.keepCurrentRole = arguments.flag("keep-current-role")
        if let text = arguments.value("max-cost") { options.maxCost = try quantity(text, flag: "max-cost", allowZero: true) }
        if let text = arguments.value("hours-per-week") { options.hoursPerWeek = try quantity(text, flag: "hours-per-week", allowZero: false) }
        if let text = arguments.value("start") { options.startDate = try date(text, flag: "start") }
        if let text = arguments.value("deadline") { options.deadline = try date(text, flag: "deadline") }
        do {
            try options.completingSchedule(today: today).validate()
        } catch {
            // The same rules as the daemon's, named as the flags the user typed.
            throw .usage("\(flag(for: error.field)) \(error.message)")
        }
        // A deadline without a pace is left for the daemon to date at the employee's stored pace; a command
        // planning on its own completes the schedule itself (`completingSchedule`).
        return options
    }

    /// `options.hoursPerWeek` → `--hours-per-week`.
    static func flag(for field: String) -> String {
        let name = field.hasPrefix("options.") ? String(field.dropFirst("options.".count)) : field
        let flag = "--" + OptionSpec.kebabCase(name)
        return flag == "--start-date" ? "--start" : flag
    }

    static func quantity(_ text: String, flag: String, allowZero: Bool) throws(CLIError) -> Quantity {
        guard let value = Quantity(literal: text), value >= .zero, allowZero || value > .zero else {
            throw .usage("--\(flag) must be a \(allowZero ? "non-negative" : "positive") number, got '\(text)'")
        }
        return value
    }

    static func date(_ text: String, flag: String) throws(CLIError) -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw .usage("--\(flag) must be a date as YYYY-MM-DD, got '\(text)'") }
        return date
    }
}
