public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// The courses `TrainingSpend` prices for the subtree of `scope` (everyone when nil): those completed
    /// from `from` to `to` (both included, by the day of the completion), each with the target role of the
    /// newest assignment of the person's whose plan held it (cancelled ones last); and the steps of active
    /// assignments not completed yet.
    public func trainingSpendCourses(scope: String?, from: CalendarDate, to: CalendarDate) throws(StoreError)
        -> (completed: [TrainingSpend.Course], planned: [TrainingSpend.Course])
    {
        let subtree = SubtreeScope(root: scope)
        return try read { connection in
            let completed = try connection.prepare("""
                \(subtree.with)
                SELECT c.employee, c.course, (
                    SELECT a.target_role FROM assignment_steps s JOIN assignments a ON a.id = s.assignment
                    WHERE a.employee = c.employee AND s.course = c.course ORDER BY a.status = 'cancelled', a.id DESC LIMIT 1), e.manager
                FROM completions c JOIN employees e ON e.id = c.employee
                WHERE substr(c.completed_at, 1, 10) BETWEEN ?2 AND ?3 \(subtree.filter("c.employee"))
                ORDER BY c.employee, c.course
                """).bind(subtree.bind.first ?? .text(""), .text(from.description), .text(to.description))
                .rows { TrainingSpend.Course(employee: $0.text(0), course: $0.text(1), role: $0.optionalText(2), manager: $0.optionalText(3)) }
            let planned = try connection.prepare("""
                \(subtree.with)
                SELECT a.employee, s.course, a.target_role, e.manager FROM assignments a JOIN assignment_steps s ON s.assignment = a.id JOIN employees e ON e.id = a.employee
                WHERE a.status = 'active' AND s.completed_at IS NULL \(subtree.filter("a.employee"))
                ORDER BY a.employee, a.id, s.position
                """).bind(subtree.bind)
                .rows { TrainingSpend.Course(employee: $0.text(0), course: $0.text(1), role: $0.text(2), manager: $0.optionalText(3)) }
            return (completed, planned)
        }
    }
}
