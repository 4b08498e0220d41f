import SkillPathCore
import SkillPathStore

extension OrganisationStore {
    /// Assignments as people see them: each employee's active ones re-dated within one weekly budget
    /// (`SharedSchedule`), the employee's preferred weekly hours when they have one.
    func sharingBudget(_ records: [AssignmentRecord]) -> [AssignmentRecord] {
        SharedSchedule.apply(records) { employee in
            // Without the preference (or the store) the schedule falls back to the assignments' own paces.
            (try? self.employee(employee))??.employee.preferences.hoursPerWeek
        }
    }

    /// One assignment, dated together with its employee's other active ones.
    func sharingBudget(_ record: AssignmentRecord) throws -> AssignmentRecord {
        guard record.status == .active else { return record }
        let siblings = try assignments(employee: record.employee, visible: .everyone)
        return sharingBudget(siblings).first { $0.id == record.id } ?? record
    }
}
