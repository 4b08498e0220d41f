/// `skillpathd`'s command line. Flags override the configuration file, which overrides the defaults.
public struct DaemonOptions: Sendable, Equatable {
    public var configFile: String?
    /// Settings given as flags, as (config key, value), applied after the file.
    public var overrides: [(key: String, value: String)] = []
    public var showHelp = false
    public var showVersion = false

    public static func == (lhs: DaemonOptions, rhs: DaemonOptions) -> Bool {
        lhs.configFile == rhs.configFile && lhs.overrides.map(\.key) == rhs.overrides.map(\.key)
            && lhs.overrides.map(\.value) == rhs.overrides.map(\.value) && lhs.showHelp == rhs.showHelp && lhs.showVersion == rhs.showVersion
    }

    static let flags: [String: String] = [
        "--socket": "socket", "--catalog": "catalog", "--database": "database", "--log-level": "log_level",
    ]

    public static let usage = """
    usage: skillpathd [--config FILE] [--socket PATH] [--catalog DIR] [--database PATH] [--log-level LEVEL]

    Serves SkillPath's JSON-RPC 2.0 API on a Unix socket. With no flags it runs on embedded defaults: the
    shipped Catalog/, and its socket and database in ./.skillpath/. Under systemd it takes the socket from
    socket activation and reports readiness with sd_notify. See docs/deploy.md and docs/protocol.md.

    options:
      --config FILE      read settings from FILE (key = value lines; see Config/skillpathd.conf)
      --socket PATH      the socket to listen on (default ./.skillpath/skillpathd.sock)
      --catalog DIR      the catalog directory (default the shipped Catalog/)
      --database PATH    the SQLite database (default ./.skillpath/skillpath.db)
      --log-level LEVEL  debug, info, notice, warning or error (default info)
      --version          print the version and exit
      --help             print this help and exit

    signals: SIGHUP reloads the catalog; SIGTERM and SIGINT stop after in-flight requests finish.
    """

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
