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
        let path = ([from] + hops.compactMap { $0["to"]?.stringValue }).joined(separator: " → ")
        var lines = [console.styled("Route \(path)", .bold)
            + " · \(totals?["courses"]?.intValue ?? 0) courses · \(text(totals?["hours"])) h · \(money(totals?["cost"])) \(totals?["currency"]?.stringValue ?? "")"]
        var number = 1
        let renderer = PlanRenderer(console: console)
        for hop in hops {
            let steps = (try? Plan.steps(json: hop["steps"] ?? .array([]))) ?? []
            lines.append("")
            lines.append(console.styled("\(hop["from"]?.stringValue ?? "?") → \(hop["to"]?.stringValue ?? "?") (\(hop["kind"]?.stringValue ?? "?"))", .cyan)
                + ": \(steps.count) courses, \(text(hop["totals"]?["hours"])) h")
            lines += renderer.steps(steps, numberedFrom: number)
            number += steps.count
        }
        if let completion = route["estimatedCompletion"]?.stringValue {
            lines.append("")
            lines.append("Done by \(completion) at \(text(route["schedule"]?["hoursPerWeek"])) h/week")
        }
        return lines
    }
}
