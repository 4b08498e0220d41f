import SkillPathCore
import SkillPathJSON

/// How an import ended, for people (a summary line, then each problem by file and line) or for programs
/// (`--json`): nothing written, everything written, or part of it with the lines that landed.
struct ImportSummary {
    /// Which check found the problems when nothing was written.
    enum Stage: String {
        case file = "check"
        case daemon = "dry-run"
    }

    let context: CommandContext
    let kind: HRISImportFile<CSVFileSource>.Kind
    let file: String
    let check: HRISImportFile<CSVFileSource>.Check
    let unknownColumns: [String]

    private var console: Console { context.console }
    private var noun: String { kind == .employees ? "employees" : "skills" }
    /// Rows of the file: each employees.csv record, or each skills.csv line.
    private var rows: Int { check.records }

    /// Nothing was written: the file, or the daemon's dry run, found problems.
    func nothingImported(_ stage: Stage, problems: [String]) -> ExitCode {
        if context.wantsJSON {
            console.json(json(ImportTally(file: file), problems: problems, complete: false, stage: stage))
            return .dataError
        }
        ignoredColumns()
        let count = Plural.count(problems.count, "problem")
        switch stage {
        case .file:
            console.line("Nothing imported from \(file): \(count) in the file, found before anything was sent.")
        case .daemon:
            console.line("Nothing imported from \(file): the daemon would reject rows (\(count), found by a dry run; nothing was written). "
                + "Fix them, or write the other rows with --keep-going.")
        }
        list(problems)
        return .dataError
    }

    /// Batches were written: all of them, or those before a batch was refused or the daemon failed.
    @discardableResult
    func written(_ tally: ImportTally, failure: CLIError?) -> ExitCode {
        let complete = tally.stoppedLines.isEmpty && tally.inFlightLines.isEmpty && failure == nil
        let status: ExitCode = complete && tally.problems.isEmpty ? .success : .dataError
        if context.wantsJSON {
            console.json(json(tally, problems: tally.problems, complete: complete, stage: nil))
            return status
        }
        ignoredColumns()
        if complete {
            if kind == .skills {
                console.line("Imported skills from \(file): \(Plural.count(rows, "row")): \(g(tally.levelsSet)) set, \(g(tally.levelsUnchanged)) unchanged, \(g(tally.kept.count)) kept, \(g(tally.rejectedLines)) rejected.")
            } else {
                console.line("Imported employees from \(file): \(g(tally.inserted)) inserted, \(g(tally.updated)) updated, \(g(tally.unchanged)) unchanged, \(g(tally.problems.count)) rejected.")
            }
        } else {
            partial(tally, failure: failure)
        }
        keptLevels(tally.kept)
        list(tally.problems)
        return status
    }

    private func partial(_ tally: ImportTally, failure: CLIError?) {
        let landed = tally.landedLines.isEmpty ? "no rows landed" : "the rows on lines \(ImportTally.spell(tally.landedLines)) landed"
        console.line(console.styled("Imported part of \(file): \(landed) (\(g(tally.inserted)) inserted, \(g(tally.updated)) updated, \(g(tally.unchanged)) unchanged).", .yellow))
        if !tally.stoppedLines.isEmpty {
            let stopped = ImportTally.spell(tally.stoppedLines)
            console.line("The rows on lines \(stopped) were refused whole, and nothing of them was written (the organisation changed since the dry run):")
        }
        if failure != nil, !tally.inFlightLines.isEmpty {
            console.line("The rows on lines \(ImportTally.spell(tally.inFlightLines)) were sent when the import failed: they may or may not have landed.")
        }
        let notSent = check.rowCount - tally.sentLines - tally.inFlightLines.count
        if notSent > 0 { console.line("\(Plural.count(notSent, kind == .employees ? "row" : "line")) after them \(notSent == 1 ? "was" : "were") not sent.") }
        console.line("Run the same command again once that is fixed: rows that landed count as unchanged.")
    }

    private func ignoredColumns() {
        guard !unknownColumns.isEmpty else { return }
        console.line(console.styled("Ignored columns: \(unknownColumns.joined(separator: ", "))", .yellow))
    }

    private func keptLevels(_ kept: [String]) {
        guard !kept.isEmpty else { return }
        console.line(console.styled("Kept (stronger evidence than this import; --overwrite lowers them):", .yellow))
        for line in kept.prefix(200) { console.line(console.styled("  \(line)", .yellow)) }
        if kept.count > 200 { console.line("  … and \(g(kept.count - 200)) more (--json lists them all)") }
    }

    private func list(_ problems: [String]) {
        for problem in problems.prefix(200) { console.line(console.styled("  \(problem)", .red)) }
        if problems.count > 200 { console.line("  … and \(g(problems.count - 200)) more (--json lists them all)") }
    }

    private func json(_ tally: ImportTally, problems: [String], complete: Bool, stage: Stage?) -> JSONValue {
        .object([
            ("file", .string(file)), ("rows", .int(rows)), ("complete", .bool(complete)), ("stoppedAt", stage.map { .string($0.rawValue) }),
            ("inserted", .int(tally.inserted)), ("updated", .int(tally.updated)), ("unchanged", .int(tally.unchanged)),
            ("rejected", .int(problems.count)), ("problems", .strings(problems)),
            ("levels", .object([("set", .int(tally.levelsSet)), ("unchanged", .int(tally.levelsUnchanged)), ("kept", .int(tally.kept.count))])),
            ("kept", .strings(tally.kept)),
            ("landedLines", ImportTally.rangesJSON(tally.landedLines)), ("stoppedLines", ImportTally.rangesJSON(tally.stoppedLines + tally.inFlightLines)),
            ("unknownColumns", .strings(unknownColumns)),
        ])
    }

    /// A count as people read it: "123,788".
    private func g(_ count: Int) -> String { Plural.grouped(count) }
}
