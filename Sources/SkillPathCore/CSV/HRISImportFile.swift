/// An HRIS export read in two passes, so that no file is ever held whole.
///
/// `check` reads every row before anything is sent and finds everything the file alone can show to be wrong:
/// the CSV's shape, values, an id or a login listed twice, a skill given twice to one employee, a chain of
/// managers that loops, a row too large to send. It keeps only where each row starts. `forEachBatch` then
/// reads the file again and hands over upsert batches sized by bytes, in the order they must be sent: every
/// manager the file lists before their reports (a row's manager must exist when the row arrives), the file's
/// own order otherwise.
public struct HRISImportFile<Source: CSVByteSource> {
    public enum Kind: Sendable {
        case employees
        case skills
    }

    /// What the first pass found.
    public struct Check: Sendable {
        public var problems: [CSVError] = []
        /// Records in the file (employees.csv rows, or skills.csv lines).
        public var records = 0
        /// Rows (employees.csv) or lines (skills.csv) that read well.
        public var rowCount = 0
        /// employees.csv: where each good row starts, in file order; and the order to send them in.
        var entries: [(offset: Int, line: Int)] = []
        var order: [Int] = []
        /// employees.csv: the ids the file lists, by entry.
        var ids: [String: Int] = [:]
        /// skills.csv: lines with a problem, which are never sent.
        var badLines: Set<Int> = []

        /// Whether the file lists employee `id` (so that a row naming them as manager is not an error of its
        /// own when the two rows fall in different batches of a dry run).
        public func lists(_ id: String) -> Bool { ids[id] != nil }
    }

    public let kind: Kind
    public let unknownColumns: [String]
    private var rows: CSVRows<Source>
    private let columns: CSVColumns
    private let firstRecord: (offset: Int, line: Int)
    /// The bytes a row takes in a message (its JSON), for sizing batches and refusing rows that cannot fit.
    private let encodedSize: (EmployeeInput) -> Int

    public init(_ kind: Kind, reader: CSVRecordReader<Source>, encodedSize: @escaping (EmployeeInput) -> Int) throws(CSVError) {
        self.kind = kind
        rows = try CSVRows(reader)
        columns = switch kind {
        case .employees: try rows.columns(required: HRISExport.employeeColumns.required, optional: HRISExport.employeeColumns.optional + HRISExport.preferenceColumns + HRISExport.aspirationColumns)
        case .skills: try rows.columns(required: HRISExport.skillColumns)
        }
        unknownColumns = columns.unknown
        firstRecord = rows.position
        self.encodedSize = encodedSize
    }

    public var file: String { rows.file }

    /// The first pass. `rowLimit` is the largest row a message can carry, in bytes.
    public mutating func check(rowLimit: Int) throws(CSVError) -> Check {
        var check = Check()
        switch kind {
        case .employees: try checkEmployees(rowLimit: rowLimit, into: &check)
        case .skills: try checkSkills(into: &check)
        }
        check.problems.sort { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
        return check
    }

    /// The second pass: batches of at most `maximumRows` rows and, unless one row is larger, `byteBudget`
    /// bytes, in sending order. `body` returns false to stop.
    public mutating func forEachBatch(
        _ check: Check, byteBudget: Int, maximumRows: Int, _ body: ([HRISExport.Row]) throws -> Bool
    ) throws {
        var batch = HRISBatch(byteBudget: byteBudget, maximumRows: maximumRows)
        switch kind {
        case .employees:
            for entry in check.order {
                try rows.seek(to: check.entries[entry])
                guard let record = try rows.next() else {
                    throw CSVError(file: file, line: check.entries[entry].line, column: nil, message: "the file ends before this line, which it had when it was checked")
                }
                let input = try HRISExport.employee(record, columns: columns, file: file)
                let bytes = encodedSize(input)
                if batch.isFull(adding: bytes), !(try body(batch.take())) { return }
                batch.add(HRISExport.Row(input: input, line: record.line, skillLines: []), bytes: bytes)
            }
        case .skills:
            try rows.seek(to: firstRecord)
            while let record = try rows.next() {
                guard !check.badLines.contains(record.line) else { continue }
                let (employee, level) = try HRISExport.skill(record, columns: columns, file: file)
                let bytes = level.skill.utf8.count + 24 + (batch.holds(employee) ? 0 : employee.utf8.count + 32)
                if batch.isFull(adding: bytes), !(try body(batch.take())) { return }
                batch.add(level, of: employee, line: record.line, bytes: bytes)
            }
        }
        if !batch.isEmpty { _ = try body(batch.take()) }
    }

    private mutating func checkEmployees(rowLimit: Int, into check: inout Check) throws(CSVError) {
        var logins: [String: (id: String, line: Int)] = [:]
        var managers: [(entry: Int, manager: String)] = []
        while let record = try rows.next() {
            check.records += 1
            do throws(CSVError) {
                let input = try HRISExport.employee(record, columns: columns, file: file)
                if let earlier = check.ids[input.id] {
                    throw CSVError(file: file, line: record.line, column: nil, columnName: "id", message: "employee '\(input.id)' is listed again (first on line \(check.entries[earlier].line))")
                }
                if case .set(let login?) = input.login {
                    if let other = logins[login] {
                        throw CSVError(file: file, line: record.line, column: nil, columnName: "login", message: "login '\(login)' is also given to '\(other.id)' on line \(other.line)")
                    }
                    logins[login] = (input.id, record.line)
                }
                try checkSize(of: input, record: record, limit: rowLimit)
                check.ids[input.id] = check.entries.count
                if case .set(let manager?) = input.manager { managers.append((check.entries.count, manager)) }
                check.entries.append((record.offset, record.line))
            } catch {
                check.problems.append(error)
            }
        }
        check.rowCount = check.entries.count
        var managerOf = [Int](repeating: -1, count: check.entries.count)
        for (entry, manager) in managers { managerOf[entry] = check.ids[manager] ?? -1 }
        check.order = orderManagersFirst(managerOf, check: &check)
    }

    /// A row the daemon could never take whole is named with its largest cell.
    private func checkSize(of input: EmployeeInput, record: CSVRecord, limit: Int) throws(CSVError) {
        let size = encodedSize(input)
        guard size > limit else { return }
        let largest = record.fields.indices.max { record.fields[$0].utf8.count < record.fields[$1].utf8.count } ?? 0
        let column = largest < rows.header.count ? rows.header[largest] : nil
        let message = "the row is \(size) bytes as JSON (the cell holds \(record.fields[largest].utf8.count)); a message to the daemon carries at most \(limit) bytes of rows"
        throw CSVError(file: file, line: record.line, column: column == nil ? largest + 1 : nil, columnName: column, message: message)
    }

    /// Every row after the chain of managers above it that the file lists, file order otherwise. A chain that
    /// loops has no such order: each loop is a problem, spelled out once at its first line.
    private func orderManagersFirst(_ managerOf: [Int], check: inout Check) -> [Int] {
        var marks = [ChainMark](repeating: .new, count: managerOf.count)
        var order: [Int] = []
        order.reserveCapacity(managerOf.count)
        var cycles: [[Int]] = []
        for start in managerOf.indices where marks[start] == .new {
            var path: [Int] = []
            var cursor = start
            while cursor >= 0 && marks[cursor] == .new {
                marks[cursor] = .onPath
                path.append(cursor)
                cursor = managerOf[cursor]
            }
            var looping = Set<Int>()
            if cursor >= 0, marks[cursor] == .onPath, let from = path.firstIndex(of: cursor) {
                cycles.append(Array(path[from...]))
                looping = Set(path[from...])
            }
            for entry in path.reversed() where !looping.contains(entry) { order.append(entry) }
            for entry in path { marks[entry] = .done }
        }
        if !cycles.isEmpty { reportCycles(cycles, check: &check) }
        return order
    }

    private func reportCycles(_ cycles: [[Int]], check: inout Check) {
        var idOf: [Int: String] = [:]
        for (id, entry) in check.ids { idOf[entry] = id }
        for cycle in cycles {
            let lines = cycle.map { check.entries[$0].line }
            let first = lines.min() ?? 0
            let spelled = ManagerCycle.spell(cycle.map { idOf[$0] ?? "?" })
            for line in lines.sorted() {
                let message = line == first ? "the managers would form a cycle: \(spelled)" : "is in the cycle of managers spelled out at line \(first)"
                check.problems.append(CSVError(file: file, line: line, column: nil, columnName: "manager", message: message))
            }
        }
    }

    private mutating func checkSkills(into check: inout Check) throws(CSVError) {
        // The first line of each (employee, skill), by a 64-bit hash of the pair; a repeated hash is confirmed
        // by reading the earlier line again, so that only a real repetition is reported.
        var seen: [UInt64: (offset: Int, line: Int)] = [:]
        while let record = try rows.next() {
            check.records += 1
            do throws(CSVError) {
                let (employee, level) = try HRISExport.skill(record, columns: columns, file: file)
                let key = Self.pairHash(employee, level.skill)
                if let earlier = seen[key] {
                    if try isSamePair(at: earlier, employee: employee, skill: level.skill) {
                        let message = "employee '\(employee)' has skill '\(level.skill)' again (first on line \(earlier.line))"
                        throw CSVError(file: file, line: record.line, column: nil, columnName: "skill", message: message)
                    }
                } else {
                    seen[key] = (record.offset, record.line)
                }
                check.rowCount += 1
            } catch {
                check.problems.append(error)
                check.badLines.insert(record.line)
            }
        }
    }

    private mutating func isSamePair(at earlier: (offset: Int, line: Int), employee: String, skill: String) throws(CSVError) -> Bool {
        let resume = rows.position
        try rows.seek(to: earlier)
        let record = try rows.next()
        try rows.seek(to: resume)
        guard let record, let pair = try? HRISExport.skill(record, columns: columns, file: file) else { return false }
        return pair.employee == employee && pair.level.skill == skill
    }

    /// FNV-1a over the employee, a separator no cell holds, and the skill.
    private static func pairHash(_ employee: String, _ skill: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in employee.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        for byte in skill.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// Where the walk of a chain of managers stands with a row.
private enum ChainMark: UInt8 {
    case new
    case onPath
    case done
}
