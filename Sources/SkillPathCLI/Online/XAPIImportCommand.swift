import SkillPathJSON
import SkillPathProtocol
import SkillPathProtocol

/// `skillpath import xapi FILE.json`: xAPI statements from an LMS or an LRS export, sent to `progress.xapi`
/// in batches, with one line per rejected statement.
enum XAPIImportCommand: Command {
    static let spec = CommandSpec(
        path: ["import", "xapi"], summary: "record progress from xAPI 1.0.3 statements in a JSON file (services, administrators)",
        synopsis: "import xapi FILE.json|- [--json]",
        discussion: """
        FILE.json (- for stdin) holds an array of statements, one statement, or an LRS reply {"statements": [...]}. They are
        sent 1,000 at a time; each is recorded, a duplicate of one recorded before (same statement id), or
        rejected with the reason (unknown actor, unknown activity, unsupported verb). Exit 0 when none was
        rejected, 65 otherwise. docs/protocol.md (progress.xapi) says how actors, verbs and activities match.
        """,
        positionals: ["FILE.json"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath import xapi lrs-export.json", "skillpath import xapi statements.json --json"])

    static let batchSize = 1_000

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let given = context.arguments.positionals[0]
        let document = try OfflineInputs.json(file: given)
        let path = given == "-" ? "stdin" : given
        let statements: [JSONValue]
        switch document {
        case .array(let list): statements = list
        case .object:
            if let list = document["statements"]?.arrayValue { statements = list } else { statements = [document] }
        default:
            throw CLIError(.dataError, "\(path): expected an array of xAPI statements, a statement, or {\"statements\": [...]}")
        }
        let daemon = context.daemon()
        var counts = (recorded: 0, duplicate: 0)
        var rejected: [String] = []
        var start = 0
        while start < statements.count {
            let batch = Array(statements[start..<min(start + batchSize, statements.count)])
            let reply = try daemon.call(ProgressXAPI.self, ProgressXAPI.Params(statements: batch))
            counts.recorded += reply["recorded"]?.intValue ?? 0
            counts.duplicate += reply["duplicate"]?.intValue ?? 0
            for (offset, result) in (reply["results"]?.arrayValue ?? []).enumerated() where result["outcome"] == "rejected" {
                let id = result["id"]?.stringValue.map { " (\($0))" } ?? ""
                rejected.append("\(path): statement \(start + offset + 1)\(id): \(result["reason"]?.stringValue ?? "rejected")")
            }
            start += batch.count
        }
        if context.wantsJSON {
            context.console.json(.object([
                ("statements", .int(statements.count)), ("recorded", .int(counts.recorded)), ("duplicate", .int(counts.duplicate)),
                ("rejected", .int(rejected.count)), ("problems", .strings(rejected)),
            ]))
        } else {
            context.console.line("Imported xAPI statements from \(path): \(Plural.count(statements.count, "statement")): \(Plural.grouped(counts.recorded)) recorded, \(Plural.grouped(counts.duplicate)) duplicate, \(Plural.grouped(rejected.count)) rejected.")
            for line in rejected.prefix(200) { context.console.line(context.console.styled("  " + line, .red)) }
            if rejected.count > 200 { context.console.line("  … and \(rejected.count - 200) more (--json lists them all)") }
        }
        return rejected.isEmpty ? .success : .dataError
    }
}
