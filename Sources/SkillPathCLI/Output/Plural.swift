import SkillPathCore

/// Counts in words, as people write them: "1 skill", "3 skills", "12,408 people" — one noun form per count,
/// never "skill(s)", and thousands grouped with commas wherever the CLI prints a count.
enum Plural {
    /// `count` grouped, then `noun` or its plural (`plural`, else `noun` + "s").
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// 1234567 → "1,234,567" (`GroupedCount`).
    static func grouped(_ number: Int) -> String { GroupedCount.text(number) }

    /// "1st", "2nd", "3rd", "4th", "11th", "21st": a rank as English writes it.
    static func ordinal(_ number: Int) -> String {
        let teens = (11...13).contains(number % 100)
        let suffix = teens ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix)"
    }
}
