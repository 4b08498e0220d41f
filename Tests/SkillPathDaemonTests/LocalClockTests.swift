import Foundation
import SystemSupport
import Testing

/// "Today" is cached for the rest of the local day; the cached answer must be the day the zone rules give.
@Suite struct LocalClockTests {
    @Test func todayIsTheLocalCalendarDayWhetherWorkedOutOrCached() {
        let first = LocalClock.todayDaysSinceEpoch()
        let cached = LocalClock.todayDaysSinceEpoch()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        let expected = utc.date(from: parts).map { Int($0.timeIntervalSince1970 / 86_400) }
        // Across a midnight between the two readings, either day is right.
        #expect(expected == cached || expected == first, "expected \(String(describing: expected)), got \(first) then \(cached)")
        #expect(cached - first <= 1 && cached >= first)
    }
}
