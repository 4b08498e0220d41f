import SkillPathCore

/// A plan for a person: first what it cannot reach and why (an incomplete plan says so before anything
/// else), then a numbered timeline with why each step is there, then the totals and the deadline verdict.
struct PlanRenderer {
    let console: Console

    func render(_ plan: Plan) -> [String] {
        var lines: [String] = []
        let summary = "\(plan.totals.courses) course\(plan.totals.courses == 1 ? "" : "s") · \(Self.hours(plan.totals.hours)) · \(Self.money(plan.totals.cost, plan.totals.currency))"
        lines.append(console.styled("Path to \(plan.targetTitle) (\(plan.targetRole))", .bold) + " · " + summary)
        if plan.gap.isEmpty {
            lines.append("No gap: the profile already meets every required skill.")
        } else {
            lines.append("Gap: " + plan.gap.map { "\($0.name) \($0.have)→\($0.need)\($0.importance == .optional ? " (optional)" : "")" }.joined(separator: ", "))
            // Levels that count for less than stored, and why, so that nobody is surprised by the gap.
            for entry in plan.gap {
                if let evidence = entry.evidence { lines.append(console.styled("  \(entry.name): \(evidence)", .dim)) }
            }
        }
        if !plan.complete {
            let met = plan.gap.count - plan.unmet.count
            lines.append(console.styled("Incomplete: this path closes \(met) of \(plan.gap.count) gap skill\(plan.gap.count == 1 ? "" : "s"); \(plan.unmet.count) cannot be reached with the allowed courses.", .yellow))
            lines += unmet(plan.unmet)
        }
        lines.append("")
        lines += steps(plan.steps, numberedFrom: 1)
        if !plan.steps.isEmpty { lines.append("") }
        var total = "Total: \(Self.hours(plan.totals.hours)) · \(Self.money(plan.totals.cost, plan.totals.currency)) · \(plan.totals.courses) course\(plan.totals.courses == 1 ? "" : "s")"
        if let schedule = plan.schedule {
            total += " · done by \(schedule.estimatedCompletion) at \(schedule.hoursPerWeek) h/week"
            if let deadline = schedule.deadline {
                total += " " + deadlineVerdict(schedule, deadline: deadline, complete: plan.complete)
            }
        }
        lines.append(total)
        if !plan.optimal {
            lines.append(console.styled("The search stopped at its work limit: this is the best plan found, not a proven optimum.", .dim))
        }
        return lines
    }

    /// Numbered steps with their details and reasons, wrapped to the terminal.
    func steps(_ steps: [Plan.Step], numberedFrom first: Int) -> [String] {
        var lines: [String] = []
        let numberWidth = String(first + steps.count - 1).count
        let indent = String(repeating: " ", count: numberWidth + 3)
        for (offset, step) in steps.enumerated() {
            let number = TextLayout.pad(String(first + offset), numberWidth, right: true)
            lines.append(" \(number). " + console.styled(step.title, .bold) + " " + console.styled("(\(step.course))", .dim))
            var facts = [Self.hours(step.hours), step.cost == .zero ? "free" : Self.money(step.cost, nil), step.format]
            if let provider = step.provider { facts.append(provider) }
            if step.language != "en" { facts.append(step.language) }
            if let start = step.start, let end = step.end { facts.append(start == end ? "\(start)" : "\(start) → \(end)") }
            lines.append(indent + facts.joined(separator: " · "))
            for line in TextLayout.wrap(step.reason, width: max(30, console.width - indent.count)) {
                lines.append(indent + console.styled(line, .dim))
            }
            if let outside = step.outsidePreferences {
                for line in TextLayout.wrap("Note: " + outside, width: max(30, console.width - indent.count)) {
                    lines.append(indent + console.styled(line, .yellow))
                }
            }
        }
        return lines
    }

    /// Never "meets" while skills are unmet: the planned courses may end in time, the role's requirements do not.
    func deadlineVerdict(_ schedule: Plan.Schedule, deadline: CalendarDate, complete: Bool) -> String {
        let inTime = schedule.coursesDoneByDeadline ?? (schedule.estimatedCompletion <= deadline)
        if complete {
            return inTime ? console.styled("(meets the \(deadline) deadline)", .green) : console.styled("(misses the \(deadline) deadline)", .red)
        }
        return console.styled(
            inTime ? "(the planned courses end by the \(deadline) deadline, but the role's requirements are not all met: see above)"
                : "(misses the \(deadline) deadline, and the role's requirements are not all met: see above)", .red)
    }

    func unmet(_ unmet: [Plan.UnmetSkill]) -> [String] {
        guard !unmet.isEmpty else { return [] }
        var lines: [String] = []
        for skill in unmet {
            let text = "\(skill.name) \(skill.have)→\(skill.need) [\(skill.reason.rawValue)]: \(skill.detail)"
            let wrapped = TextLayout.wrap(text, width: max(30, console.width - 4))
            lines.append("  ✗ " + wrapped[0])
            lines += wrapped.dropFirst().map { "    " + $0 }
        }
        return lines
    }

    static func hours(_ value: Quantity) -> String { "\(value) h" }

    static func money(_ value: Quantity, _ currency: String?) -> String {
        value.fixedTwoDecimals + (currency.map { " \($0)" } ?? "")
    }
}
