import Foundation

/// An HRIS export as `employees.upsert` rows: `employees.csv` (id, name, login, email, role, manager) and
/// `skills.csv` (employee, skill, level), headers matched by name in any order.
///
/// Only the file's shape and values are checked here (columns present, dates, kinds, levels whole numbers),
/// so a malformed row is named by file and line before anything is sent; roles and skills are checked
/// against the catalog by the daemon, which reports them per row. Every row remembers its CSV line, so those
/// reports can name the line and the column.
public enum HRISExport {
    /// One upsert row and where it came from.
    public struct Row: Sendable, Equatable {
        public var input: EmployeeInput
        /// The CSV line of the employee (employees.csv), when there was one.
        public var line: Int?
        /// For each entry of `skills`, the skills.csv line it came from.
        public var skillLines: [Int]
    }

    public struct Result: Sendable {
        public var rows: [Row]
        /// Rows of the files that could not be used, each naming file, line and column.
        public var problems: [CSVError]
        /// Header names that match no known column.
        public var unknownColumns: [String]
    }

    /// `roleSince` dates a change of role (the move's effective date), `moveKind` says its kind when the
    /// catalog has no transition for it, `leftOn` records a departure.
    public static let employeeColumns = (required: ["id", "name", "role"], optional: ["login", "email", "manager", "roleSince", "moveKind", "leftOn"])
    /// Learner preferences: `languages` and `formats` as lists separated by `;` (`en;de`), `hoursPerWeek` a
    /// number. A column the file has sets the preference (an empty cell clears it).
    public static let preferenceColumns = ["languages", "formats", "hoursPerWeek"]
    /// Career aspirations: `wantsRoles` (most wanted first), `wantsSkills` and `openTo` as lists separated by
    /// `;`, `notLooking` yes or no. A column the file has sets that part (an empty cell clears it).
    public static let aspirationColumns = ["wantsRoles", "wantsSkills", "openTo", "notLooking"]
    public static let skillColumns = ["employee", "skill", "level"]

    /// Reads either file, or both, whole (skills are attached to the employees they name; skills of employees
    /// not in `employees` become rows that only set skills for stored employees). The CLI reads files in two
    /// passes instead (`HRISImportFile`), holding none of them whole.
    public static func read(employees: (bytes: [UInt8], file: String)?, skills: (bytes: [UInt8], file: String)?) throws(CSVError) -> Result {
        var result = Result(rows: [], problems: [], unknownColumns: [])
        var position: [String: Int] = [:]
        for (kind, bytes) in [(HRISImportFile<CSVMemorySource>.Kind.employees, employees), (.skills, skills)] {
            guard let bytes else { continue }
            var file = try HRISImportFile(kind, reader: CSVRecordReader(CSVMemorySource(bytes.bytes), file: bytes.file), encodedSize: { _ in 0 })
            let check = try file.check(rowLimit: .max)
            result.problems += check.problems
            result.unknownColumns += file.unknownColumns
            do {
                try file.forEachBatch(check, byteBudget: .max, maximumRows: .max) { rows in
                    for row in rows { merge(row, into: &result.rows, positions: &position) }
                    return true
                }
            } catch let error as CSVError {
                throw error
            } catch {
                throw CSVError(file: bytes.file, line: 0, column: nil, message: "\(error)")
            }
        }
        return result
    }

    /// A skills row joins its employee's row, when the employees file listed them.
    private static func merge(_ row: Row, into rows: inout [Row], positions: inout [String: Int]) {
        guard let index = positions[row.input.id] else {
            positions[row.input.id] = rows.count
            rows.append(row)
            return
        }
        rows[index].input.skills = (rows[index].input.skills ?? []) + (row.input.skills ?? [])
        rows[index].skillLines += row.skillLines
    }

    /// One employees.csv record. A column the file has sets the field (an empty cell clears it); a column it
    /// lacks keeps what is stored.
    static func employee(_ record: CSVRecord, columns: CSVColumns, file: String) throws(CSVError) -> EmployeeInput {
        func problem(_ column: String, _ message: String) -> CSVError {
            CSVError(file: file, line: record.line, column: nil, columnName: column, message: message)
        }
        func required(_ name: String) throws(CSVError) -> String {
            guard let value = record.value(name, in: columns) else { throw problem(name, "is empty") }
            return value
        }
        func update(_ name: String) -> FieldUpdate<String> {
            columns.positions[name] == nil ? .keep : .set(record.value(name, in: columns))
        }
        func date(_ name: String) throws(CSVError) -> CalendarDate? {
            guard let text = record.value(name, in: columns) else { return nil }
            guard let date = CalendarDate(iso: text) else { throw problem(name, "must be a date as YYYY-MM-DD, got '\(text)'") }
            return date
        }
        let id = try required("id")
        let name = try required("name")
        let role = try required("role")
        var moveKind: Transition.Kind?
        if let text = record.value("moveKind", in: columns) {
            guard let kind = Transition.Kind(rawValue: text) else {
                throw problem("moveKind", "must be one of \(Transition.Kind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
            }
            moveKind = kind
        }
        let leftOn: FieldUpdate<CalendarDate> = columns.positions["leftOn"] == nil ? .keep : .set(try date("leftOn"))
        return EmployeeInput(
            id: id, name: name, login: update("login"), email: update("email"), role: role, manager: update("manager"),
            roleSince: try date("roleSince"), moveKind: moveKind, leftOn: leftOn, preferences: try preferences(record, columns: columns, problem: problem),
            aspirations: try aspirations(record, columns: columns, problem: problem))
    }

    /// The preference columns the file has: lists separated by `;`, a pace in hours (an empty cell clears).
    static func preferences(
        _ record: CSVRecord, columns: CSVColumns, problem: (String, String) -> CSVError
    ) throws(CSVError) -> PreferencesUpdate? {
        var update = PreferencesUpdate()
        var given = false
        func list(_ name: String) -> [String]? {
            guard columns.positions[name] != nil else { return nil }
            given = true
            return (record.value(name, in: columns) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        update.languages = list("languages")
        update.formats = list("formats")
        if columns.positions["hoursPerWeek"] != nil {
            given = true
            let text = record.value("hoursPerWeek", in: columns)
            let hours = text.flatMap(Quantity.init(literal:))
            guard text == nil || hours.map({ $0 > .zero && $0 <= LearnerPreferences.maximumHoursPerWeek }) == true else {
                throw problem("hoursPerWeek", "must be a number of hours from 0 to 168, got '\(text ?? "")'")
            }
            update.hoursPerWeek = .some(hours)
        }
        return given ? update : nil
    }

    /// The aspiration columns the file has: lists separated by `;`, `notLooking` yes/no (an empty cell clears).
    static func aspirations(
        _ record: CSVRecord, columns: CSVColumns, problem: (String, String) -> CSVError
    ) throws(CSVError) -> AspirationsUpdate? {
        var update = AspirationsUpdate()
        func list(_ name: String, most: Int) throws(CSVError) -> [String]? {
            guard columns.positions[name] != nil else { return nil }
            let items = (record.value(name, in: columns) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard items.count <= most else { throw problem(name, "lists \(items.count) values; at most \(most)") }
            if let repeated = items.indices.first(where: { items[..<$0].contains(items[$0]) }) { throw problem(name, "lists '\(items[repeated])' twice") }
            return items
        }
        update.roles = try list("wantsRoles", most: Aspirations.maximumRoles)
        update.skills = try list("wantsSkills", most: Aspirations.maximumSkills)
        if let kinds = try list("openTo", most: Aspirations.Move.allCases.count) {
            var moves: [Aspirations.Move] = []
            for kind in kinds {
                guard let move = Aspirations.Move(rawValue: kind) else {
                    throw problem("openTo", "must list kinds among \(Aspirations.Move.allCases.map(\.rawValue).joined(separator: ", ")), got '\(kind)'")
                }
                moves.append(move)
            }
            update.openTo = moves
        }
        if columns.positions["notLooking"] != nil {
            switch record.value("notLooking", in: columns)?.lowercased() {
            case nil, "no", "false": update.notLooking = false
            case "yes", "true": update.notLooking = true
            case let other?: throw problem("notLooking", "must be yes or no, got '\(other)'")
            }
        }
        return update.isEmpty ? nil : update
    }

    /// One skills.csv record: whose skill, and the level.
    static func skill(_ record: CSVRecord, columns: CSVColumns, file: String) throws(CSVError) -> (employee: String, level: SkillLevel) {
        func problem(_ column: String, _ message: String) -> CSVError {
            CSVError(file: file, line: record.line, column: nil, columnName: column, message: message)
        }
        guard let employee = record.value("employee", in: columns) else { throw problem("employee", "is empty") }
        guard let skill = record.value("skill", in: columns) else { throw problem("skill", "is empty") }
        let text = record.value("level", in: columns) ?? ""
        guard let level = Int(text), SkillLevel.profileLevels.contains(level) else {
            throw problem("level", "must be a whole number from 0 to 5, got '\(text)'")
        }
        return (employee, SkillLevel(skill: skill, level: level))
    }
}
