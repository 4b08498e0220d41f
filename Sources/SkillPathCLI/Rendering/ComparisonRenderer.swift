import SkillPathCore

/// Target roles side by side, one row each.
struct ComparisonRenderer {
    let console: Console

    func render(_ comparison: RoleComparison) -> [String] {
        let rows = comparison.entries.map { entry -> [String] in
            [
                "\(entry.title) (\(entry.targetRole))",
                entry.transition?.rawValue ?? "—",
                String(entry.plan.totals.courses),
                PlanRenderer.hours(entry.plan.totals.hours),
                entry.plan.totals.cost.fixedTwoDecimals,
                entry.plan.schedule.map { "\($0.estimatedCompletion)" } ?? "—",
                entry.plan.unmet.isEmpty ? "none" : entry.plan.unmet.map { "\($0.name) \($0.need)" }.joined(separator: ", "),
            ]
        }
        let currency = comparison.entries.first?.plan.totals.currency ?? ""
        var lines = [console.styled("What-if from \(comparison.currentRole ?? "the profile")", .bold)]
        lines += TextLayout.table(
            header: ["Target", "Move", "Courses", "Hours", "Cost \(currency)", "Done by", "Unmet"], rows: rows, width: console.width,
            rightAligned: [2, 3, 4], shrinkable: [6, 0])
        return lines
    }
}
