/// An employee's active assignments share one weekly learning budget, instead of each pretending to have
/// the whole week: their steps are laid out one after another at that budget, the assignment due first
/// going first (then the one started first, then the older), none starting before its own start date.
/// Progress verdicts (on track, late) and planned completions then read the shared dates.
///
/// The budget is the employee's preferred weekly hours, or else the fastest pace any of the assignments was
/// scheduled at. An employee with one active assignment keeps its dates exactly.
public enum SharedSchedule {
    /// `assignments` (any employees, in any order) with the active ones of each employee re-dated together;
    /// `budget` gives an employee's preferred weekly hours, when they have one.
    public static func apply(_ assignments: [AssignmentRecord], budget: (String) -> Quantity?) -> [AssignmentRecord] {
        var result = assignments
        var positions: [String: [Int]] = [:]
        for (position, record) in assignments.enumerated() where record.status == .active {
            positions[record.employee, default: []].append(position)
        }
        for (employee, group) in positions where group.count > 1 {
            let records = group.map { assignments[$0] }
            guard let pace = budget(employee) ?? records.compactMap(\.scheduledPace).max(), pace.hundredths > 0 else { continue }
            let order = group.sorted { left, right in
                let (a, b) = (assignments[left], assignments[right])
                if a.dueDate != b.dueDate { return (a.dueDate?.daysSinceEpoch ?? .max) < (b.dueDate?.daysSinceEpoch ?? .max) }
                if a.startDate != b.startDate { return a.startDate < b.startDate }
                return a.id < b.id
            }
            guard let origin = records.map(\.startDate).min() else { continue }
            var elapsed: Int64 = 0
            for position in order {
                // Not before the assignment itself started: the hours up to its start date are spent.
                let offset = Int64(result[position].startDate.daysSinceEpoch - origin.daysSinceEpoch)
                elapsed = max(elapsed, (offset * pace.hundredths + 6) / 7)
                for step in result[position].steps.indices {
                    let hours = result[position].steps[step].hours.hundredths
                    let days = LearningDays.span(after: elapsed, hours: hours, pace: pace)
                    elapsed += hours
                    result[position].steps[step].plannedStart = origin.adding(days: days.first)
                    result[position].steps[step].plannedEnd = origin.adding(days: days.last)
                }
            }
        }
        return result
    }
}

extension AssignmentRecord {
    /// The weekly hours its dates were laid out at: the hours of its steps over the weeks they span.
    var scheduledPace: Quantity? {
        guard let last = steps.last?.plannedEnd, hoursTotal.hundredths > 0 else { return nil }
        let days = Int64(max(1, last.daysSinceEpoch - startDate.daysSinceEpoch + 1))
        return Quantity(hundredths: (hoursTotal.hundredths * 7 + days - 1) / days)
    }
}
