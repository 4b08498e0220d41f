import SkillPathCore

/// A plan's prerequisite graph for Graphviz or Mermaid: one node per step, an edge from each step to the
/// steps that need it, and edges into the target role from the steps that close its gaps.
enum PlanGraphRenderer {
    enum Format: String, CaseIterable {
        case dot
        case mermaid
    }

    static func render(_ plan: Plan, as format: Format) -> [String] {
        // A plan read from the daemon is data: a repeated course must not crash the renderer (first wins).
        let index = Dictionary(plan.steps.enumerated().map { ($1.course, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        var edges: [(from: String, to: String, label: String?)] = []
        for (position, step) in plan.steps.enumerated() {
            for dependent in step.neededBy {
                if let target = index[dependent] { edges.append(("s\(position + 1)", "s\(target)", nil)) }
            }
            if !step.closes.isEmpty {
                edges.append(("s\(position + 1)", "target", step.closes.map { "\($0.skill) \($0.level)" }.joined(separator: ", ")))
            }
        }
        switch format {
        case .dot:
            var lines = ["digraph path {", "  rankdir=LR;", "  node [shape=box];"]
            for (position, step) in plan.steps.enumerated() {
                lines.append("  s\(position + 1) [label=\"\(position + 1). \(escape(step.title))\\n\(escape(step.course)) · \(step.hours) h\"];")
            }
            lines.append("  target [shape=doubleoctagon, label=\"\(escape(plan.targetTitle))\"];")
            for edge in edges {
                lines.append("  \(edge.from) -> \(edge.to)" + (edge.label.map { " [label=\"\(escape($0))\"]" } ?? "") + ";")
            }
            return lines + ["}"]
        case .mermaid:
            var lines = ["flowchart LR"]
            for (position, step) in plan.steps.enumerated() {
                lines.append("  s\(position + 1)[\"\(position + 1). \(mermaid(step.title))<br/>\(mermaid(step.course)) · \(step.hours) h\"]")
            }
            lines.append("  target{{\"\(mermaid(plan.targetTitle))\"}}")
            for edge in edges {
                lines.append("  \(edge.from) -->" + (edge.label.map { "|\(mermaid($0))|" } ?? "") + " \(edge.to)")
            }
            return lines
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    static func mermaid(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;")
    }
}
