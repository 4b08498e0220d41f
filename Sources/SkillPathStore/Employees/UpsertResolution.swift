import SkillPathCore

/// Decides, for a whole `employees.upsert` batch and before anything is written, which rows stand and with
/// which values. Order-independent by construction: a row is judged against the state the whole batch
/// would leave, never against the rows before it.
///
/// Rejections spread: a new employee rejected for any reason takes with it the rows naming it as their
/// manager. Manager cycles are found by one depth-first walk over the resulting manager graph (each
/// employee, stored or in the batch, is visited once: linear in the batch and the chains it touches), and
/// every row on a cycle is rejected with the cycle spelled out.
struct UpsertResolution {
    struct Row {
        var index: Int
        var input: EmployeeInput
        var stored: (name: String, login: String?, email: String?, role: String, manager: String?, leftOn: CalendarDate?)?
        var name: String
        var role: String
        var login: String?
        var email: String?
        var manager: String?
    }

    private(set) var rows: [Row] = []
    private(set) var rejected: [UpsertRejection] = []
    private var standing: [String: Int] = [:]
    /// Managers of stored employees the walks reached, read once each.
    private var storedManagers: [String: String?] = [:]

    var accepted: [Row] { rows.filter { standing[$0.input.id] != nil } }

    init(rows candidates: [(index: Int, input: EmployeeInput)], connection: SQLiteConnection) throws {
        for (index, input) in candidates {
            let existing = try connection.prepare("SELECT name, login, email, role, manager, left_on FROM employees WHERE id = ?1").bind(.text(input.id))
            let stored = try existing.step()
                ? (name: existing.text(0), login: existing.optionalText(1), email: existing.optionalText(2), role: existing.text(3),
                   manager: existing.optionalText(4), leftOn: existing.optionalText(5).flatMap(CalendarDate.init(iso:)))
                : nil
            guard let name = input.name ?? stored?.name else {
                reject(index, input.id, "name", "is required for a new employee")
                continue
            }
            guard let role = input.role ?? stored?.role else {
                reject(index, input.id, "role", "is required for a new employee")
                continue
            }
            standing[input.id] = rows.count
            rows.append(Row(
                index: index, input: input, stored: stored, name: name, role: role, login: input.login.applied(to: stored?.login),
                email: input.email.applied(to: stored?.email), manager: input.manager.applied(to: stored?.manager)))
        }
    }

    mutating func resolve(connection: SQLiteConnection, today: CalendarDate) throws {
        try rejectMisdatedMoves(connection: connection, today: today)
        // Rejecting a row can strand others (its reports, a login it held): repeat until nothing changes.
        while true {
            let missing = try rejectMissingManagers(connection: connection)
            let clashes = try rejectLoginClashes(connection: connection)
            let cycles = try rejectCycles(connection: connection)
            if !missing && !clashes && !cycles { break }
        }
    }

    /// A manager must be a standing row of the batch or a stored employee. A row rejected as new does not exist.
    private mutating func rejectMissingManagers(connection: SQLiteConnection) throws -> Bool {
        var changed = false
        for row in rows where standing[row.input.id] != nil {
            guard let manager = row.manager, standing[manager] == nil, try !isStored(manager, connection: connection) else { continue }
            let why = rows.contains { $0.input.id == manager } ? "its row in this batch was rejected" : "not stored, and not in this batch"
            reject(row, "manager", "unknown employee '\(manager)' (\(why))")
            changed = true
        }
        return changed
    }

    /// A login may be held by one employee once the batch applies: a standing row, or a stored employee
    /// the batch leaves alone (or whose row was rejected, so keeps its stored login).
    private mutating func rejectLoginClashes(connection: SQLiteConnection) throws -> Bool {
        var changed = false
        for row in rows where standing[row.input.id] != nil {
            guard let login = row.login, login != row.stored?.login else { continue }
            let statement = try connection.prepare("SELECT id FROM employees WHERE login = ?1 AND id <> ?2").bind(.text(login), .text(row.input.id))
            guard try statement.step() else { continue }
            let holder = statement.text(0)
            // A holder that stands in the batch with another login gives this one up.
            if let position = standing[holder], rows[position].login != login { continue }
            reject(row, "login", "login '\(login)' belongs to employee '\(holder)'")
            changed = true
        }
        return changed
    }

    /// Walks the manager graph the batch would leave, once over every employee it reaches.
    private mutating func rejectCycles(connection: SQLiteConnection) throws -> Bool {
        enum Mark { case onPath, done }
        var marks: [String: Mark] = [:]
        var onCycle = Set<String>()
        var cycles: [String: [String]] = [:]
        for start in rows where standing[start.input.id] != nil && marks[start.input.id] == nil {
            var path: [String] = []
            var cursor: String? = start.input.id
            while let current = cursor {
                if let mark = marks[current] {
                    if mark == .onPath, let from = path.firstIndex(of: current) {
                        let cycle = Array(path[from...])
                        for member in cycle {
                            onCycle.insert(member)
                            cycles[member] = cycle
                        }
                    }
                    break
                }
                marks[current] = .onPath
                path.append(current)
                cursor = try manager(of: current, connection: connection)
            }
            for member in path { marks[member] = .done }
        }
        var changed = false
        // Each cycle is spelled out once, at its first row; its other rows refer to that one, so that a cycle
        // of 10,000 people is not repeated 10,000 times in one reply.
        var reportedAt: [String: Int] = [:]
        for row in rows where standing[row.input.id] != nil && onCycle.contains(row.input.id) {
            let cycle = cycles[row.input.id] ?? [row.input.id]
            let key = cycle.min() ?? row.input.id
            if let first = reportedAt[key] {
                reject(row, "manager", "the managers would form a cycle of \(cycle.count) (spelled out at row \(first))")
            } else {
                reportedAt[key] = row.index
                reject(row, "manager", "the managers would form a cycle: \(ManagerCycle.spell(cycle))")
            }
            changed = true
        }
        return changed
    }

    /// A change of role is a move, dated `roleSince` (default today): not in the future, and not before the
    /// employee's last recorded move. Only existing employees move; a row rejected here rejects nothing
    /// else, since the employee exists either way.
    private mutating func rejectMisdatedMoves(connection: SQLiteConnection, today: CalendarDate) throws {
        for row in rows where standing[row.input.id] != nil {
            guard let stored = row.stored, stored.role != row.role else { continue }
            let date = row.input.roleSince ?? today
            if date > today {
                reject(row, "roleSince", "is in the future (\(date)); send the change of role on the day it takes effect")
                continue
            }
            do {
                try OrganisationStore.checkChronology(of: row.input.id, date: date, field: "roleSince", connection: connection)
            } catch DomainError.invalidValue(_, let message) {
                reject(row, "roleSince", message)
            }
        }
    }

    /// An employee's manager once the batch applies: the standing row's, else the stored one.
    private mutating func manager(of id: String, connection: SQLiteConnection) throws -> String? {
        if let position = standing[id] { return rows[position].manager }
        if let known = storedManagers[id] { return known }
        let statement = try connection.prepare("SELECT manager FROM employees WHERE id = ?1").bind(.text(id))
        let manager = try statement.step() ? statement.optionalText(0) : nil
        storedManagers[id] = manager
        return manager
    }

    private mutating func isStored(_ id: String, connection: SQLiteConnection) throws -> Bool {
        if storedManagers[id] != nil { return true }
        let statement = try connection.prepare("SELECT manager FROM employees WHERE id = ?1").bind(.text(id))
        guard try statement.step() else { return false }
        storedManagers[id] = statement.optionalText(0)
        return true
    }

    private mutating func reject(_ row: Row, _ field: String, _ reason: String) {
        standing[row.input.id] = nil
        reject(row.index, row.input.id, field, reason)
    }

    private mutating func reject(_ index: Int, _ id: String, _ field: String, _ reason: String) {
        rejected.append(UpsertRejection(index: index, id: id, field: field, reason: reason))
    }
}
