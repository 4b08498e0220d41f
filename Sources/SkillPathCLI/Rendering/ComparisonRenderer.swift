import SkillPathCore
import SkillPathJSON

/// Target roles side by side, one row each, from the comparison's JSON (local or from the daemon).
struct ComparisonRenderer: JSONDisplaying {
    let console: Console

    func render(_ comparison: JSONValue) -> [String] {
        let entries = comparison["entries"]?.arrayValue ?? []
        let rows = entries.map { entry -> [String] in
            let unmet = entry["unmet"]?.arrayValue ?? []
            return [
                "\(entry["title"]?.stringValue ?? "?") (\(entry["targetRole"]?.stringValue ?? "?"))",
                entry["transition"]?.stringValue ?? "—",
                String(entry["totals"]?["courses"]?.intValue ?? 0),
                "\(text(entry["totals"]?["hours"])) h",
                money(entry["totals"]?["cost"]),
                entry["estimatedCompletion"]?.stringValue ?? "—",
                unmet.isEmpty ? "none" : unmet.map { "\($0["name"]?.stringValue ?? "?") \($0["need"]?.intValue ?? 0)" }.joined(separator: ", "),
            ]
        }
        let currency = entries.first?["totals"]?["currency"]?.stringValue ?? ""
        var lines = [console.styled("What-if from \(comparison["currentRole"]?.stringValue ?? "the profile")", .bold)]
        lines += TextLayout.table(
            header: ["Target", "Move", "Courses", "Hours", "Cost \(currency)", "Done by", "Unmet"], rows: rows, width: console.width,
            rightAligned: [2, 3, 4], shrinkable: [6, 0])
        return lines
    }
}
