public import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

extension OrganisationStore {
    /// The employee with their skills, completions and direct reports; nil when there is none.
    public func employee(_ id: String) throws(StoreError) -> EmployeeProfile? {
        try read { connection in try Self.profile(id, connection: connection) }
    }

    static func profile(_ id: String, connection: SQLiteConnection) throws -> EmployeeProfile? {
        guard let record = try record(id, connection: connection) else { return nil }
        let skills = try connection.prepare("SELECT skill, level, source, set_at, course, note FROM skill_evidence WHERE employee = ?1 ORDER BY skill, id")
            .bind(.text(id))
            .rows(Self.piece)
        let completions = try connection.prepare("SELECT course, completed_at, source FROM completions WHERE employee = ?1 ORDER BY course")
            .bind(.text(id))
            .rows { StoredCompletion(course: $0.text(0), completedAt: $0.text(1), source: $0.text(2)) }
        let reports = try connection.prepare("SELECT id FROM employees WHERE manager = ?1 ORDER BY id").bind(.text(id)).rows { $0.text(0) }
        return EmployeeProfile(employee: record, skills: skills, completions: completions, reports: reports)
    }

    static func record(_ id: String, connection: SQLiteConnection) throws -> EmployeeRecord? {
        let statement = try connection.prepare("SELECT \(employeeColumns) FROM employees WHERE id = ?1").bind(.text(id))
        guard try statement.step() else { return nil }
        return employeeRecord(statement)
    }

    /// The columns `employeeRecord` reads, in order.
    static let employeeColumns = "id, name, login, email, role, manager, created_at, updated_at, left_on, preferences"

    static func employeeRecord(_ row: SQLiteStatement) -> EmployeeRecord {
        EmployeeRecord(
            id: row.text(0), name: row.text(1), login: row.optionalText(2), email: row.optionalText(3), role: row.text(4),
            manager: row.optionalText(5), createdAt: row.text(6), updatedAt: row.text(7), leftOn: row.optionalText(8).flatMap(CalendarDate.init(iso:)),
            preferences: preferences(row.optionalText(9)))
    }

    /// Stored preferences; none when the column is empty or (written by a newer daemon) unreadable.
    static func preferences(_ text: String?) -> LearnerPreferences {
        guard let text, let json = try? JSONParser.parse(Array(text.utf8)), let update = try? PreferencesUpdate(json: JSONField(json)) else {
            return LearnerPreferences()
        }
        return update.applied(to: LearnerPreferences())
    }

    /// The employee whose `login` is this Unix user name.
    public func employeeID(login: String) throws(StoreError) -> String? {
        try read { connection in
            let statement = try connection.prepare("SELECT id FROM employees WHERE login = ?1").bind(.text(login))
            return try statement.step() ? statement.text(0) : nil
        }
    }

    /// Applies a change to an employee's learner preferences; returns them as they now are.
    public func setPreferences(_ update: PreferencesUpdate, of employee: String, actor: String) throws -> LearnerPreferences {
        try write { connection in
            guard let record = try Self.record(employee, connection: connection) else { throw DomainError.unknownEmployee(employee) }
            return try Self.setPreferences(update, of: record, actor: actor, connection: connection)
        }
    }

    static func setPreferences(_ update: PreferencesUpdate, of record: EmployeeRecord, actor: String, connection: SQLiteConnection) throws -> LearnerPreferences {
        let next = update.applied(to: record.preferences)
        guard next != record.preferences else { return next }
        try storePreferences(next, of: record.id, connection: connection)
        try audit(connection, at: Timestamps.now(), actor: actor, action: "preferences.set", subject: record.id, detail: .object([
            ("changed", .object([("preferences", .object([("from", record.preferences.json), ("to", next.json)]))])),
        ]))
        return next
    }

    static func storePreferences(_ preferences: LearnerPreferences, of employee: String, connection: SQLiteConnection) throws {
        try connection.prepare("UPDATE employees SET preferences = ?2 WHERE id = ?1")
            .bind(.text(employee), preferences.isEmpty ? nil : .text(JSONWriter.string(preferences.json))).run()
    }

    /// The employee with this email (compared without regard to ASCII case, as mail systems do), when
    /// exactly one has it.
    public func employeeID(email: String) throws(StoreError) -> String? {
        try read { connection in
            let ids = try connection.prepare("SELECT id FROM employees WHERE lower(email) = lower(?1) LIMIT 2").bind(.text(email)).rows { $0.text(0) }
            return ids.count == 1 ? ids[0] : nil
        }
    }

    /// Whether `manager` manages `employee`, directly or through others.
    public func manages(_ manager: String, _ employee: String) throws(StoreError) -> Bool {
        try read { connection in
            var cursor = try Self.managerOf(employee, connection: connection)
            var seen = Set<String>()
            while let current = cursor, seen.insert(current).inserted {
                if current == manager { return true }
                cursor = try Self.managerOf(current, connection: connection)
            }
            return false
        }
    }

    /// Whether anyone reports to this employee.
    public func hasReports(_ employee: String) throws(StoreError) -> Bool {
        try read { connection in
            try connection.prepare("SELECT 1 FROM employees WHERE manager = ?1 LIMIT 1").bind(.text(employee)).step()
        }
    }

    static func managerOf(_ id: String, connection: SQLiteConnection) throws -> String? {
        let statement = try connection.prepare("SELECT manager FROM employees WHERE id = ?1").bind(.text(id))
        return try statement.step() ? statement.optionalText(0) : nil
    }

    /// Everyone under `manager`: direct reports only, or the whole subtree, sorted by id.
    public func reports(of manager: String, wholeSubtree: Bool) throws(StoreError) -> [EmployeeRecord] {
        try read { connection in try Self.reports(of: manager, wholeSubtree: wholeSubtree, connection: connection) }
    }

    static func reports(of manager: String, wholeSubtree: Bool, connection: SQLiteConnection) throws -> [EmployeeRecord] {
        // The recursion carries every column, so the subtree is read in one pass over the manager index;
        // UNION ALL is safe because upserts never let the manager graph loop.
        let columns = employeeColumns
        let sql = wholeSubtree
            ? """
              WITH RECURSIVE subtree(\(columns)) AS (
                  SELECT \(columns) FROM employees WHERE manager = ?1
                  UNION ALL SELECT e.id, e.name, e.login, e.email, e.role, e.manager, e.created_at, e.updated_at, e.left_on, e.preferences
                  FROM subtree s JOIN employees e ON e.manager = s.id
              )
              SELECT \(columns) FROM subtree ORDER BY id
              """
            : "SELECT \(columns) FROM employees WHERE manager = ?1 ORDER BY id"
        return try connection.prepare(sql).bind(.text(manager)).rows(employeeRecord)
    }

    /// Who a listing may show.
    public enum Visibility: Sendable {
        case everyone
        /// This employee and everyone under them.
        case subtree(of: String)
        case only(String)
    }

    /// A page of employees in id order, after `cursor`, limited to what the caller may see.
    public func employees(visible: Visibility, role: String?, manager: String?, limit: Int, cursor: String?) throws(StoreError) -> (items: [EmployeeRecord], total: Int, hasMore: Bool) {
        try read { connection in
            var conditions: [String] = []
            var values: [SQLiteValue?] = []
            var prefix = ""
            switch visible {
            case .everyone: break
            case .subtree(let root):
                prefix = """
                WITH RECURSIVE visible(id) AS (
                    SELECT ?\(values.count + 1)
                    UNION ALL SELECT e.id FROM visible v JOIN employees e ON e.manager = v.id
                )
                """
                values.append(.text(root))
                conditions.append("id IN (SELECT id FROM visible)")
            case .only(let id):
                values.append(.text(id))
                conditions.append("id = ?\(values.count)")
            }
            if let role {
                values.append(.text(role))
                conditions.append("role = ?\(values.count)")
            }
            if let manager {
                values.append(.text(manager))
                conditions.append("manager = ?\(values.count)")
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try connection.prepare("\(prefix) SELECT count(*) FROM employees \(filter)").bind(values)
            _ = try total.step()
            let count = total.int(0)
            var pageConditions = conditions
            var pageValues = values
            if let cursor {
                pageValues.append(.text(cursor))
                pageConditions.append("id > ?\(pageValues.count)")
            }
            pageValues.append(.int(limit + 1))
            let pageFilter = pageConditions.isEmpty ? "" : "WHERE " + pageConditions.joined(separator: " AND ")
            let items = try connection.prepare("""
                \(prefix) SELECT \(Self.employeeColumns) FROM employees \(pageFilter)
                ORDER BY id LIMIT ?\(pageValues.count)
                """).bind(pageValues).rows(Self.employeeRecord)
            return (Array(items.prefix(limit)), count, items.count > limit)
        }
    }

    /// Records ratings of one employee's skills by `source`, by the rules of `rate`; returns the levels
    /// written and the stronger evidence kept instead of a lower rating. The audit entry shows each skill
    /// whose standing changed, old and new: level, the level it counts for, and source.
    public func setSkills(
        _ skills: [SkillLevel], of employee: String, source: SkillSource, overwrite: Bool = false, actor: String, evidence: SkillEvidence
    ) throws -> (changed: [SkillLevel], kept: [StoredSkill]) {
        try write { connection in
            guard try Self.record(employee, connection: connection) != nil else { throw DomainError.unknownEmployee(employee) }
            let now = Timestamps.now()
            let before = try Self.standings(of: employee, skills: skills.map(\.skill), evidence: evidence, connection: connection)
            var written: [SkillLevel] = []
            var kept: [StoredSkill] = []
            for entry in skills {
                switch try Self.rate(entry, of: employee, source: source, at: now, overwrite: overwrite, connection: connection) {
                case .unchanged: break
                case .set: written.append(entry)
                case .kept(let stored): kept.append(stored)
                }
            }
            let after = try Self.standings(of: employee, skills: skills.map(\.skill), evidence: evidence, connection: connection)
            let changes = Self.skillChanges(before: before, after: after)
            if !changes.isEmpty {
                try Self.audit(connection, at: now, actor: actor, action: "skills.set", subject: employee, detail: .object([
                    ("source", .string(source.rawValue)),
                    ("changed", .object(JSONObject(changes.map { JSONMember($0.field, .object([("from", $0.from), ("to", $0.to)])) }))),
                ]))
                try Self.skillChanged(employee, changes, cause: "skills.set", at: now, connection: connection)
            }
            return (written, kept)
        }
    }
}
