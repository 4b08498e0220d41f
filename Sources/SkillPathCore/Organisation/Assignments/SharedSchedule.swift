/// An employee's active assignments share one weekly learning budget, instead of each pretending to have
/// the whole week: their steps are laid out one after another at that budget, the assignment due first
/// going first (then the one started first, then the older), none starting before its own start date.
/// Progress verdicts (on track, late) and planned completions then read the shared dates.
///
/// The budget is the employee's preferred weekly hours, or else the fastest pace any of the assignments was
/// scheduled at, less the hours of their project gigs while those run (`WeeklyBudget`). An employee with
/// one active assignment and no gig keeps its dates exactly.
public enum SharedSchedule {
    /// `assignments` (any employees, in any order) with the active ones of each employee re-dated together;
    /// `budget` gives an employee's preferred weekly hours, when they have one, and `gigs` the hours their
    /// project gigs take.
    public static func apply(
        _ assignments: [AssignmentRecord], budget: (String) -> Quantity?, gigs: (String) -> [WeeklyBudget.Reservation] = { _ in [] }
    ) -> [AssignmentRecord] {
        var result = assignments
        var positions: [String: [Int]] = [:]
        for (position, record) in assignments.enumerated() where record.status == .active {
            positions[record.employee, default: []].append(position)
        }
        for (employee, group) in positions {
            let reservations = gigs(employee)
            guard group.count > 1 || !reservations.isEmpty else { continue }
            let records = group.map { assignments[$0] }
            guard let pace = budget(employee) ?? records.compactMap(\.scheduledPace).max(), pace.hundredths > 0 else { continue }
            let order = group.sorted { left, right in
                let (a, b) = (assignments[left], assignments[right])
                if a.dueDate != b.dueDate { return (a.dueDate?.daysSinceEpoch ?? .max) < (b.dueDate?.daysSinceEpoch ?? .max) }
                if a.startDate != b.startDate { return a.startDate < b.startDate }
                return a.id < b.id
            }
            guard let origin = records.map(\.startDate).min() else { continue }
            let week = WeeklyBudget(pace: pace, origin: origin, reservations: reservations)
            guard group.count > 1 || week.isReduced else { continue }
            var elapsed: Int64 = 0
            for position in order {
                // Not before the assignment itself started: the hours up to its start date are spent.
                elapsed = max(elapsed, week.hours(before: result[position].startDate.daysSinceEpoch - origin.daysSinceEpoch))
                for step in result[position].steps.indices {
                    let hours = result[position].steps[step].hours.hundredths
                    let days = week.span(after: elapsed, hours: hours)
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
