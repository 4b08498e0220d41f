import SkillPathJSON
import SkillPathProtocol

/// `skillpath audit`: the audit trail as a table, newest first (administrators).
enum AuditCommand: Command {
    static let spec = CommandSpec(
        path: ["audit"], summary: "the audit trail: who changed what, with old and new values (administrators)",
        synopsis: "audit [--since DATE] [--until DATE] [--by NAME] [--employee ID] [--kind KIND] [--limit N | --all] [--json]",
        discussion: """
        Newest first. KIND is an action (employee.update) or a family (employee, skills, progress, assignment,
        move, opportunity, catalog). Changes read 'field: old → new'. --json prints the entries as the daemon
        gives them (audit.list). The trail grows with every write, so --json too shows 50 unless told otherwise.
        """,
        options: [
            OptionSpec("since", value: "DATE", help: "entries on or after this day"),
            OptionSpec("until", value: "DATE", help: "entries on or before this day"),
            OptionSpec("by", value: "NAME", help: "only entries by this actor (a login, 'login for employee', SIGHUP)"),
            OptionSpec("employee", value: "ID", help: "only entries about this employee"),
            OptionSpec("kind", value: "KIND", help: "an action or a family of actions"),
            OptionSpec("limit", value: "N", help: "how many entries (default 50, with --json too)"), ListLimit.allOption,
        ],
        examples: ["skillpath audit --employee e-005", "skillpath audit --kind catalog --json", "skillpath audit --since 2026-11-01 --by alan"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        // The trail can hold millions of entries: 50 unless told otherwise, with --json too.
        let limit = try ListLimit(arguments, json: false)
        let (since, until) = (try arguments.date("since"), try arguments.date("until"))
        let listing = try context.daemon().pages(AuditList.self, noun: "audit entries", limit: limit.rows) { page in
            AuditList.Params(
                since: since, until: until, by: arguments.value("by"), employee: arguments.value("employee"), kind: arguments.value("kind"), page: page)
        }
        let entries = listing.items
        if context.printedJSON(.array(entries)) { return .success }
        let console = context.console
        guard !entries.isEmpty else {
            console.line("No audit entries match.")
            return .success
        }
        let rows = entries.map { entry -> [String] in
            [
                entry["at"]?.stringValue ?? "?", entry["actor"]?.stringValue ?? "?", entry["action"]?.stringValue ?? "?",
                entry["subject"]?.stringValue ?? "?", describe(entry["detail"]),
            ]
        }
        console.table(header: ["When", "Actor", "Action", "Subject", "What"], rows: rows, rightAligned: [], shrinkable: [4])
        if let footer = ListLimit.footer(shown: entries.count, total: listing.total, more: listing.more, noun: "audit entries") {
            console.note(footer + " --since narrows.")
        }
        return .success
    }

    /// `role: eng-mid → eng-senior; skills.sql: 1 → 2`, or the detail's fields as `key=value`.
    static func describe(_ detail: JSONValue?) -> String {
        guard let object = detail?.objectValue else { return detail.map { JSONWriter.string($0) } ?? "" }
        if let changed = object["changed"]?.objectValue {
            return changed.members.map { member in
                "\(member.key): \(text(member.value["from"])) → \(text(member.value["to"]))"
            }.joined(separator: "; ")
        }
        if object["from"] != nil, object["to"] != nil, object.members.count <= 3 {
            return "\(text(object["from"])) → \(text(object["to"]))"
        }
        return object.members.map { "\($0.key)=\(text($0.value))" }.joined(separator: " ")
    }

    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: return text
        case .null?, nil: return "—"
        case let other?:
            // A skill's standing: `4 (manager)`, or `5 (self, counts 3)` when it counts for less.
            if let level = other["level"]?.intValue, let source = other["source"]?.stringValue {
                let counts = other["counts"]?.intValue ?? level
                return "\(level) (\(source)\(counts < level ? ", counts \(counts)" : ""))"
            }
            return JSONWriter.string(other)
        }
    }
}
