public import SkillPathCore

/// One report's line in a team report.
public struct TeamMember: Sendable, Equatable {
    public var employee: EmployeeRecord
    public var assignments: [AssignmentRecord]
}

extension OrganisationStore {
    /// The manager's reports (direct, or the whole subtree) with their assignments that are not cancelled,
    /// read in three queries whatever the team's size.
    public func team(of manager: String, wholeSubtree: Bool) throws(StoreError) -> [TeamMember] {
        try read { connection in
            let members = try Self.reports(of: manager, wholeSubtree: wholeSubtree, connection: connection)
            guard !members.isEmpty else { return [] }
            let scope = wholeSubtree
                ? "WITH RECURSIVE scope(id) AS (SELECT id FROM employees WHERE manager = ?1 UNION SELECT e.id FROM employees e JOIN scope s ON e.manager = s.id)"
                : "WITH scope(id) AS (SELECT id FROM employees WHERE manager = ?1)"
            var assignments: [Int64: AssignmentRecord] = [:]
            var order: [Int64] = []
            let rows = try connection.prepare("""
                \(scope)
                SELECT id, employee, target_role, assigned_by, assigned_at, start_date, due_date, status, catalog_version, updated_at
                FROM assignments WHERE employee IN (SELECT id FROM scope) AND status <> 'cancelled' ORDER BY id
                """).bind(.text(manager))
            while try rows.step() {
                let record = AssignmentRecord(
                    id: rows.int64(0), employee: rows.text(1), targetRole: rows.text(2), assignedBy: rows.text(3), assignedAt: rows.text(4),
                    startDate: CalendarDate(iso: rows.text(5)) ?? CalendarDate(daysSinceEpoch: 0), dueDate: rows.optionalText(6).flatMap(CalendarDate.init(iso:)),
                    status: AssignmentRecord.Status(rawValue: rows.text(7)) ?? .active, options: .null, plan: .null,
                    catalogVersion: rows.text(8), updatedAt: rows.text(9), steps: [])
                assignments[record.id] = record
                order.append(record.id)
            }
            let steps = try connection.prepare("""
                \(scope)
                SELECT s.assignment, s.position, s.course, s.hours, s.planned_start, s.planned_end, s.started_at, s.completed_at
                FROM assignment_steps s JOIN assignments a ON a.id = s.assignment
                WHERE a.employee IN (SELECT id FROM scope) AND a.status <> 'cancelled' ORDER BY s.assignment, s.position
                """).bind(.text(manager))
            while try steps.step() {
                let id = steps.int64(0)
                assignments[id]?.steps.append(AssignmentRecord.Step(
                    position: steps.int(1), course: steps.text(2), hours: Quantity(hundredths: steps.int64(3)),
                    plannedStart: CalendarDate(iso: steps.text(4)) ?? CalendarDate(daysSinceEpoch: 0),
                    plannedEnd: CalendarDate(iso: steps.text(5)) ?? CalendarDate(daysSinceEpoch: 0),
                    startedAt: steps.optionalText(6), completedAt: steps.optionalText(7)))
            }
            var byEmployee: [String: [AssignmentRecord]] = [:]
            for id in order { byEmployee[assignments[id]!.employee, default: []].append(assignments[id]!) }
            return members.map { TeamMember(employee: $0, assignments: byEmployee[$0.id] ?? []) }
        }
    }

    /// The audit log, newest first.
    public func auditLog(subject: String?, limit: Int) throws(StoreError) -> [(at: String, actor: String, action: String, subject: String, detail: String)] {
        try read { connection in
            let statement = subject == nil
                ? try connection.prepare("SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?1").bind(.int(limit))
                : try connection.prepare("SELECT at, actor, action, subject, detail FROM audit_log WHERE subject = ?2 ORDER BY id DESC LIMIT ?1").bind(.int(limit), .text(subject!))
            return try statement.rows { ($0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.text(4)) }
        }
    }
}
