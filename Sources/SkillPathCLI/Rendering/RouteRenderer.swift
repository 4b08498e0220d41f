import SkillPathCore

/// A route as its hops, each with its steps, numbered across the whole route.
struct RouteRenderer {
    let console: Console

    func render(_ route: Route) -> [String] {
        guard route.found else {
            return [console.styled("No route from \(route.from) to \(route.to)", .bold), route.reason ?? ""]
        }
        if route.hops.isEmpty { return ["\(route.from) is already the target role."] }
        var lines = [console.styled("Route \(([route.from] + route.hops.map(\.to)).joined(separator: " → "))", .bold)
            + " · \(route.totals.courses) courses · \(PlanRenderer.hours(route.totals.hours)) · \(PlanRenderer.money(route.totals.cost, route.totals.currency))"]
        var number = 1
        let steps = PlanRenderer(console: console)
        for hop in route.hops {
            lines.append("")
            lines.append(console.styled("\(hop.from) → \(hop.to) (\(hop.kind.rawValue))", .cyan) + ": \(hop.plan.totals.courses) courses, \(PlanRenderer.hours(hop.plan.totals.hours))")
            lines += steps.steps(hop.plan.steps, numberedFrom: number)
            number += hop.plan.steps.count
        }
        if let schedule = route.schedule {
            lines.append("")
            lines.append("Done by \(schedule.estimatedCompletion) at \(schedule.hoursPerWeek) h/week")
        }
        return lines
    }
}
