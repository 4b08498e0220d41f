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
    public static let skillColumns = ["employee", "skill", "level"]

    /// Reads either file, or both (skills are attached to the employees they name; skills of employees not
    /// in `employees` become rows that only set skills for stored employees).
    public static func read(employees: (bytes: [UInt8], file: String)?, skills: (bytes: [UInt8], file: String)?) throws(CSVError) -> Result {
        var result = Result(rows: [], problems: [], unknownColumns: [])
        var position: [String: Int] = [:]
        if let employees {
            let table = try CSVReader.parse(employees.bytes, file: employees.file)
            let columns = try table.columns(required: employeeColumns.required, optional: employeeColumns.optional + preferenceColumns, file: employees.file)
            result.unknownColumns += columns.unknown
            for record in table.records {
                do throws(CSVError) {
                    let input = try employee(record, columns: columns, file: employees.file)
                    if let earlier = position[input.id] {
                        let message = "employee '\(input.id)' is listed again (first on line \(result.rows[earlier].line ?? 0))"
                        throw CSVError(file: employees.file, line: record.line, column: nil, columnName: "id", message: message)
                    }
                    position[input.id] = result.rows.count
                    result.rows.append(Row(input: input, line: record.line, skillLines: []))
                } catch {
                    result.problems.append(error)
                }
            }
        }
        if let skills { try attach(skills, to: &result, positions: position) }
        return result
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
            roleSince: try date("roleSince"), moveKind: moveKind, leftOn: leftOn, preferences: try preferences(record, columns: columns, problem: problem))
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

    /// Attaches each skills.csv record to its employee's row, or to a row of its own for an employee the
    /// employees file does not list.
    static func attach(_ skills: (bytes: [UInt8], file: String), to result: inout Result, positions: [String: Int]) throws(CSVError) {
        let table = try CSVReader.parse(skills.bytes, file: skills.file)
        let columns = try table.columns(required: skillColumns, file: skills.file)
        result.unknownColumns += columns.unknown
        var positions = positions
        for record in table.records {
            func problem(_ column: String, _ message: String) -> CSVError {
                CSVError(file: skills.file, line: record.line, column: nil, columnName: column, message: message)
            }
            guard let employee = record.value("employee", in: columns) else { result.problems.append(problem("employee", "is empty")); continue }
            guard let skill = record.value("skill", in: columns) else { result.problems.append(problem("skill", "is empty")); continue }
            let text = record.value("level", in: columns) ?? ""
            guard let level = Int(text), SkillLevel.profileLevels.contains(level) else {
                result.problems.append(problem("level", "must be a whole number from 0 to 5, got '\(text)'"))
                continue
            }
            let index = positions[employee] ?? result.rows.count
            if index == result.rows.count {
                positions[employee] = index
                result.rows.append(Row(input: EmployeeInput(id: employee, name: nil, role: nil), line: nil, skillLines: []))
            }
            result.rows[index].input.skills = (result.rows[index].input.skills ?? []) + [SkillLevel(skill: skill, level: level)]
            result.rows[index].skillLines.append(record.line)
        }
    }
}
