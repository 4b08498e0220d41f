import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// Flags and cells the mobility commands share.
enum MobilityFlags {
    /// `--hours-per-week`, by the plan options' rules (a positive exact number, at most the hours in a week).
    static func pace(_ arguments: ParsedArguments) throws(CLIError) -> JSONValue? {
        guard let text = arguments.value("hours-per-week") else { return nil }
        let hours = try PlanOptionFlags.quantity(text, flag: "hours-per-week", allowZero: false)
        guard hours <= PlanOptions.maximumHoursPerWeek else { throw .usage("--hours-per-week must be at most 168 (the hours in a week), got '\(text)'") }
        return .number(text)
    }

    /// A positive whole number given to `--flag`.
    static func positiveInteger(_ text: String?, flag: String) throws(CLIError) -> JSONValue? {
        guard let text else { return nil }
        guard let value = Int64(text), value > 0 else { throw .usage("--\(flag) must be a positive whole number, got '\(text)'") }
        return .int(value)
    }

    /// Plan hours, marked when the plan cannot close the whole gap (the hours then buy only part of it).
    static func hours(_ entry: JSONValue) -> String {
        Shown().text(entry["hours"]) + (entry["complete"]?.boolValue == false ? "+" : "")
    }
}
