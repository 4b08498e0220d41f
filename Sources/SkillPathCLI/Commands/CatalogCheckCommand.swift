import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath catalog check DIR`: validate a catalog the way the daemon will, for catalog authors' CI.
enum CatalogCheckCommand: Command {
    static let spec = CommandSpec(
        path: ["catalog", "check"], summary: "validate a catalog directory",
        synopsis: "catalog check DIR [--verbose] [--json]",
        discussion: """
        Reads every *.json file under DIR, as the daemon does, and prints each error and warning with its file,
        line and item. Warnings are grouped by kind: a summary line per kind and its first 10, unless --verbose.
        Exits 0 when the catalog is valid (warnings allowed), 1 when it has errors and 66 when DIR does not exist.
        """,
        options: [
            OptionSpec("verbose", help: "print every warning (default: a summary and the first 10 of each kind)"),
            OptionSpec("all-warnings", help: "the same as --verbose (kept for scripts written before it)"),
        ],
        positionals: ["DIR"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath catalog check Catalog", "skillpath catalog check ./my-catalog --json | jq .errors"])

    static let warningsPerKind = 10

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let directory = context.arguments.positionals[0]
        let console = context.console
        try OfflineInputs.requireDirectory(directory)
        var catalog: Catalog?
        var errors: [CatalogDiagnostic] = []
        var warnings: [CatalogDiagnostic] = []
        do {
            let loaded = try CatalogLoader.load(directory: directory)
            warnings = loaded.warnings
            catalog = loaded
        } catch {
            errors = error.errors
            warnings = error.warnings
        }
        if context.wantsJSON {
            console.json(.object([
                ("valid", .bool(errors.isEmpty)),
                ("version", catalog.map { .string($0.version) }),
                ("counts", catalog.map { catalog in
                    .object([
                        ("skills", .int(catalog.skills.count)), ("courses", .int(catalog.courses.count)),
                        ("roles", .int(catalog.roles.count)), ("transitions", .int(catalog.transitions.count)),
                    ])
                }),
                ("errors", .array(errors.map(\.json))),
                ("warnings", .array(warnings.map(\.json))),
            ]))
            return errors.isEmpty ? .success : .failure
        }
        for error in errors { console.line(console.styled(error.description, .red)) }
        let verbose = context.arguments.flag("verbose") || context.arguments.flag("all-warnings")
        warningLines(warnings, console: console, verbose: verbose).forEach(console.line)
        let counts = "\(Plural.count(errors.count, "error")), \(Plural.count(warnings.count, "warning"))"
        if let catalog {
            console.line(console.styled("\(directory): valid", .green) + " (\(counts)): \(Plural.count(catalog.skills.count, "skill")), \(Plural.count(catalog.courses.count, "course")), \(Plural.count(catalog.roles.count, "role")), \(Plural.count(catalog.transitions.count, "transition")); version \(catalog.version)")
            return .success
        }
        console.line(console.styled("\(directory): rejected", .red) + " (\(counts))")
        return .failure
    }
}

extension CatalogCheckCommand {
    /// Warnings grouped by kind: a summary line per kind, then its first 10 (all with `verbose`).
    static func warningLines(_ warnings: [CatalogDiagnostic], console: Console, verbose: Bool) -> [String] {
        var lines: [String] = []
        for group in WarningGroup.groups(warnings) {
            let hidden = verbose ? 0 : max(0, group.warnings.count - warningsPerKind)
            lines.append(console.styled(group.summary + (hidden > 0 ? " (first \(warningsPerKind) below; --verbose for all)" : ""), .yellow))
            for warning in group.warnings.prefix(group.warnings.count - hidden) {
                lines.append(console.styled("  " + warning.description, .yellow))
            }
            if hidden > 0 { lines.append(console.styled("  … \(hidden) more (skillpath catalog check --verbose)", .dim)) }
        }
        return lines
    }
}

extension CatalogDiagnostic {
    var json: JSONValue {
        .object([
            ("severity", .string(severity.rawValue)),
            ("code", .string(code.rawValue)),
            ("file", .string(location.file)),
            ("line", location.line > 0 ? .int(location.line) : nil),
            ("column", column.map { .int($0) }),
            ("subject", subject.map(JSONValue.string)),
            ("message", .string(message)),
        ])
    }
}
