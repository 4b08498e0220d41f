/// What a command accepts, for parsing and for its `--help`.
public struct CommandSpec: Sendable {
    /// Words naming the command, e.g. `["catalog", "check"]`.
    public var path: [String]
    public var summary: String
    /// The synopsis after `skillpath`, e.g. `catalog check DIR [--json]`.
    public var synopsis: String
    public var discussion: String
    public var options: [OptionSpec]
    public var examples: [String]
    /// Names of the positional arguments, for messages; `minimumPositionals` of them are required.
    public var positionals: [String]
    public var minimumPositionals: Int
    public var maximumPositionals: Int?

    public init(
        path: [String], summary: String, synopsis: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [String] = [], minimumPositionals: Int = 0, maximumPositionals: Int? = 0, examples: [String] = []
    ) {
        self.path = path
        self.summary = summary
        self.synopsis = synopsis
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.minimumPositionals = minimumPositionals
        self.maximumPositionals = maximumPositionals
        self.examples = examples
    }

    public var name: String { path.joined(separator: " ") }
}

/// One `--option`: a flag, or an option taking a value (possibly repeated or comma-separated).
public struct OptionSpec: Sendable {
    public var name: String
    public var valueName: String?
    public var help: String
    public var repeatable: Bool

    public init(_ name: String, value: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
    }

    public var takesValue: Bool { valueName != nil }
}

/// Options every command understands, before or after the command name.
public enum GlobalOptions {
    public static let specs = [
        OptionSpec("json", help: "print the raw JSON result, for scripts; --json=FIELD,... only those fields"),
        OptionSpec("no-color", help: "never colour the output (also: a non-empty NO_COLOR in the environment)"),
        OptionSpec("socket", value: "PATH", help: "the daemon's socket (also: SKILLPATH_SOCKET; default the nearest .skillpath/skillpathd.sock at or above the working folder, else /run/skillpath/skillpathd.sock)"),
        OptionSpec("verbose", help: "say more: which socket is used and why (-v)"),
        OptionSpec("no-pager", help: "never page output taller than the terminal (also: PAGER= empty)"),
        OptionSpec("no-headers", help: "piped tables: the rows without their header line"),
        OptionSpec("wide", help: "tables with every column, each in full, whatever the terminal's width"),
        OptionSpec("help", help: "show help for the command"),
        OptionSpec("version", help: "print the version (the same as skillpathd's) and exit"),
    ]
}
