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
}
