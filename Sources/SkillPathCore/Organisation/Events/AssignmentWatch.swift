import SkillPathJSON

/// Which active assignments' verdicts changed since the event log last told them: the `assignment.atRisk`
/// and back-on-track events an LMS gets without polling `reports.team`.
///
/// An assignment is *off track* when its verdict on its employee's shared schedule is `at-risk`, `late` or
/// `overdue`. Each time it goes off track, or from one off-track verdict to another, an `assignment.atRisk`
/// event says which; when it comes back on track, an `assignment.changed` event with `back-on-track`. The
/// verdict told is kept per assignment, so each change is told once, whoever or whatever (a progress event,
/// a new assignment sharing the week, a gig, the passing of a due date) caused it.
public enum AssignmentWatch {
    public static let offTrack: Set<AssignmentRecord.Progress> = [.atRisk, .late, .overdue]

    /// A verdict to keep, and the event that tells it (nil when there is nothing to tell).
    public struct Change: Sendable {
        public var assignment: Int64
        public var verdict: AssignmentRecord.Progress
        public var event: EventDraft?
    }

    /// The changes for `records` (active ones, dated on their shared schedule) against the verdicts told
    /// before (`told`, by assignment id), on `today`.
    public static func changes(_ records: [AssignmentRecord], told: [Int64: String], today: CalendarDate) -> [Change] {
        records.filter { $0.status == .active }.compactMap { record in
            let verdict = record.progress(on: today)
            let before = told[record.id].flatMap(AssignmentRecord.Progress.init(rawValue:))
            guard verdict != before else { return nil }
            var event: EventDraft?
            if offTrack.contains(verdict) {
                event = EventDraft(.assignmentAtRisk, employee: record.employee, data: .object([
                    ("assignment", .int(record.id)), ("targetRole", .string(record.targetRole)), ("verdict", .string(verdict.rawValue)),
                    ("dueDate", record.dueDate.map { .string($0.description) }), ("plannedCompletion", record.plannedCompletion.map { .string($0.description) }),
                ]))
            } else if verdict == .onTrack, let before, offTrack.contains(before) {
                event = EventDraft(.assignmentChanged, employee: record.employee, data: .object([
                    ("assignment", .int(record.id)), ("targetRole", .string(record.targetRole)), ("change", "back-on-track"), ("status", "active"),
                ]))
            }
            return Change(assignment: record.id, verdict: verdict, event: event)
        }
    }
}
