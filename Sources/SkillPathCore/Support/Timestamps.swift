/// Moments as the store writes them and the protocol reads them: UTC, ISO 8601, to the second
/// (`2026-11-23T03:12:45Z`), which sort as text. Pure: the clock is read by the store and the daemon.
public enum Timestamps {
    public static func format(secondsSinceEpoch seconds: Int) -> String {
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let within = seconds - day.daysSinceEpoch * 86_400
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(pad(within / 3600)):\(pad(within / 60 % 60)):\(pad(within % 60))Z"
    }

    /// Accepts `YYYY-MM-DD` (midnight UTC) or an RFC 3339 date-time as clients and LMSs send it:
    /// `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds (dropped), then `Z` or an offset `±HH:MM`, which
    /// is turned into UTC. Nil for anything else.
    public static func parse(_ text: String) -> String? {
        if let day = CalendarDate(iso: text) { return "\(day)T00:00:00Z" }
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let day = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " ") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let hour = number(11..<13), bytes[13] == UInt8(ascii: ":"), let minute = number(14..<16), bytes[16] == UInt8(ascii: ":"),
              let second = number(17..<19), hour < 24, minute < 60, second < 61 else { return nil }
        var position = 19
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            let start = position
            while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
            guard position > start else { return nil }
        }
        var offset = 0
        let zone = bytes[position...]
        if zone.elementsEqual("Z".utf8) || zone.elementsEqual("z".utf8) {
            offset = 0
        } else if zone.count == 6, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"),
                  let hours = number(position + 1..<position + 3), bytes[position + 3] == UInt8(ascii: ":"),
                  let minutes = number(position + 4..<position + 6), hours < 24, minutes < 60 {
            offset = (hours * 60 + minutes) * 60 * (zone.first == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        // Local time minus the offset is UTC; a leap second (:60) is kept as the last second of its minute.
        return format(secondsSinceEpoch: day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset)
    }

    /// The calendar day of a stored timestamp.
    public static func day(of timestamp: String) -> CalendarDate? {
        CalendarDate(iso: String(timestamp.prefix(10)))
    }
}
