import SkillPathCore

/// Option values read as the types the protocol takes, each refused in the flag's own words (exit 64).
extension ParsedArguments {
    /// `--flag YYYY-MM-DD`.
    func date(_ name: String) throws(CLIError) -> CalendarDate? {
        guard let text = value(name) else { return nil }
        return try PlanOptionFlags.date(text, flag: name)
    }

    /// `--flag N`, a positive whole number.
    func positiveInteger(_ name: String) throws(CLIError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), number > 0 else { throw .usage("--\(name) must be a positive whole number, got '\(text)'") }
        return number
    }

    /// `--hours-per-week H`, by the plan options' rules: a positive exact number, at most the hours in a week.
    func pace() throws(CLIError) -> Quantity? {
        guard let text = value("hours-per-week") else { return nil }
        let hours = try PlanOptionFlags.quantity(text, flag: "hours-per-week", allowZero: false)
        guard hours <= PlanOptions.maximumHoursPerWeek else { throw .usage("--hours-per-week must be at most 168 (the hours in a week), got '\(text)'") }
        return hours
    }

    /// `--flag VALUE`, one of an enumeration's raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, _ type: Choice.Type) throws(CLIError) -> Choice? where Choice.RawValue == String {
        guard let text = value(name) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw .usage("--\(name) must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return choice
    }
}

/// A positional id: a positive whole number (an assignment, a move, an opportunity), refused as
/// "MOVE must be a move id (a positive whole number), got 'one'".
func positiveID(_ text: String, _ argument: String, is what: String) throws(CLIError) -> Int64 {
    guard let id = Int64(text), id > 0 else { throw .usage("\(argument) must be \(what) (a positive whole number), got '\(text)'") }
    return id
}

extension ParsedArguments {
    /// A report's period from `--from DATE | --months N` and `--to DATE`: by default the twelve months up to
    /// today (`--to`), both days included.
    func reportPeriod(today: CalendarDate) throws(CLIError) -> (from: CalendarDate, to: CalendarDate) {
        let to = try date("to") ?? today
        let months = try value("months").map { text throws(CLIError) -> Int in
            guard let months = Int(text), (1...1_200).contains(months) else { throw .usage("--months must be a whole number of months from 1 to 1200, got '\(text)'") }
            guard value("from") == nil else { throw .usage("give --from or --months, not both") }
            return months
        }
        return (try date("from") ?? to.adding(months: -(months ?? 12)).adding(days: 1), to)
    }
}
