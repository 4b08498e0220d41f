extension Planner {
    /// Makes every role's floor now (`RoleFloor`: a plan from no skills each), so that no request pays for
    /// one: the daemon calls it in the background after each catalog load. A plan that finds its role's floor
    /// missing makes it itself, with the same result, so this changes only when the cost is paid. Returns
    /// how many floors it made.
    @discardableResult public func prepareFloors() -> Int {
        let index = catalog.index
        for role in 0..<Int32(catalog.roles.count) { _ = index.readinessPlans.floor(of: role, catalog: catalog) }
        return catalog.roles.count
    }

    /// The search's answer, or the role's plan from no skills less the courses the profile does not need
    /// (`RoleFloor`) when that is better by the contract's order: a default-effort search is not
    /// exhaustive, and a plan worse than one every profile has would be a poor answer. It also makes the
    /// floor's hours an upper bound on every default plan for the role, which lets a succession bench band
    /// most people without planning them (`SuccessionBench`).
    ///
    /// Only where the floor is a plan of the same question: no budget, no course ruled out beyond the
    /// completed ones, no preference that weighs courses differently. The floor depends on the catalog alone,
    /// so the same question still always gets the same plan.
    func floored(_ result: PlanSearch.Result, reachable: [Goal], problem: PlanningProblem, options: PlanOptions) -> PlanSearch.Result {
        // A proven optimum is never worse than any plan: no floor to look up.
        guard !result.optimal, !reachable.isEmpty else { return result }
        guard options.maxCost == nil, !problem.filter.restricts, problem.preference?.isEmpty ?? true else { return result }
        let index = catalog.index
        guard let floor = index.readinessPlans.floor(of: problem.target, catalog: catalog).courses(
            level: problem.level, isDone: problem.done.contains, goals: reachable.lazy.map { ($0.skill, $0.need) }, index: index)
        else { return result }
        let (better, found) = (key(floor.sorted(), objective: options.objective), key(result.courses, objective: options.objective))
        return better.measures < found.measures || (better.measures == found.measures && better.courses.lexicographicallyPrecedes(found.courses))
            ? PlanSearch.Result(courses: better.courses, optimal: false) : result
    }

    /// The contract's order of a plan's courses (`PlanKey`), in catalog numbers: the objective, the other
    /// measure, the count, then the ascending course numbers.
    private func key(_ courses: [Int32], objective: PlanOptions.Objective) -> (measures: (Int64, Int64, Int), courses: [Int32]) {
        let index = catalog.index
        var hours: Int64 = 0
        var cost: Int64 = 0
        // Saturating: a catalog's figures are its author's, and a sum past Int64 only compares as the largest.
        for course in courses {
            hours = Self.saturating(hours, index.hours[Int(course)])
            cost = Self.saturating(cost, index.cost[Int(course)])
        }
        return (objective == .hours ? (hours, cost, courses.count) : (cost, hours, courses.count), courses)
    }

    private static func saturating(_ total: Int64, _ more: Int64) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(more)
        return overflow ? (more < 0 ? .min : .max) : sum
    }
}
