public import Foundation
public import SkillPathCore

/// Times as the store writes them: UTC, ISO 8601, to the second (`2026-11-23T03:12:45Z`), which sort as text.
public enum Timestamps {
    public static func now() -> String {
        format(Date())
    }

    /// Today's date in UTC: the default for writes that do not say which day (the daemon passes its own
    /// local day instead).
    public static func today() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let within = seconds - day.daysSinceEpoch * 86_400
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(pad(within / 3600)):\(pad(within / 60 % 60)):\(pad(within % 60))Z"
    }

    /// Accepts `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SSZ` (also with `+00:00`), as clients send.
    public static func parse(_ text: String) -> String? {
        if let day = CalendarDate(iso: text) { return "\(day)T00:00:00Z" }
        guard text.count >= 20, let day = CalendarDate(iso: String(text.prefix(10))) else { return nil }
        let rest = Array(text.dropFirst(10).utf8)
        guard rest[0] == UInt8(ascii: "T") || rest[0] == UInt8(ascii: " ") else { return nil }
        let clock = String(decoding: rest[1..<min(9, rest.count)], as: UTF8.self)
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3, parts[0] < 24, parts[1] < 60, parts[2] < 61 else { return nil }
        let zone = String(decoding: rest.dropFirst(9), as: UTF8.self)
        guard ["Z", "+00:00", "z"].contains(zone) || zone.hasPrefix(".") && zone.hasSuffix("Z") else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(pad(parts[0])):\(pad(parts[1])):\(pad(parts[2]))Z"
    }

    /// The calendar day of a stored timestamp.
    public static func day(of timestamp: String) -> CalendarDate? {
        CalendarDate(iso: String(timestamp.prefix(10)))
    }
}
