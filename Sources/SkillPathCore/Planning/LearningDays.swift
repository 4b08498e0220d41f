/// The days a stretch of learning falls on, at a steady weekly pace: the one rule that dates a plan's steps
/// (`PlanAssembler`) and an employee's shared schedule of assignments (`SharedSchedule`), so the two always
/// agree.
public enum LearningDays {
    /// With `before` hours (hundredths) already learnt since the start, the days (counted from the start)
    /// on which the next `hours` fall: the day of their first hour and the day of their last.
    public static func span(after before: Int64, hours: Int64, pace: Quantity) -> (first: Int, last: Int) {
        let elapsed = before + hours
        let first = Int(before * 7 / pace.hundredths)
        let last = max(first, Int((elapsed * 7 + pace.hundredths - 1) / pace.hundredths) - 1)
        return (first, last)
    }
}
