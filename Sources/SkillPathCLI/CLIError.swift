/// A failure the CLI reports as one `Error: …` line on stderr, with a documented exit code.
public struct CLIError: Error, Sendable, Equatable {
    public var message: String
    public var exitCode: ExitCode
    /// Extra lines after the error (a usage hint, a list of problems).
    public var details: [String]

    public init(_ exitCode: ExitCode, _ message: String, details: [String] = []) {
        self.exitCode = exitCode
        self.message = message
        self.details = details
    }

    public static func usage(_ message: String, hint: String? = nil) -> CLIError {
        CLIError(.usage, message, details: hint.map { [$0] } ?? [])
    }
}

/// The CLI's exit codes (docs/cli.md). Following sysexits(3) where a code fits.
public struct ExitCode: RawRepresentable, Sendable, Equatable, Hashable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let success = ExitCode(rawValue: 0)
    /// The command ran and found problems (e.g. `catalog check` found errors), or failed for another reason.
    public static let failure = ExitCode(rawValue: 1)
    /// The thing asked about does not exist: an unknown role, employee, course or assignment.
    public static let notFound = ExitCode(rawValue: 3)
    /// Wrong command line: unknown command or option, missing argument.
    public static let usage = ExitCode(rawValue: 64)
    /// Bad input data: a malformed profile or CSV file, a rejected catalog, a parameter no flag carried.
    public static let dataError = ExitCode(rawValue: 65)
    /// An input file does not exist or cannot be read.
    public static let noInput = ExitCode(rawValue: 66)
    /// No daemon answers on the socket.
    public static let unavailable = ExitCode(rawValue: 69)
    /// The daemon refused: the caller may not do this.
    public static let forbidden = ExitCode(rawValue: 77)

    /// Every status and what it means, as docs/cli.md's table says (a test holds the two together) and as
    /// skillpath(1) prints it.
    public static let documented: [(code: ExitCode, meaning: String)] = [
        (.success, "success"),
        (.failure, "the command ran and found a problem (`catalog check` found errors, `route` found no route), or failed otherwise"),
        (.notFound, "not found: an unknown role, employee, skill, course or assignment"),
        (.usage, "usage: unknown command or option, missing or malformed argument, an invalid option value (whether the CLI finds it or the daemon does, it is named by its flag: `--limit must be between 1 and 100, got 500`, not by the RPC parameter)"),
        (.dataError, "bad data: a malformed profile or CSV file, a parameter no flag of yours carried (`skillpath rpc`'s JSON, say), a rejected catalog, rows rejected by an import, a conflict (an active assignment already exists, the employee holds the role, an event id already used for other content); `assign --team` only when nobody who needed the role could be assigned"),
        (.noInput, "an input file does not exist or cannot be read"),
        (.unavailable, "no daemon answers on the socket (or it is shutting down or overloaded)"),
        (.forbidden, "forbidden: the daemon refused (the message says which rule)"),
    ]
}
