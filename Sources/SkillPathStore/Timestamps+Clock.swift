public import Foundation
public import SkillPathCore

extension Timestamps {
    /// Now, as the store writes moments.
    public static func now() -> String {
        format(Date())
    }

    /// Today's date in UTC: the default for writes that do not say which day (the daemon passes its own
    /// local day instead).
    public static func today() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    public static func format(_ date: Date) -> String {
        format(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down)))
    }
}
