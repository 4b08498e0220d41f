public import Foundation
public import SkillPathCore

extension Timestamps {
    /// Now, as the store writes moments; `offset` seconds later.
    public static func now(offset: Int = 0) -> String {
        format(secondsSinceEpoch: Int(Date().timeIntervalSince1970.rounded(.down)) + offset)
    }

    /// How far ahead of the daemon's clock an event may be dated: a day, so that a sender's "today" in any
    /// time zone, and a clock a little fast, are accepted; anything later is refused.
    public static let futureAllowance = 86_400

    /// Today's date in UTC: the default for writes that do not say which day (the daemon passes its own
    /// local day instead).
    public static func today() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    public static func format(_ date: Date) -> String {
        format(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down)))
    }
}
