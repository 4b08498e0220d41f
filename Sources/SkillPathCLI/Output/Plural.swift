/// Counts in words, as people write them: "1 skill", "3 skills", "12,408 people" — one noun form per count,
/// never "skill(s)", and thousands grouped with commas wherever the CLI prints a count.
enum Plural {
    /// `count` grouped, then `noun` or its plural (`plural`, else `noun` + "s").
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// 1234567 → "1,234,567"; negative numbers keep their sign.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }
}
