import SkillPathCore
import SkillPathJSON

/// A route as its hops, each with its steps numbered across the whole route, from the route's JSON.
struct RouteRenderer: JSONDisplaying {
    let console: Console

    func render(_ route: JSONValue) -> [String] {
        let from = route["from"]?.stringValue ?? "?"
        let to = route["to"]?.stringValue ?? "?"
        guard route["found"] == .bool(true) else {
            return [console.styled("No route from \(from) to \(to)", .bold), route["reason"]?.stringValue ?? ""]
        }
        let hops = route["hops"]?.arrayValue ?? []
        if hops.isEmpty { return ["\(from) is already the target role."] }
        let totals = route["totals"]
        let path = ([Self.named(hops.first, "from", fallback: from)] + hops.map { Self.named($0, "to", fallback: "?") }).joined(separator: " → ")
        var lines = [console.styled("Route \(path)", .bold)
            + " · \(Plural.count(totals?["courses"]?.intValue ?? 0, "course")) · \(text(totals?["hours"])) h · \(money(totals?["cost"])) \(totals?["currency"]?.stringValue ?? "")"]
        if let gap = route["gapLevels"]?.intValue {
            lines.append(console.styled("\(gap) skill level\(gap == 1 ? "" : "s") on the way that no course in the catalog teaches (gap only)", .yellow))
        }
        var number = 1
        let renderer = PlanRenderer(console: console)
        for hop in hops {
            let steps = (try? Plan.steps(json: hop["steps"] ?? .array([]))) ?? []
            lines.append("")
            lines.append(console.styled("\(Self.named(hop, "from", fallback: "?")) → \(Self.named(hop, "to", fallback: "?")) (\(hop["kind"]?.stringValue ?? "?"))", .cyan)
                + ": \(Plural.count(steps.count, "course")), \(text(hop["totals"]?["hours"])) h")
            lines += renderer.steps(steps, numberedFrom: number)
            if let note = hop["note"]?.stringValue {
                let gap = (hop["gap"]?.arrayValue ?? []).map { "\($0["name"]?.stringValue ?? "?") \($0["have"]?.intValue ?? 0) → \($0["need"]?.intValue ?? 0)" }
                lines.append(console.styled("  \(note): \(gap.joined(separator: ", "))", .yellow))
            }
            number += steps.count
        }
        if let completion = route["estimatedCompletion"]?.stringValue {
            lines.append("")
            lines.append("Done by \(completion) at \(text(route["schedule"]?["hoursPerWeek"])) h/week")
        }
        return lines
    }

    /// "Data Scientist (data-scientist)" from a hop's `from`/`to` and its title; the id alone without one.
    static func named(_ hop: JSONValue?, _ end: String, fallback: String) -> String {
        guard let id = hop?[end]?.stringValue else { return fallback }
        guard let title = hop?["\(end)Title"]?.stringValue, title != id else { return id }
        return "\(title) (\(id))"
    }
}
