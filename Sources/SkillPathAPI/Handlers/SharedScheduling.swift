public import SkillPathCore
public import SkillPathStore

extension OrganisationStore {
    /// Assignments as people see them: each employee's active ones re-dated within one weekly budget
    /// (`SharedSchedule`), the employee's preferred weekly hours when they have one, less the hours their
    /// project gigs take while those run.
    public func sharingBudget(_ records: [AssignmentRecord]) -> [AssignmentRecord] {
        let learners = Array(Set(records.lazy.filter { $0.status == .active }.map(\.employee))).sorted()
        // Without the gigs, the preference (or the store) the schedule falls back to the assignments' own paces.
        let gigs = (try? gigReservations(of: learners)) ?? [:]
        return SharedSchedule.apply(records, budget: { employee in
            (try? self.employee(employee))??.employee.preferences.hoursPerWeek
        }, gigs: { gigs[$0] ?? [] })
    }

    /// One assignment, dated together with its employee's other active ones and their gigs.
    func sharingBudget(_ record: AssignmentRecord) throws -> AssignmentRecord {
        guard record.status == .active else { return record }
        let siblings = try assignments(employee: record.employee, visible: .everyone)
        return sharingBudget(siblings).first { $0.id == record.id } ?? record
    }
}
