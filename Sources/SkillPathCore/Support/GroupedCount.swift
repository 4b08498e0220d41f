/// A count as people read it, grouped in thousands: 13896 → "13,896". The CLI and the importers' reports
/// print every count this way (docs/cli.md, "Output"); ids, dates and JSON never are.
public enum GroupedCount {
    public static func text(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var result = count < 0 ? "-" : ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
