public import SkillPathCore
import SystemSupport

/// Everything a command needs to run: its arguments, where to write, the environment and the date.
public struct CommandContext {
    public let arguments: ParsedArguments
    public let console: Console
    public let environment: [String: String]

    public var wantsJSON: Bool { arguments.flag("json") }

    /// Today in the local time zone: the default start of a schedule.
    public var today: CalendarDate { CalendarDate(daysSinceEpoch: LocalClock.todayDaysSinceEpoch()) }
}

/// A `skillpath` command: its spec (for parsing and help) and what it does.
protocol Command: SendableMetatype {
    static var spec: CommandSpec { get }
    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode
}
