/// An employee's weekly learning hours, less what their project gigs take while they run: the pace the
/// shared schedule of their assignments is laid out at (`SharedSchedule`).
///
/// Time is counted in days from `origin`. A day gives a seventh of the week's free hours: the budget less
/// every reservation running that day (never below nothing). With no reservation the days are exactly
/// those of `LearningDays`, which dates a plan's steps, so a person without gigs keeps the same dates.
public struct WeeklyBudget: Sendable {
    /// Hours a project gig takes each week from `start` until the day before `end`.
    public struct Reservation: Sendable, Equatable {
        public var start: CalendarDate
        public var end: CalendarDate
        public var hoursPerWeek: Quantity

        public init(start: CalendarDate, end: CalendarDate, hoursPerWeek: Quantity) {
            self.start = start
            self.end = end
            self.hoursPerWeek = hoursPerWeek
        }
    }

    public var pace: Quantity
    public var origin: CalendarDate
    /// Spans of days (from `origin`) with the weekly hours free on them; after the last, the whole pace.
    private var segments: [(start: Int64, rate: Int64)]

    public init(pace: Quantity, origin: CalendarDate, reservations: [Reservation]) {
        self.pace = pace
        self.origin = origin
        let running = reservations.filter { $0.end > $0.start && $0.end > origin && $0.hoursPerWeek.hundredths > 0 }
        let offsets = { (date: CalendarDate) in Int64(max(0, date.daysSinceEpoch - origin.daysSinceEpoch)) }
        let breaks = Set([0] + running.flatMap { [offsets($0.start), offsets($0.end)] }).sorted()
        segments = breaks.map { day in
            let taken = running.filter { offsets($0.start) <= day && day < offsets($0.end) }.reduce(Int64(0)) { $0 + $1.hoursPerWeek.hundredths }
            return (day, max(0, pace.hundredths - taken))
        }
    }

    /// Whether any gig takes hours from this budget.
    public var isReduced: Bool { segments.contains { $0.rate != pace.hundredths } }

    /// With `before` hours (hundredths) already learnt since the origin, the days (from the origin) on which
    /// the next `hours` fall: the day of their first hour and the day of their last.
    public func span(after before: Int64, hours: Int64) -> (first: Int, last: Int) {
        guard isReduced else { return LearningDays.span(after: before, hours: hours, pace: pace) }
        let first = reach(before * 7 + 1)
        return (first, max(first, reach((before + hours) * 7)))
    }

    /// The hours (hundredths) free before day `day` (from the origin): what was learnt by the time something
    /// starting that day can begin.
    public func hours(before day: Int) -> Int64 {
        var total: Int64 = 0
        for (position, segment) in segments.enumerated() where segment.start < Int64(day) {
            let end = min(Int64(day), position + 1 < segments.count ? segments[position + 1].start : Int64(day))
            total += (end - segment.start) * segment.rate
        }
        return (total + 6) / 7
    }

    /// The first day (from the origin; -1 for none needed) by whose end `target` sevenths of a hundredth are
    /// free.
    private func reach(_ target: Int64) -> Int {
        guard target > 0 else { return -1 }
        var free: Int64 = 0
        for (position, segment) in segments.enumerated() {
            let next = position + 1 < segments.count ? segments[position + 1].start : nil
            if segment.rate > 0 {
                let days = (target - free + segment.rate - 1) / segment.rate
                if let next, segment.start + days > next {
                    free += (next - segment.start) * segment.rate
                    continue
                }
                return Int(segment.start + days - 1)
            }
        }
        // Every hour of every week taken for good cannot happen (gigs end), but say "never" plainly: far away.
        return Int(Int32.max)
    }
}
