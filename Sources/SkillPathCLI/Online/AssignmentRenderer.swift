import SkillPathCore
import SkillPathJSON

/// An assignment for a person: the target, the progress, and the frozen plan's steps with ✓ for done ones.
struct AssignmentRenderer: JSONDisplaying {
    let console: Console

    func render(_ assignment: JSONValue) -> [String] {
        let plan = assignment["plan"]
        let title = plan?["targetTitle"]?.stringValue ?? assignment["targetRole"]?.stringValue ?? "?"
        let progress = assignment["progress"]?.stringValue ?? "?"
        var header = console.styled("Assignment \(text(assignment["id"])): \(title) (\(assignment["targetRole"]?.stringValue ?? "?"))", .bold)
        header += " for \(assignment["employee"]?.stringValue ?? "?")"
        var lines = [header]
        var status = "\(text(assignment["percentComplete"]))% done (\(text(assignment["hoursDone"])) of \(text(assignment["hoursTotal"])) h) · "
        status += console.styled(progress, style(progress))
        if let due = assignment["dueDate"]?.stringValue { status += " · due \(due)" }
        if let planned = assignment["plannedCompletion"]?.stringValue { status += " · planned to finish \(planned)" }
        lines.append(status)
        let unmet = assignment["unmet"]?.arrayValue ?? []
        if !unmet.isEmpty {
            let done = assignment["coursesDone"]?.boolValue == true
            lines.append(console.styled(
                (done ? "Every planned course is done, but the role's requirements are not met: " : "The plan cannot close ")
                    + "\(unmet.count) skill\(unmet.count == 1 ? "" : "s"): \(openSkills(assignment["unmet"]))", .yellow))
        }
        for (number, step) in (assignment["steps"]?.arrayValue ?? []).enumerated() {
            let course = step["course"]?.stringValue ?? "?"
            let completed = step["completedAt"]?.stringValue
            let started = step["startedAt"]?.stringValue != nil
            let mark = completed != nil ? console.styled("✓", .green) : started ? console.styled("▸", .yellow) : "·"
            // A done step says when it was done; the plan's dates are for what is still to do.
            let dates = completed.map { "done \($0.prefix(10))" } ?? "\(step["plannedStart"]?.stringValue ?? "?") → \(step["plannedEnd"]?.stringValue ?? "?")"
            let name = step["title"]?.stringValue ?? course
            lines.append(" \(mark) \(TextLayout.pad(String(number + 1), 2, right: true)). \(name) \(console.styled("(\(course))", .dim)) · \(text(step["hours"])) h · \(dates)")
        }
        return lines
    }

    /// "Kubernetes 0→1, Machine learning 0→3", or "—" when the plan closes every gap skill.
    func openSkills(_ unmet: JSONValue?) -> String {
        let skills = (unmet?.arrayValue ?? []).map { skill in
            "\(skill["name"]?.stringValue ?? skill["skill"]?.stringValue ?? "?") \(text(skill["have"]))→\(text(skill["need"]))"
        }
        return skills.isEmpty ? "—" : skills.joined(separator: ", ")
    }

    func style(_ progress: String) -> Console.Style {
        switch progress {
        case "on-track", "onTrack", "completed", "role-reached", "roleReached": .green
        case "late", "courses-done", "coursesDone", "at-risk", "atRisk": .yellow
        case "overdue": .red
        default: .dim
        }
    }
}
