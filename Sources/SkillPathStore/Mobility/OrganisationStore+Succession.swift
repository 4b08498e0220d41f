import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// Administrators' marks on roles, by role id: true makes a role critical, false takes the catalog's mark off.
    public func criticalMarks() throws(StoreError) -> [String: Bool] {
        try read { connection in
            let rows = try connection.prepare("SELECT role, critical FROM critical_roles").rows { ($0.text(0), $0.int(1) != 0) }
            return Dictionary(rows, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Marks `role` critical or not (the caller checked it is in the catalog), audited.
    public func markCritical(_ role: String, critical: Bool, actor: String) throws {
        try write { connection in
            let now = Timestamps.now()
            try connection.prepare("""
                INSERT INTO critical_roles (role, critical, set_by, set_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (role) DO UPDATE SET critical = excluded.critical, set_by = excluded.set_by, set_at = excluded.set_at
                """).bind(.text(role), .int(critical ? 1 : 0), .text(actor), .text(now)).run()
            try Self.audit(connection, at: now, actor: actor, action: "role.critical", subject: role, detail: .object([("critical", .bool(critical))]))
        }
    }

    /// Each employee's active assignments' remaining hours (hundredths): what a new plan would come after.
    public func assignedHoursRemaining() throws(StoreError) -> [String: Int64] {
        try read { connection in
            let rows = try connection.prepare("""
                SELECT a.employee, sum(s.hours) FROM assignments a JOIN assignment_steps s ON s.assignment = a.id
                WHERE a.status = 'active' AND s.completed_at IS NULL GROUP BY a.employee
                """).rows { ($0.text(0), $0.int64(1)) }
            return Dictionary(rows, uniquingKeysWith: +)
        }
    }
}

extension OrganisationStore {
    /// The manager each employee who has not left reports to.
    public func managers() throws(StoreError) -> [String: String] {
        try read { connection in
            let rows = try connection.prepare("SELECT id, manager FROM employees WHERE left_on IS NULL AND manager IS NOT NULL").rows { ($0.text(0), $0.text(1)) }
            return Dictionary(rows, uniquingKeysWith: { first, _ in first })
        }
    }
}
