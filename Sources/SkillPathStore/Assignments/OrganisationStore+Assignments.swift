public import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

extension OrganisationStore {
    /// Stores a new assignment with its frozen plan. Refuses a second active assignment for the same
    /// employee and target role.
    public func createAssignment(_ new: NewAssignment) throws -> AssignmentRecord {
        try write { connection in
            guard let employee = try Self.record(new.employee, connection: connection) else { throw DomainError.unknownEmployee(new.employee) }
            guard employee.role != new.targetRole else {
                throw DomainError.conflict("employee '\(new.employee)' already holds role '\(new.targetRole)'; there is nothing to assign")
            }
            let existing = try connection.prepare("SELECT id FROM assignments WHERE employee = ?1 AND target_role = ?2 AND status = 'active'")
                .bind(.text(new.employee), .text(new.targetRole))
            if try existing.step() { throw DomainError.duplicateAssignment(existing: existing.int64(0)) }
            let now = Timestamps.now()
            let status: AssignmentRecord.Status = new.plan.steps.isEmpty ? .completed : .active
            try connection.prepare("""
                INSERT INTO assignments (employee, target_role, assigned_by, assigned_at, start_date, due_date, status, options, plan, catalog_version, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?4)
                """)
                .bind(.text(new.employee), .text(new.targetRole), .text(new.assignedBy), .text(now), .text(new.startDate.description),
                      new.dueDate.map { .text($0.description) }, .text(status.rawValue), .text(JSONWriter.string(new.options)),
                      .text(JSONWriter.string(new.plan.json)), .text(new.plan.catalogVersion))
                .run()
            let id = connection.lastInsertRowID
            try Self.insertSteps(of: new.plan, into: id, connection: connection)
            try Self.audit(connection, at: now, actor: new.assignedBy, action: "assignment.create", subject: new.employee, detail: .object([
                ("assignment", .int(id)), ("targetRole", .string(new.targetRole)), ("courses", .int(new.plan.steps.count)),
            ]))
            try Self.appendEvent(EventDraft(.assignmentCreated, employee: new.employee, data: .object([
                ("assignment", .int(id)), ("targetRole", .string(new.targetRole)), ("status", .string(status.rawValue)),
                ("dueDate", new.dueDate.map { .string($0.description) }), ("courses", .int(new.plan.steps.count)), ("hours", new.plan.totals.hours.json),
            ])), at: now, connection: connection)
            return try Self.written(id, connection: connection)
        }
    }

    static func insertSteps(of plan: Plan, into assignment: Int64, connection: SQLiteConnection) throws {
        for (position, step) in plan.steps.enumerated() {
            try connection.prepare("""
                INSERT INTO assignment_steps (assignment, position, course, hours, planned_start, planned_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                """)
                .bind(.integer(assignment), .int(position), .text(step.course), .integer(step.hours.hundredths),
                      .text((step.start ?? CalendarDate(daysSinceEpoch: 0)).description), .text((step.end ?? CalendarDate(daysSinceEpoch: 0)).description))
                .run()
        }
    }

    public func assignment(_ id: Int64) throws(StoreError) -> AssignmentRecord? {
        try read { connection in try Self.assignment(id, connection: connection) }
    }

    /// The assignment if it exists and `visibility` lets the caller see it, else nil, whichever the reason.
    /// Existence and access are one query, and the record is read only once both hold, so an id the caller
    /// may not see costs what a missing one does: the answer's timing tells nothing more than its words.
    public func assignment(_ id: Int64, visibleTo visibility: Visibility) throws(StoreError) -> AssignmentRecord? {
        let (viewer, upward): (String?, Bool) = switch visibility {
        case .everyone: (nil, false)
        case .subtree(let root): (root, true)
        case .only(let employee): (employee, false)
        }
        return try read { connection in
            // The assignee, then (for a subtree) each manager above them: the viewer must be one of them.
            let visible = try connection.prepare("""
                WITH RECURSIVE chain(id) AS (
                  SELECT employee FROM assignments WHERE id = ?1
                  UNION SELECT e.manager FROM chain c JOIN employees e ON e.id = c.id WHERE ?3 AND e.manager IS NOT NULL)
                SELECT EXISTS (SELECT 1 FROM chain WHERE ?2 IS NULL OR id = ?2)
                """).bind(.integer(id), viewer.map(SQLiteValue.text), .integer(upward ? 1 : 0))
            guard try visible.step(), visible.int(0) == 1 else { return nil }
            return try Self.assignment(id, connection: connection)
        }
    }

    /// Assignments of one employee, or of everyone visible, newest first.
    public func assignments(employee: String?, visible: Visibility) throws(StoreError) -> [AssignmentRecord] {
        try read { connection in
            var sql = "SELECT id FROM assignments"
            var values: [SQLiteValue?] = []
            var conditions: [String] = []
            switch visible {
            case .everyone: break
            case .only(let id):
                values.append(.text(id))
                conditions.append("employee = ?\(values.count)")
            case .subtree(let root):
                sql = """
                WITH RECURSIVE visible(id) AS (SELECT ?1 UNION ALL SELECT e.id FROM visible v JOIN employees e ON e.manager = v.id)
                SELECT id FROM assignments
                """
                values.append(.text(root))
                conditions.append("employee IN (SELECT id FROM visible)")
            }
            if let employee {
                values.append(.text(employee))
                conditions.append("employee = ?\(values.count)")
            }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY id DESC"
            let ids = try connection.prepare(sql).bind(values).rows { $0.int64(0) }
            return try ids.compactMap { try Self.assignment($0, connection: connection) }
        }
    }

    /// The assignment this transaction has just written: missing only if the database lost it under us,
    /// which is a database error, not a crash.
    static func written(_ id: Int64, connection: SQLiteConnection) throws -> AssignmentRecord {
        guard let record = try assignment(id, connection: connection) else {
            throw StoreError(.database, "assignment \(id) is missing right after it was written")
        }
        return record
    }

    static func assignment(_ id: Int64, connection: SQLiteConnection) throws -> AssignmentRecord? {
        let row = try connection.prepare("""
            SELECT id, employee, target_role, assigned_by, assigned_at, start_date, due_date, status, options, plan, catalog_version, updated_at, closed_reason
            FROM assignments WHERE id = ?1
            """).bind(.integer(id))
        guard try row.step() else { return nil }
        var record = AssignmentRecord(
            id: row.int64(0), employee: row.text(1), targetRole: row.text(2), assignedBy: row.text(3), assignedAt: row.text(4),
            startDate: CalendarDate(iso: row.text(5)) ?? CalendarDate(daysSinceEpoch: 0), dueDate: row.optionalText(6).flatMap(CalendarDate.init(iso:)),
            status: AssignmentRecord.Status(rawValue: row.text(7)) ?? .active, options: (try? JSONParser.parse(row.text(8))) ?? .null,
            plan: (try? JSONParser.parse(row.text(9))) ?? .null, catalogVersion: row.text(10), updatedAt: row.text(11), steps: [],
            closedReason: row.optionalText(12))
        record.unmet = AssignmentRecord.UnmetSkill.list(from: record.plan["unmet"])
        record.steps = try connection.prepare("""
            SELECT position, course, hours, planned_start, planned_end, started_at, completed_at FROM assignment_steps
            WHERE assignment = ?1 ORDER BY position
            """).bind(.integer(id)).rows(Self.step)
        return record
    }

    static func step(_ row: SQLiteStatement) -> AssignmentRecord.Step {
        AssignmentRecord.Step(
            position: row.int(0), course: row.text(1), hours: Quantity(hundredths: row.int64(2)),
            plannedStart: CalendarDate(iso: row.text(3)) ?? CalendarDate(daysSinceEpoch: 0),
            plannedEnd: CalendarDate(iso: row.text(4)) ?? CalendarDate(daysSinceEpoch: 0), startedAt: row.optionalText(5), completedAt: row.optionalText(6))
    }

    /// Cancels an active assignment.
    public func cancelAssignment(_ id: Int64, actor: String) throws -> AssignmentRecord {
        try write { connection in
            guard let record = try Self.assignment(id, connection: connection) else { throw DomainError.unknownAssignment(id) }
            guard record.status == .active else { throw DomainError.assignmentClosed(id, status: record.status.rawValue) }
            let now = Timestamps.now()
            try connection.prepare("UPDATE assignments SET status = 'cancelled', updated_at = ?2 WHERE id = ?1").bind(.integer(id), .text(now)).run()
            try Self.audit(connection, at: now, actor: actor, action: "assignment.cancel", subject: record.employee, detail: .object([("assignment", .int(id))]))
            try Self.assignmentChanged(record, change: "cancelled", status: .cancelled, at: now, connection: connection)
            return try Self.written(id, connection: connection)
        }
    }

    /// Replaces what remains of an active assignment's frozen plan with a new plan: completed steps stay
    /// (they are history), the new plan's steps follow them, and a step whose course was already started
    /// keeps its start.
    public func replacePlan(of id: Int64, with plan: Plan, actor: String) throws -> AssignmentRecord {
        try write { connection in
            guard let record = try Self.assignment(id, connection: connection) else { throw DomainError.unknownAssignment(id) }
            guard record.status == .active else { throw DomainError.assignmentClosed(id, status: record.status.rawValue) }
            let started = Dictionary(record.steps.compactMap { step in step.startedAt.map { (step.course, $0) } }, uniquingKeysWith: { first, _ in first })
            let kept = record.steps.filter { $0.completedAt != nil }
            let now = Timestamps.now()
            try connection.prepare("DELETE FROM assignment_steps WHERE assignment = ?1 AND completed_at IS NULL").bind(.integer(id)).run()
            for (offset, step) in plan.steps.enumerated() {
                try connection.prepare("""
                    INSERT INTO assignment_steps (assignment, position, course, hours, planned_start, planned_end, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    """)
                    .bind(.integer(id), .int((kept.last?.position ?? -1) + 1 + offset), .text(step.course), .integer(step.hours.hundredths),
                          .text((step.start ?? CalendarDate(daysSinceEpoch: 0)).description), .text((step.end ?? CalendarDate(daysSinceEpoch: 0)).description),
                          started[step.course].map(SQLiteValue.text))
                    .run()
            }
            try connection.prepare("UPDATE assignments SET plan = ?2, catalog_version = ?3, updated_at = ?4 WHERE id = ?1")
                .bind(.integer(id), .text(JSONWriter.string(plan.json)), .text(plan.catalogVersion), .text(now))
                .run()
            try Self.completeIfDone(id, at: now, connection: connection)
            try Self.audit(connection, at: now, actor: actor, action: "assignment.replan", subject: record.employee, detail: .object([
                ("assignment", .int(id)), ("courses", .int(plan.steps.count)), ("catalogVersion", .string(plan.catalogVersion)),
            ]))
            let written = try Self.written(id, connection: connection)
            try Self.assignmentChanged(record, change: "replanned", status: written.status, at: now, connection: connection)
            return written
        }
    }

    /// Marks an active assignment completed once every step is (and tells the event log).
    static func completeIfDone(_ id: Int64, at now: String, connection: SQLiteConnection) throws {
        let open = try connection.prepare("SELECT count(*) FROM assignment_steps WHERE assignment = ?1 AND completed_at IS NULL").bind(.integer(id))
        _ = try open.step()
        if open.int(0) == 0 {
            try connection.prepare("UPDATE assignments SET status = 'completed', updated_at = ?2 WHERE id = ?1 AND status = 'active'")
                .bind(.integer(id), .text(now)).run()
            if connection.changes > 0, let record = try assignment(id, connection: connection) {
                try assignmentChanged(record, change: "completed", status: .completed, at: now, connection: connection)
            }
        }
    }

    /// An `assignment.changed` event: what changed (`replanned`, `cancelled`, `completed`, `role-reached`,
    /// `back-on-track`) and the status after it.
    static func assignmentChanged(
        _ record: AssignmentRecord, change: String, status: AssignmentRecord.Status, at now: String, connection: SQLiteConnection
    ) throws {
        try appendEvent(EventDraft(.assignmentChanged, employee: record.employee, data: .object([
            ("assignment", .int(record.id)), ("targetRole", .string(record.targetRole)), ("change", .string(change)), ("status", .string(status.rawValue)),
        ])), at: now, connection: connection)
    }
}
