public import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

extension OrganisationStore {
    /// One employee's aspirations (empty when they never said).
    public func aspirations(of employee: String) throws(StoreError) -> StoredAspirations {
        try read { connection in try Self.aspirations(of: employee, connection: connection) }
    }

    static func aspirations(of employee: String, connection: SQLiteConnection) throws -> StoredAspirations {
        let statement = try connection.prepare("SELECT value, set_at FROM aspirations WHERE employee = ?1").bind(.text(employee))
        guard try statement.step() else { return StoredAspirations() }
        return StoredAspirations(aspirations: Aspirations.stored(statement.text(0)), setAt: statement.text(1))
    }

    /// Applies a change to an employee's aspirations, audited with what it was and what it became; returns
    /// them as they now are. Clearing every field removes the row.
    public func setAspirations(_ update: AspirationsUpdate, of employee: String, actor: String) throws -> StoredAspirations {
        try write { connection in
            guard try Self.record(employee, connection: connection) != nil else { throw DomainError.unknownEmployee(employee) }
            let before = try Self.aspirations(of: employee, connection: connection)
            let next = update.applied(to: before.aspirations)
            guard next != before.aspirations else { return before }
            let now = Timestamps.now()
            try Self.storeAspirations(next, of: employee, at: now, connection: connection)
            try Self.audit(connection, at: now, actor: actor, action: "aspirations.set", subject: employee, detail: .object([
                ("changed", .object([("aspirations", .object([("from", before.aspirations.json), ("to", next.json)]))])),
            ]))
            return StoredAspirations(aspirations: next, setAt: next.isEmpty ? nil : now)
        }
    }

    /// Writes `aspirations` as they now are; none at all removes the row.
    static func storeAspirations(_ aspirations: Aspirations, of employee: String, at now: String, connection: SQLiteConnection) throws {
        connection.changedAspirations = true
        if aspirations.isEmpty {
            try connection.prepare("DELETE FROM aspirations WHERE employee = ?1").bind(.text(employee)).run()
        } else {
            try connection.prepare("INSERT INTO aspirations (employee, value, set_at) VALUES (?1, ?2, ?3) ON CONFLICT (employee) DO UPDATE SET value = ?2, set_at = ?3")
                .bind(.text(employee), .text(JSONWriter.string(aspirations.json)), .text(now)).run()
        }
    }

    /// The aspirations of everyone in `root`'s subtree (`root` included), or of everyone, who has not left
    /// and has said something, by employee id.
    public func allAspirations(under root: String?) throws(StoreError) -> [(employee: String, stored: StoredAspirations)] {
        try read { connection in
            let scope = SubtreeScope(root: root)
            return try connection.prepare("""
                \(scope.with) SELECT a.employee, a.value, a.set_at FROM aspirations a JOIN employees e ON e.id = a.employee
                WHERE e.left_on IS NULL \(scope.filter("a.employee")) ORDER BY a.employee
                """).bind(scope.bind).rows { row in (row.text(0), StoredAspirations(aspirations: Aspirations.stored(row.text(1)), setAt: row.text(2))) }
        }
    }

    /// The aspirations of these employees, for those who said anything: a ranking marks the few it lists.
    public func aspirations(of employees: [String]) throws(StoreError) -> [String: Aspirations] {
        try read { connection in
            let rows = try connection.prepare("SELECT employee, value FROM aspirations WHERE employee IN (SELECT value FROM json_each(?1))")
                .bind(.text(JSONWriter.string(.strings(employees)))).rows { ($0.text(0), Aspirations.stored($0.text(1))) }
            return Dictionary(rows, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Who, among the people in `root`'s subtree (or everyone) who have not left, wants `role`.
    public func wanters(of role: String, under root: String?) throws(StoreError) -> Set<String> {
        try read { connection in
            let scope = SubtreeScope(root: root)
            // `?1` is the scope's root when there is one; the role is bound after it.
            let position = scope.bind.count + 1
            let rows = try connection.prepare("""
                \(scope.with) SELECT a.employee FROM aspirations a JOIN employees e ON e.id = a.employee
                WHERE e.left_on IS NULL AND EXISTS (SELECT 1 FROM json_each(a.value, '$.roles') r WHERE r.value = ?\(position)) \(scope.filter("a.employee"))
                """).bind(scope.bind + [.text(role)]).rows { $0.text(0) }
            return Set(rows)
        }
    }

    /// How many people who have not left hold each role, in `root`'s subtree (root included) or everywhere.
    public func holdersByRole(under root: String?) throws(StoreError) -> [String: Int] {
        try read { connection in
            let scope = SubtreeScope(root: root)
            let rows = try connection.prepare("""
                \(scope.with) SELECT role, COUNT(*) FROM employees WHERE left_on IS NULL \(scope.filter("id")) GROUP BY role
                """).bind(scope.bind).rows { ($0.text(0), $0.int(1)) }
            return Dictionary(rows, uniquingKeysWith: +)
        }
    }
}
