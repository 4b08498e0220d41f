import SkillPathCore
public import SystemSupport

/// `skillpathd`'s command line. Flags override the configuration file, which overrides the defaults.
public struct DaemonOptions: Sendable, Equatable {
    public var configFile: String?
    /// Settings given as flags, as (config key, value), applied after the file.
    public var overrides: [(key: String, value: String)] = []
    public var showHelp = false
    public var showVersion = false
    public var showManual = false
    /// `--init`: a database file that exists but is empty (0 bytes) may be initialised as a new database.
    public var initialiseEmptyDatabase = false

    public static func == (lhs: DaemonOptions, rhs: DaemonOptions) -> Bool {
        lhs.configFile == rhs.configFile && lhs.overrides.map(\.key) == rhs.overrides.map(\.key)
            && lhs.overrides.map(\.value) == rhs.overrides.map(\.value) && lhs.showHelp == rhs.showHelp && lhs.showVersion == rhs.showVersion
            && lhs.showManual == rhs.showManual
    }

    static let flags: [String: String] = [
        "--socket": "socket", "--catalog": "catalog", "--database": "database", "--log-level": "log_level",
    ]

    /// The help text's parts: `--help` prints them as text, `--manual` as skillpathd(8).
    static let synopsis = "skillpathd [--config FILE] [--socket PATH] [--catalog DIR] [--database PATH] [--log-level LEVEL] [--init]"
    static let summary = "the SkillPath learning-path daemon"
    static let description = """
    Serves SkillPath's JSON-RPC 2.0 API on a Unix socket. With no flags it runs on embedded defaults: the
    shipped Catalog/, and its socket and database in ./.skillpath/. Under systemd it takes the socket from
    socket activation and reports readiness with sd_notify. See docs/deploy.md and docs/protocol.md.
    """
    static let optionHelp: [(label: String, text: String)] = [
        ("--config FILE", "read settings from FILE (key = value lines; see Config/skillpathd.conf)"),
        ("--socket PATH", "the socket to listen on (default ./.skillpath/skillpathd.sock); a socket systemd passes wins"),
        ("--catalog DIR", "the catalog directory (default the shipped Catalog/)"),
        ("--database PATH", "the SQLite database (default ./.skillpath/skillpath.db)"),
        ("--log-level LEVEL", "debug, info, notice, warning or error (default info)"),
        ("--init", "accept a database file that exists but is empty (0 bytes) as a new database; without it such a file is refused, since it may be a database that lost its contents"),
        ("--version", "print the version and exit"),
        ("--manual", "print this help as a manual page, skillpathd(8), and exit"),
        ("--help", "print this help and exit"),
    ]
    static let signals = "SIGHUP reloads the catalog; SIGTERM and SIGINT stop after in-flight requests finish."

    public static var usage: String {
        let width = optionHelp.map(\.label.count).max() ?? 0
        let options = optionHelp.map { "  " + $0.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.text }
        return (["usage: \(synopsis)", "", description, "", "options:"] + options + ["", "signals: \(signals)"]).joined(separator: "\n")
    }

    /// skillpathd(8), from the same parts as `usage`.
    public static var manual: ManPage {
        ManPage(
            name: "skillpathd", section: 8, version: SkillPathVersion.current, summary: summary, synopsis: [synopsis],
            sections: [
                .init("Description", paragraphs: [description]),
                .init("Options", items: optionHelp),
                .init("Signals", paragraphs: [signals]),
                .init("Exit status", items: [
                    ("0", "stopped cleanly"), ("1", "the catalog, the state folder, the store or the socket could not be set up"),
                    ("64", "a bad command line"), ("78", "a bad configuration file"),
                ]),
                .init("Files", items: [
                    ("/etc/skillpath/skillpathd.conf", "the configuration (Config/skillpathd.conf is a commented sample)"),
                    ("/run/skillpath/skillpathd.sock", "the socket under systemd (skillpathd.socket)"),
                    ("/var/lib/skillpath/skillpath.db", "the organisation store under systemd"),
                ]),
                .init("See also", paragraphs: ["skillpath(1), systemd.socket(5), sd_notify(3); docs/deploy.md, docs/protocol.md"]),
            ])
    }

    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func parse(_ arguments: [String]) throws(UsageError) -> DaemonOptions {
        var options = DaemonOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            var flag = argument
            var value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                flag = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            switch flag {
            case "--help", "-h": options.showHelp = true
            case "--version": options.showVersion = true
            case "--manual": options.showManual = true
            case "--init": options.initialiseEmptyDatabase = true
            case "--config":
                guard let path = value ?? remaining.popFirst() else { throw UsageError(message: "--config needs a file") }
                options.configFile = path
            default:
                guard let key = flags[flag] else {
                    throw UsageError(message: "unknown option '\(argument)'")
                }
                guard let given = value ?? remaining.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
                options.overrides.append((key, given))
            }
        }
        return options
    }
}
