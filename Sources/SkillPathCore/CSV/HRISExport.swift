public import SkillPathJSON

/// An HRIS export as `employees.upsert` rows: `employees.csv` (id, name, login, email, role, manager) and
/// `skills.csv` (employee, skill, level), headers matched by name in any order.
///
/// Only the file's shape is checked here (columns present, levels whole numbers); roles and skills are checked
/// against the catalog by the daemon, which reports them per row. Every row remembers its CSV line, so those
/// reports can name the line and the column.
public enum HRISExport {
    /// One upsert row and where it came from.
    public struct Row: Sendable {
        public var json: JSONValue
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
        var rows: [Row] = []
        var problems: [CSVError] = []
        var unknown: [String] = []
        var position: [String: Int] = [:]
        if let employees {
            let table = try CSVReader.parse(employees.bytes, file: employees.file)
            let columns = try table.columns(required: employeeColumns.required, optional: employeeColumns.optional + preferenceColumns, file: employees.file)
            unknown += columns.unknown
            for record in table.records {
                var members: [(String, JSONValue?)] = []
                var missing: String?
                for name in employeeColumns.required {
                    if let value = record.value(name, in: columns) { members.append((name, .string(value))) } else { missing = missing ?? name }
                }
                if let missing {
                    problems.append(CSVError(file: employees.file, line: record.line, column: nil, columnName: missing, message: "is empty"))
                    continue
                }
                guard let id = record.value("id", in: columns) else { continue }
                // A column the file has sets the field (an empty cell clears it); a column it lacks keeps it.
                for name in employeeColumns.optional where columns.positions[name] != nil {
                    members.append((name, record.value(name, in: columns).map(JSONValue.string) ?? .null))
                }
                var preferences: [(String, JSONValue?)] = []
                for name in ["languages", "formats"] where columns.positions[name] != nil {
                    let items = (record.value(name, in: columns) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    preferences.append((name, .strings(items)))
                }
                if columns.positions["hoursPerWeek"] != nil {
                    let text = record.value("hoursPerWeek", in: columns)
                    guard text == nil || text.flatMap(Quantity.init(literal:)) != nil else {
                        problems.append(CSVError(file: employees.file, line: record.line, column: nil, columnName: "hoursPerWeek", message: "must be a number of hours, got '\(text ?? "")'"))
                        continue
                    }
                    preferences.append(("hoursPerWeek", text.map { .number($0) } ?? .null))
                }
                if !preferences.isEmpty { members.append(("preferences", .object(preferences))) }
                if let earlier = position[id] {
                    problems.append(CSVError(file: employees.file, line: record.line, column: nil, columnName: "id", message: "employee '\(id)' is listed again (first on line \(rows[earlier].line ?? 0))"))
                    continue
                }
                position[id] = rows.count
                rows.append(Row(json: .object(members), line: record.line, skillLines: []))
            }
        }
        if let skills {
            let table = try CSVReader.parse(skills.bytes, file: skills.file)
            let columns = try table.columns(required: skillColumns, file: skills.file)
            unknown += columns.unknown
            var partial: [String: Int] = [:]
            for record in table.records {
                guard let employee = record.value("employee", in: columns) else {
                    problems.append(CSVError(file: skills.file, line: record.line, column: nil, columnName: "employee", message: "is empty"))
                    continue
                }
                guard let skill = record.value("skill", in: columns) else {
                    problems.append(CSVError(file: skills.file, line: record.line, column: nil, columnName: "skill", message: "is empty"))
                    continue
                }
                let text = record.value("level", in: columns) ?? ""
                guard let level = Int(text), (0...5).contains(level) else {
                    problems.append(CSVError(file: skills.file, line: record.line, column: nil, columnName: "level", message: "must be a whole number from 0 to 5, got '\(text)'"))
                    continue
                }
                let entry = JSONValue.object([("skill", .string(skill)), ("level", .int(level))])
                if let index = position[employee] {
                    append(entry, line: record.line, to: &rows[index])
                } else if let index = partial[employee] {
                    append(entry, line: record.line, to: &rows[index])
                } else {
                    partial[employee] = rows.count
                    rows.append(Row(json: .object([("id", .string(employee)), ("skills", .array([entry]))]), line: nil, skillLines: [record.line]))
                }
            }
        }
        return Result(rows: rows, problems: problems, unknownColumns: unknown)
    }

    static func append(_ entry: JSONValue, line: Int, to row: inout Row) {
        // Rows are built as objects (`rows.append(Row(json: .object…`) and stay objects.
        var object = row.json.objectValue ?? JSONObject()
        var list = object["skills"]?.arrayValue ?? []
        list.append(entry)
        object["skills"] = .array(list)
        row.json = .object(object)
        row.skillLines.append(line)
    }
}
