import SkillPathCore
import SkillPathJSON

/// What an import did, batch by batch: the daemon's counts, each rejected or kept row by file and line,
/// and which lines landed, so that a partial import says exactly what it wrote.
struct ImportTally {
    let file: String
    var inserted = 0
    var updated = 0
    var unchanged = 0
    var levelsSet = 0
    var levelsUnchanged = 0
    var kept: [String] = []
    var problems: [String] = []
    /// The CSV lines whose rows were written (for skills.csv, every skill line of those rows).
    var landedLines: [Int] = []
    /// The lines of the batches the daemon refused whole (the one that stopped the import, and the one sent
    /// behind it when that was refused too).
    var stoppedLines: [Int] = []
    /// The lines of the batches sent and not answered when the daemon failed: they may or may not have landed.
    var inFlightLines: [Int] = []
    /// Lines of rows that were sent (in any batch, written or not).
    var sentLines = 0
    /// Lines of the rows the daemon rejected: a skills.csv row holds every line of one employee in its batch,
    /// and a rejected row writes none of them.
    var rejectedLines = 0

    init(file: String) { self.file = file }

    /// Adds one batch's report. A written batch counts; a refused one (atomic, or a dry run) only names its
    /// problems.
    mutating func add(_ report: JSONValue, batch: [HRISExport.Row]) {
        let written = report["written"]?.boolValue ?? true
        sentLines += batch.reduce(0) { $0 + Self.lines(of: $1).count }
        for rejection in report["rejected"]?.arrayValue ?? [] {
            guard let index = rejection["index"]?.intValue, batch.indices.contains(index) else { continue }
            problems.append(ImportTally.describe(rejection, row: batch[index], file: file))
        }
        guard written else {
            stoppedLines = (stoppedLines + batch.flatMap(Self.lines)).sorted()
            return
        }
        inserted += report["inserted"]?.intValue ?? 0
        updated += report["updated"]?.intValue ?? 0
        unchanged += report["unchanged"]?.intValue ?? 0
        levelsSet += report["levels"]?["set"]?.intValue ?? 0
        levelsUnchanged += report["levels"]?["unchanged"]?.intValue ?? 0
        for entry in report["kept"]?.arrayValue ?? [] {
            guard let index = entry["index"]?.intValue, batch.indices.contains(index) else { continue }
            kept.append(ImportTally.describeKept(entry, row: batch[index], file: file))
        }
        let rejectedRows = Set((report["rejected"]?.arrayValue ?? []).compactMap { $0["index"]?.intValue })
        for (index, row) in batch.enumerated() {
            if rejectedRows.contains(index) { rejectedLines += Self.lines(of: row).count } else { landedLines += Self.lines(of: row) }
        }
    }

    /// The CSV lines a row came from.
    static func lines(of row: HRISExport.Row) -> [Int] {
        row.line.map { [$0] } ?? row.skillLines
    }

    /// `2–2001, 2050, 2052–2100`: sorted lines as ranges.
    static func ranges(_ lines: [Int]) -> [(from: Int, to: Int)] {
        var ranges: [(from: Int, to: Int)] = []
        for line in lines.sorted() {
            if let last = ranges.last, line <= last.to + 1 {
                ranges[ranges.count - 1].to = max(last.to, line)
            } else {
                ranges.append((line, line))
            }
        }
        return ranges
    }

    /// Ranges as text, the first `limit` of them.
    static func spell(_ lines: [Int], limit: Int = 6) -> String {
        let all = ranges(lines)
        let shown = all.prefix(limit).map { $0.from == $0.to ? "\($0.from)" : "\($0.from)–\($0.to)" }.joined(separator: ", ")
        return all.count > limit ? "\(shown) and \(all.count - limit) more ranges (--json lists them)" : shown
    }

    static func rangesJSON(_ lines: [Int]) -> JSONValue {
        .array(ranges(lines).map { .array([.int($0.from), .int($0.to)]) })
    }

    /// A kept level as `file:line: employee skill: kept 3 (course, 2026-11-20); the file says 2`.
    static func describeKept(_ entry: JSONValue, row: HRISExport.Row, file: String) -> String {
        let position = entry["skillIndex"]?.intValue ?? 0
        let line = row.skillLines.indices.contains(position) ? row.skillLines[position] : (row.line ?? 0)
        let stored = entry["stored"]
        return "\(file):\(line): \(entry["id"]?.stringValue ?? "?") \(entry["skill"]?.stringValue ?? "?"): kept level \(stored?["level"]?.intValue ?? 0) "
            + "(\(stored?["source"]?.stringValue ?? "?"), \(String(stored?["setAt"]?.stringValue?.prefix(10) ?? "?"))); the file says \(entry["given"]?.intValue ?? 0)"
    }

    /// A rejection as `file:line, column 'name': reason`, mapping the field back to the CSV.
    static func describe(_ rejection: JSONValue, row: HRISExport.Row, file: String) -> String {
        let field = rejection["field"]?.stringValue ?? ""
        let reason = rejection["reason"]?.stringValue ?? "rejected"
        if field.hasPrefix("skills["), let close = field.firstIndex(of: "]"),
           let position = Int(field[field.index(field.startIndex, offsetBy: 7)..<close]), row.skillLines.indices.contains(position) {
            let column = field.hasSuffix(".level") ? "level" : "skill"
            return "\(file):\(row.skillLines[position]), column '\(column)': \(reason)"
        }
        let line = row.line ?? row.skillLines.first ?? 0
        let column = field == "id" && row.line == nil ? "employee" : aspirationColumns.first { field.hasPrefix($0.field) }?.column ?? field
        return "\(file):\(line), column '\(column)': \(reason)"
    }

    /// The daemon's fields for aspirations, and the HRIS columns that carry them.
    static let aspirationColumns = [
        (field: "aspirations.roles", column: "wantsRoles"), (field: "aspirations.skills", column: "wantsSkills"),
        (field: "aspirations.openTo", column: "openTo"), (field: "aspirations.notLooking", column: "notLooking"),
    ]
}
