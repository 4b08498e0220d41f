public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// The manager's reports (direct, or the whole subtree) with their assignments that are not cancelled, in
    /// two queries whatever the team's size: the subtree, then every assignment of it with its steps.
    public func team(of manager: String, wholeSubtree: Bool) throws(StoreError) -> [TeamMember] {
        try read { connection in
            // People who left are not in the team any more (their reports, still under them, are).
            let members = try Self.reports(of: manager, wholeSubtree: wholeSubtree, connection: connection).filter { $0.leftOn == nil }
            guard !members.isEmpty else { return [] }
            let ids = JSONWriter.string(.strings(members.map(\.id)))
            let rows = try connection.prepare("""
                SELECT a.id, a.employee, a.target_role, a.assigned_by, a.assigned_at, a.start_date, a.due_date, a.status, a.catalog_version, a.updated_at,
                       s.position, s.course, s.hours, s.planned_start, s.planned_end, s.started_at, s.completed_at, json_extract(a.plan, '$.unmet'),
                       a.closed_reason
                FROM json_each(?1) j JOIN assignments a ON a.employee = j.value
                LEFT JOIN assignment_steps s ON s.assignment = a.id
                WHERE a.status <> 'cancelled' ORDER BY a.id, s.position
                """).bind(.text(ids))
            var byEmployee: [String: [AssignmentRecord]] = [:]
            while try rows.step() {
                let id = rows.int64(0)
                let employee = rows.text(1)
                if byEmployee[employee]?.last?.id != id {
                    byEmployee[employee, default: []].append(AssignmentRecord(
                        id: id, employee: employee, targetRole: rows.text(2), assignedBy: rows.text(3), assignedAt: rows.text(4),
                        startDate: CalendarDate(iso: rows.text(5)) ?? CalendarDate(daysSinceEpoch: 0), dueDate: rows.optionalText(6).flatMap(CalendarDate.init(iso:)),
                        status: AssignmentRecord.Status(rawValue: rows.text(7)) ?? .active, options: .null, plan: .null,
                        catalogVersion: rows.text(8), updatedAt: rows.text(9), steps: [],
                        unmet: AssignmentRecord.UnmetSkill.list(from: rows.optionalText(17).flatMap { try? JSONParser.parse($0) }),
                        closedReason: rows.optionalText(18)))
                }
                guard !rows.isNull(10), let count = byEmployee[employee]?.count, count > 0 else { continue }
                byEmployee[employee]?[count - 1].steps.append(AssignmentRecord.Step(
                    position: rows.int(10), course: rows.text(11), hours: Quantity(hundredths: rows.int64(12)),
                    plannedStart: CalendarDate(iso: rows.text(13)) ?? CalendarDate(daysSinceEpoch: 0),
                    plannedEnd: CalendarDate(iso: rows.text(14)) ?? CalendarDate(daysSinceEpoch: 0),
                    startedAt: rows.optionalText(15), completedAt: rows.optionalText(16)))
            }
            return members.map { TeamMember(employee: $0, assignments: byEmployee[$0.id] ?? []) }
        }
    }

    /// The audit log, newest first.
    public func auditLog(subject: String?, limit: Int) throws(StoreError) -> [(at: String, actor: String, action: String, subject: String, detail: String)] {
        try read { connection in
            let statement = subject == nil
                ? try connection.prepare("SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?1").bind(.int(limit))
                : try connection.prepare("SELECT at, actor, action, subject, detail FROM audit_log WHERE subject = ?2 ORDER BY id DESC LIMIT ?1").bind(.int(limit), .text(subject ?? ""))
            return try statement.rows { ($0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.text(4)) }
        }
    }
}
