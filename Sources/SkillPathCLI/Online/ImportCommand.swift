import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SystemSupport

/// `skillpath import employees FILE.csv` and `skillpath import skills FILE.csv` (administrators).
///
/// All or nothing by default, in three passes over the file, none of which holds it whole: the file is
/// checked alone (shape, values, repeated ids, logins and skills, loops of managers, rows too large to send);
/// then every batch is sent as a dry run, so that the daemon names every row it would reject while nothing is
/// written; then the batches are sent again, each atomic. Only a change made by someone else between the dry
/// run and the write can stop an import part way, and then the summary says which lines landed
/// (docs/cli.md, "Importing an HRIS export").
enum ImportCommand: Command {
    static let spec = CommandSpec(
        path: ["import"], summary: "import an HRIS export: employees or skills from CSV (administrators)",
        synopsis: "import employees|skills FILE.csv|- [--batch N] [--keep-going] [--source SOURCE] [--json]",
        discussion: """
        FILE - reads standard input. employees.csv columns (by name, any order): id, name, role required; login, email, manager, roleSince, moveKind,
        leftOn optional, and the learner preferences languages and formats (lists separated by ;) and hoursPerWeek.
        skills.csv columns: employee, skill, level (0–5), recorded as evidence from the import. A level lower than
        the stored one is kept as stored when stronger evidence set it (a course completion, an assessment, a
        manager): such rows are reported as kept, and --overwrite lowers them. The report counts rows.
        All or nothing: the file is checked, then the daemon checks every row in a dry run, and only a file
        without a rejected row is written; each problem is named by file, line and column. --keep-going writes
        the valid rows and reports the others. Rows are sent in batches (managers before their reports); if a
        batch is refused while writing (someone changed the organisation meanwhile), the import stops and says
        which lines landed: running it again is safe, as rows that landed count as unchanged. Exit 0 when every
        row was imported (kept rows included), 65 when some were rejected. A progress bar is shown on a terminal.
        """,
        options: [
            OptionSpec("batch", value: "N", help: "at most N rows per request (default and most 2000; batches are also kept under 512 KiB)"),
            OptionSpec("keep-going", help: "write the valid rows and report the rejected ones, instead of all or nothing"),
            OptionSpec("source", value: "import|manager|assessment|self", help: "skills: the source to record (default import)"),
            OptionSpec("overwrite", help: "skills: lower levels even where stronger evidence set them"),
        ],
        positionals: ["employees|skills", "FILE.csv"], minimumPositionals: 2, maximumPositionals: 2,
        examples: ["skillpath import employees hris/employees.csv", "skillpath import skills hris/skills.csv --source assessment"])

    /// The bytes of rows per message: half the daemon's default `max_message_bytes`, which leaves room for
    /// the envelope and for a daemon configured lower.
    static let batchBytes = 512 * 1024
    /// The largest row that can be sent: it goes alone, in a message of at most 1 MiB.
    static let rowBytes = 1024 * 1024 - 16 * 1024
    /// Batches sent behind the one the daemon is working on (`PipelinedCalls`): one keeps both processes busy.
    static let batchesAhead = 1

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let (what, path) = (arguments.positionals[0], arguments.positionals[1])
        guard let kind = [("employees", HRISImportFile<CSVFileSource>.Kind.employees), ("skills", .skills)].first(where: { $0.0 == what })?.1 else {
            throw .usage("import employees FILE.csv or import skills FILE.csv, got '\(what)'")
        }
        let maximumRows = try arguments.value("batch").map { text throws(CLIError) -> Int in
            guard let size = Int(text), (1...EmployeesUpsert.maximumBatch).contains(size) else {
                throw .usage("--batch must be 1–\(EmployeesUpsert.maximumBatch), got '\(text)'")
            }
            return size
        } ?? EmployeesUpsert.maximumBatch
        let source = try arguments.choice("source", SkillSource.self) ?? (kind == .skills ? .imported : .manager)
        let import_ = ImportRun(
            context: context, kind: kind, path: path, maximumRows: maximumRows, keepGoing: arguments.flag("keep-going"),
            params: { batch, mode in
                EmployeesUpsert.Params(employees: batch.map(\.input), skillSource: source, overwrite: arguments.flag("overwrite"), mode: mode)
            })
        return try import_.run()
    }
}

/// One import, pass by pass.
private struct ImportRun {
    let context: CommandContext
    let kind: HRISImportFile<CSVFileSource>.Kind
    let path: String
    let maximumRows: Int
    let keepGoing: Bool
    let params: ([HRISExport.Row], UpsertMode) -> EmployeesUpsert.Params

    func run() throws(CLIError) -> ExitCode {
        var file = try open()
        let check: HRISImportFile<CSVFileSource>.Check
        do {
            check = try file.check(rowLimit: ImportCommand.rowBytes)
        } catch {
            throw CLIError(.dataError, error.description)
        }
        let summary = ImportSummary(context: context, kind: kind, file: file.file, check: check, unknownColumns: file.unknownColumns)
        guard check.problems.isEmpty else { return summary.nothingImported(.file, problems: check.problems.map(\.description)) }
        let daemon = context.daemon()
        if !keepGoing {
            var rehearsal = ImportTally(file: file.file)
            let calls = PipelinedCalls<[HRISExport.Row]>(daemon, ahead: ImportCommand.batchesAhead)
            let rehearse = { (answered: (result: JSONValue, tag: [HRISExport.Row])) in
                rehearsal.add(Self.withoutRehearsalArtifacts(answered.result, batch: answered.tag, check: check), batch: answered.tag)
            }
            try each(batchOf: &file, check) { batch throws(CLIError) in
                if let answered = try calls.send(EmployeesUpsert.name, params(batch, .dryRun).json, tag: batch) { rehearse(answered) }
                return true
            }
            while let answered = try calls.next() { rehearse(answered) }
            guard rehearsal.problems.isEmpty else { return summary.nothingImported(.daemon, problems: rehearsal.problems) }
        }
        let progress = ProgressBar(total: check.rowCount, enabled: Terminal.isTerminal(2) && !context.wantsJSON)
        var tally = ImportTally(file: file.file)
        let calls = PipelinedCalls<[HRISExport.Row]>(daemon, ahead: ImportCommand.batchesAhead)
        let land = { (answered: (result: JSONValue, tag: [HRISExport.Row])) in
            tally.add(answered.result, batch: answered.tag)
            progress.update(tally.sentLines)
        }
        do throws(CLIError) {
            try each(batchOf: &file, check) { batch throws(CLIError) in
                if let answered = try calls.send(EmployeesUpsert.name, params(batch, keepGoing ? .perRow : .atomic).json, tag: batch) { land(answered) }
                // A batch refused whole stops the import; the one sent behind it is still answered below.
                return tally.stoppedLines.isEmpty
            }
            while let answered = try calls.next() { land(answered) }
        } catch {
            progress.finish()
            tally.inFlightLines = calls.unanswered.flatMap { $0.flatMap(ImportTally.lines) }.sorted()
            summary.written(tally, failure: error)
            throw error
        }
        progress.finish()
        return summary.written(tally, failure: nil)
    }

    private func open() throws(CLIError) -> HRISImportFile<CSVFileSource> {
        let source: CSVFileSource
        do {
            source = path == "-" ? try StandardInputCopy.source() : try CSVFileSource(path: path)
        } catch {
            throw CLIError(.noInput, error.description)
        }
        do {
            return try HRISImportFile(kind, reader: CSVRecordReader(source, file: source.path)) { input in JSONWriter.string(input.json).utf8.count + 1 }
        } catch {
            throw CLIError(.dataError, error.description)
        }
    }

    /// The file's batches in sending order; `body` returns false to stop.
    private func each(
        batchOf file: inout HRISImportFile<CSVFileSource>, _ check: HRISImportFile<CSVFileSource>.Check,
        _ body: ([HRISExport.Row]) throws(CLIError) -> Bool
    ) throws(CLIError) {
        do {
            try file.forEachBatch(check, byteBudget: ImportCommand.batchBytes, maximumRows: maximumRows) { batch in try body(batch) }
        } catch let error as CLIError {
            throw error
        } catch let error as CSVError {
            throw CLIError(.dataError, "\(error.description) (the file changed while it was imported?)")
        } catch {
            throw CLIError(.failure, "\(path): \(error)")
        }
    }

    /// A dry run sends each batch against the organisation as it is, without the batches before it: a row
    /// whose manager is a new employee of an earlier batch reads as "unknown employee", which the real
    /// import would not say. Those rejections (and of the rows under them) are the rehearsal's, not the
    /// file's, and are dropped.
    static func withoutRehearsalArtifacts(_ report: JSONValue, batch: [HRISExport.Row], check: HRISImportFile<CSVFileSource>.Check) -> JSONValue {
        var positions: [String: Int] = [:]
        for (index, row) in batch.enumerated() { positions[row.input.id] = index }
        var artifacts = Set<String>()
        let rejections = (report["rejected"]?.arrayValue ?? []).sorted { ($0["index"]?.intValue ?? 0) < ($1["index"]?.intValue ?? 0) }
        let kept = rejections.filter { rejection in
            guard let index = rejection["index"]?.intValue, batch.indices.contains(index), rejection["field"] == "manager",
                  rejection["reason"]?.stringValue?.hasPrefix("unknown employee") == true,
                  case .set(let manager?) = batch[index].input.manager else { return true }
            let artifact = positions[manager] == nil ? check.lists(manager) : artifacts.contains(manager)
            if artifact { artifacts.insert(batch[index].input.id) }
            return !artifact
        }
        return .object([("rejected", .array(kept)), ("written", false)])
    }
}
