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
        let titles = Dictionary((plan?["steps"]?.arrayValue ?? []).compactMap { step in
            step["course"]?.stringValue.map { ($0, step["title"]?.stringValue ?? $0) }
        }, uniquingKeysWith: { first, _ in first })
        for step in assignment["steps"]?.arrayValue ?? [] {
            let course = step["course"]?.stringValue ?? "?"
            let done = step["completedAt"]?.stringValue != nil
            let started = step["startedAt"]?.stringValue != nil
            let mark = done ? console.styled("✓", .green) : started ? console.styled("▸", .yellow) : "·"
            let dates = "\(step["plannedStart"]?.stringValue ?? "?") → \(step["plannedEnd"]?.stringValue ?? "?")"
            let number = TextLayout.pad(text(step["position"]), 2, right: true)
            let name = titles[course] ?? course
            lines.append(" \(mark) \(number). \(name) \(console.styled("(\(course))", .dim)) · \(text(step["hours"])) h · \(dates)")
        }
        return lines
    }

    func style(_ progress: String) -> Console.Style {
        switch progress {
        case "on-track", "completed": .green
        case "late": .yellow
        case "overdue": .red
        default: .dim
        }
    }
}
