import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SystemSupport

/// `skillpath import employees FILE.csv` and `skillpath import skills FILE.csv` (administrators).
enum ImportCommand: Command {
    static let spec = CommandSpec(
        path: ["import"], summary: "import an HRIS export: employees or skills from CSV (administrators)",
        synopsis: "import employees|skills FILE.csv [--batch N] [--source SOURCE] [--json]",
        discussion: """
        employees.csv columns (by name, any order): id, name, role required; login, email, manager, roleSince, moveKind,
        leftOn optional, and the learner preferences languages and formats (lists separated by ;) and hoursPerWeek.
        skills.csv columns: employee, skill, level (0–5), recorded as evidence from the import. A level lower than
        the stored one is kept as stored when stronger evidence set it (a course completion, an assessment, a
        manager): such rows are reported as kept, and --overwrite lowers them. The report counts rows. Rows are
        sent in batches; a rejected row is reported with its file, line and column, and the others are imported.
        Exit 0 when every row was imported (kept rows included), 65 when some were rejected. A progress bar is
        shown on a terminal.
        """,
        options: [
            OptionSpec("batch", value: "N", help: "rows per request (default 1000)"),
            OptionSpec("source", value: "import|manager|assessment|self", help: "skills: the source to record (default import)"),
            OptionSpec("overwrite", help: "skills: lower levels even where stronger evidence set them"),
        ],
        positionals: ["employees|skills", "FILE.csv"], minimumPositionals: 2, maximumPositionals: 2,
        examples: ["skillpath import employees hris/employees.csv", "skillpath import skills hris/skills.csv --source assessment"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let what = arguments.positionals[0]
        let path = arguments.positionals[1]
        guard what == "employees" || what == "skills" else { throw .usage("import employees FILE.csv or import skills FILE.csv, got '\(what)'") }
        let batchSize = try arguments.value("batch").map { text throws(CLIError) -> Int in
            guard let size = Int(text), (1...10_000).contains(size) else { throw .usage("--batch must be 1–10000, got '\(text)'") }
            return size
        } ?? 1000
        let data = try OfflineInputs.contents(file: path)
        let export: HRISExport.Result
        do {
            export = what == "employees"
                ? try HRISExport.read(employees: (data, path), skills: nil)
                : try HRISExport.read(employees: nil, skills: (data, path))
        } catch {
            throw CLIError(.dataError, error.description)
        }
        let daemon = context.daemon()
        let progress = ProgressBar(total: export.rows.count, enabled: Terminal.isTerminal(2) && !context.wantsJSON)
        var counts = (inserted: 0, updated: 0, unchanged: 0)
        var levels = (set: 0, unchanged: 0)
        var kept: [String] = []
        var problems = export.problems.map(\.description)
        var start = 0
        let source = try arguments.choice("source", SkillSource.self) ?? (what == "skills" ? .imported : .manager)
        while start < export.rows.count {
            let batch = Array(export.rows[start..<min(start + batchSize, export.rows.count)])
            let report = try daemon.call(EmployeesUpsert.self, EmployeesUpsert.Params(
                employees: batch.map(\.input), skillSource: source, overwrite: arguments.flag("overwrite")))
            counts.inserted += report["inserted"]?.intValue ?? 0
            counts.updated += report["updated"]?.intValue ?? 0
            counts.unchanged += report["unchanged"]?.intValue ?? 0
            levels.set += report["levels"]?["set"]?.intValue ?? 0
            levels.unchanged += report["levels"]?["unchanged"]?.intValue ?? 0
            for rejection in report["rejected"]?.arrayValue ?? [] {
                guard let index = rejection["index"]?.intValue, index < batch.count else { continue }
                problems.append(describe(rejection, row: batch[index], file: path))
            }
            for entry in report["kept"]?.arrayValue ?? [] {
                guard let index = entry["index"]?.intValue, index < batch.count else { continue }
                kept.append(describeKept(entry, row: batch[index], file: path))
            }
            start += batch.count
            progress.update(start)
        }
        progress.finish()
        let rejected = problems.count
        if context.wantsJSON {
            context.console.json(.object([
                ("rows", .int(export.rows.count + export.problems.count)), ("inserted", .int(counts.inserted)), ("updated", .int(counts.updated)),
                ("unchanged", .int(counts.unchanged)), ("rejected", .int(rejected)), ("problems", .strings(problems)),
                ("levels", .object([("set", .int(levels.set)), ("unchanged", .int(levels.unchanged)), ("kept", .int(kept.count))])),
                ("kept", .strings(kept)), ("unknownColumns", .strings(export.unknownColumns)),
            ]))
            return rejected == 0 ? .success : .dataError
        }
        let console = context.console
        if !export.unknownColumns.isEmpty {
            console.line(console.styled("Ignored columns: \(export.unknownColumns.joined(separator: ", "))", .yellow))
        }
        if what == "skills" {
            // One line per CSV row: what happened to each level.
            let rows = export.rows.reduce(0) { $0 + $1.skillLines.count } + export.problems.count
            console.line("Imported skills from \(path): \(rows) rows: \(levels.set) set, \(levels.unchanged) unchanged, \(kept.count) kept, \(rejected) rejected.")
        } else {
            console.line("Imported \(what) from \(path): \(counts.inserted) inserted, \(counts.updated) updated, \(counts.unchanged) unchanged, \(rejected) rejected.")
        }
        if !kept.isEmpty {
            console.line(console.styled("Kept (stronger evidence than this import; --overwrite lowers them):", .yellow))
            for line in kept.prefix(200) { console.line(console.styled("  \(line)", .yellow)) }
            if kept.count > 200 { console.line("  … and \(kept.count - 200) more (--json lists them all)") }
        }
        for problem in problems.prefix(arguments.flag("json") ? problems.count : 200) {
            console.line(console.styled("  \(problem)", .red))
        }
        if problems.count > 200 { console.line("  … and \(problems.count - 200) more (--json lists them all)") }
        return rejected == 0 ? .success : .dataError
    }

    /// A kept level as `file:line: employee skill: kept 3 (course, 2026-11-20); the file says 2`.
    static func describeKept(_ entry: JSONValue, row: HRISExport.Row, file: String) -> String {
        let position = entry["skillIndex"]?.intValue ?? 0
        let line = position < row.skillLines.count ? row.skillLines[position] : (row.line ?? 0)
        let stored = entry["stored"]
        return "\(file):\(line): \(entry["id"]?.stringValue ?? "?") \(entry["skill"]?.stringValue ?? "?"): kept level \(stored?["level"]?.intValue ?? 0) "
            + "(\(stored?["source"]?.stringValue ?? "?"), \(String(stored?["setAt"]?.stringValue?.prefix(10) ?? "?"))); the file says \(entry["given"]?.intValue ?? 0)"
    }

    /// A rejection as `file:line, column 'name': reason`, mapping the field back to the CSV.
    static func describe(_ rejection: JSONValue, row: HRISExport.Row, file: String) -> String {
        let field = rejection["field"]?.stringValue ?? ""
        let reason = rejection["reason"]?.stringValue ?? "rejected"
        if field.hasPrefix("skills["), let close = field.firstIndex(of: "]"),
           let position = Int(field[field.index(field.startIndex, offsetBy: 7)..<close]), position < row.skillLines.count {
            let column = field.hasSuffix(".level") ? "level" : "skill"
            return "\(file):\(row.skillLines[position]), column '\(column)': \(reason)"
        }
        let line = row.line ?? row.skillLines.first ?? 0
        let column = field == "id" && row.line == nil ? "employee" : field
        return "\(file):\(line), column '\(column)': \(reason)"
    }
}
