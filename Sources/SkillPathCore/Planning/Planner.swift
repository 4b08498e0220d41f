/// Builds learning paths on one catalog. A value type over an immutable catalog: share it freely.
///
/// The contract (docs/planning.md): a plan is an ordered list of courses, each takeable at its position, after
/// which every reachable gap skill is met; among such plans it minimises the objective, then the other
/// measure, then the number of courses, then the course ids. The same input gives the same plan, byte for byte.
public struct Planner: Sendable {
    public let catalog: Catalog
    /// How much exact search a plan may do before settling for the best plan found, in the units
    /// `BranchAndBound` counts (a deterministic measure, so a question always stops at the same place).
    public var searchWork: Int

    /// Chosen so that plans on 100,000-course catalogs of every benchmark structure stay within p50 0.5 ms
    /// and p99 2 ms (docs/benchmarks.md); docs/planning.md reports what it costs in plan quality.
    public static let defaultSearchWork = 5_000

    public init(catalog: Catalog, searchWork: Int = Planner.defaultSearchWork) {
        self.catalog = catalog
        self.searchWork = searchWork
    }

    /// The best plan from a profile to a target role.
    /// - Parameter strict: refuse unknown skills and courses in the profile (true) or skip them (false).
    public func plan(profile: Profile, targetRole: String, options: PlanOptions = PlanOptions(), strict: Bool = true) throws(PlanningError) -> Plan {
        let problem = try resolve(profile: profile, targetRole: targetRole, options: options, strict: strict)
        return plan(problem, options: options)
    }

    func plan(_ problem: PlanningProblem, options: PlanOptions) -> Plan {
        catalog.index.scratchPool.withScratch(index: catalog.index) { scratch in
            plan(problem, options: options, scratch: scratch)
        }
    }

    /// Reach first (which gap skills any sequence of allowed courses can close), then search only the
    /// courses that can matter for the rest, then check the answer against the contract.
    func plan(_ problem: PlanningProblem, options: PlanOptions, scratch: ReachScratch, floored: Bool = true) -> Plan {
        scratch.apply(levels: problem.levels, done: problem.done)
        return plan(problem, options: options, closure: scratch, floored: floored)
    }

    /// The plan on a scratch that already holds the problem's closure. `floored`: never worse than the role's
    /// plan from no skills less what the profile holds (`floored(_:reachable:problem:options:)`); false only
    /// for that plan itself.
    func plan(_ problem: PlanningProblem, options: PlanOptions, closure scratch: ReachScratch, floored: Bool = true) -> Plan {
        var reachable: [Goal] = []
        var blocked: [Goal] = []
        for goal in problem.goals {
            if scratch.reach.levels[Int(goal.skill)] >= goal.need { reachable.append(goal) } else { blocked.append(goal) }
        }
        var search = options.maxCost == nil && !problem.filter.restricts
            ? directSearch(reachable, scratch: scratch, objective: options.objective, effort: options.effort, preference: problem.preference)
            : filteredSearch(reachable, problem: problem, options: options, scratch: scratch)
        blocked += search.blocked
        if floored { search.result = self.floored(search.result, reachable: reachable, problem: problem, options: options) }
        search.unmet = explainUnmet(blocked, problem: problem, scratch: scratch) + search.unmet

        let assembler = PlanAssembler(catalog: catalog, problem: problem, options: options)
        var plan = assembler.assemble(order: takingOrder(search.result.courses, scratch: scratch), unmet: search.unmet, optimal: search.result.optimal)
        let violations = PlanContract.violations(of: plan, problem: problem, catalog: catalog)
        if !violations.isEmpty {
            // A bug in the search: answer with the plan the closure and the pruner guarantee instead.
            let kept = reachable.filter { goal in !search.unmet.contains { $0.skill == catalog.skills[Int(goal.skill)].id } }
            let graph = scratch.graph(courses: scratch.relevant(targets: kept.map { ($0.skill, $0.need) }, filter: problem.filter))
            let goals = kept.compactMap { goal in graph.localSkill(goal.skill).map { PlanningGraph.Entry(skill: $0, level: goal.need) } }
            let weights = CourseWeights(graph: graph, index: catalog.index, objective: options.objective, preference: problem.preference)
            let safe = PlanPruner.prune(graph.closure().order, graph: graph, goals: goals, weights: weights).map { graph.courses[Int($0)] }
            plan = assembler.assemble(order: takingOrder(safe, scratch: scratch), unmet: search.unmet, optimal: false)
            plan.contractViolations = violations
        }
        return plan
    }

    /// The largest relevance walk the quick effort searches whole (see `directSearch`).
    static let shortlistAbove = 500

    /// The search work for an effort: `thorough` is a hundred times `standard` (and `quick`, which searches less).
    func work(_ effort: PlanOptions.Effort) -> Int {
        effort == .thorough ? searchWork.multipliedReportingOverflow(by: 100).partialValue : searchWork
    }

    /// What a search found: the plan's courses, and the goals it had to give up and why.
    struct SearchOutcome {
        var result: PlanSearch.Result
        /// Goals the filters block (explained with the others that no course sequence reaches).
        var blocked: [Goal] = []
        /// Goals given up for the budget, already explained.
        var unmet: [Plan.UnmetSkill] = []
    }

    /// Without filters or a budget, every relevant course can be taken in some order (each was taken by the
    /// profile's closure, and the relevance walk keeps every course a first provider needs), so the
    /// independent groups the walk found are searched at once, with no closure and no graph of the whole.
    ///
    /// At the quick effort, a walk that would include more than `shortlistAbove` courses is done again
    /// through each level's shortlisted providers only (`ProviderShortlist`).
    func directSearch(_ goals: [Goal], scratch: ReachScratch, objective: PlanOptions.Objective, effort: PlanOptions.Effort, preference: CoursePreference?) -> SearchOutcome {
        let targets = goals.map { ($0.skill, $0.need) }
        let filter = CourseFilter(index: catalog.index)
        var groups: [ReachScratch.Group]
        var shortlisted = false
        if effort == .quick, let whole = scratch.relevantGroups(targets: targets, filter: filter, limit: Self.shortlistAbove) {
            groups = whole
        } else if effort == .quick {
            scratch.clearRelevance()
            groups = scratch.relevantGroups(targets: targets, filter: filter, shortlist: ProviderShortlist(index: catalog.index, objective: objective)) ?? []
            shortlisted = true
        } else {
            groups = scratch.relevantGroups(targets: targets, filter: filter) ?? []
        }
        let parts = groups.map { group in
            let graph = scratch.graph(courses: group.courses)
            let entries = group.targets.compactMap { position in
                graph.localSkill(goals[position].skill).map { PlanningGraph.Entry(skill: $0, level: goals[position].need) }
            }
            return PlanSearch.Part(graph: graph, goals: entries, weights: CourseWeights(graph: graph, index: catalog.index, objective: objective, preference: preference))
        }
        var result = PlanSearch(work: work(effort)).best(parts: parts, maxCost: nil) ?? PlanSearch.Result(courses: [], optimal: true)
        // The best over the shortlist only: not proven the best of the catalog.
        if shortlisted { result.optimal = false }
        return SearchOutcome(result: result)
    }

    /// With filters or a budget: one graph of the relevant courses, a closure under the filters (which can
    /// block what the catalog as a whole reaches), and, over budget, goals given up one at a time.
    func filteredSearch(_ reachable: [Goal], problem: PlanningProblem, options: PlanOptions, scratch: ReachScratch) -> SearchOutcome {
        let everything = scratch.graph(courses: scratch.relevant(targets: reachable.map { ($0.skill, $0.need) }, filter: problem.filter))
        let reach = everything.closure()
        var outcome = SearchOutcome(result: PlanSearch.Result(courses: [], optimal: true))
        var kept = reachable.filter { goal in
            let met = everything.localSkill(goal.skill).map { reach.levels[Int($0)] >= goal.need } ?? false
            if !met { outcome.blocked.append(goal) }
            return met
        }
        // Courses the closure never took can never be in a plan: search only the rest.
        let feasible = reach.order.sorted()
        let graph = feasible.count == everything.courseCount ? everything : everything.restricted(to: feasible)
        let weights = CourseWeights(graph: graph, index: catalog.index, objective: options.objective, preference: problem.preference)
        func entries(_ goals: [Goal]) -> [PlanningGraph.Entry] {
            goals.compactMap { goal in graph.localSkill(goal.skill).map { PlanningGraph.Entry(skill: $0, level: goal.need) } }
        }
        let maxCost = options.maxCost?.hundredths
        let search = PlanSearch(work: work(options.effort))
        var result = search.best(parts: PlanSearch.parts(of: graph, goals: entries(kept), weights: weights, budgeted: maxCost != nil), maxCost: maxCost)
        while result == nil, let maxCost = options.maxCost, !kept.isEmpty {
            // Over budget: give up the goal whose removal leaves the cheapest plan, and try again.
            let goal = kept.remove(at: cheapestDrop(kept, graph: graph, weights: weights, entries: entries))
            let skill = catalog.skills[Int(goal.skill)]
            outcome.unmet.append(Plan.UnmetSkill(
                skill: skill.id, name: skill.name, have: Int(problem.level(goal.skill)), need: Int(goal.need),
                reachable: Int(everything.localSkill(goal.skill).map { reach.levels[Int($0)] } ?? goal.need), reason: .overBudget,
                detail: "reachable, but not within the budget of \(maxCost) \(catalog.currency) together with the skills the plan keeps"))
            result = search.best(parts: [PlanSearch.Part(graph: graph, goals: entries(kept), weights: weights)], maxCost: maxCost.hundredths)
        }
        outcome.result = result ?? PlanSearch.Result(courses: [], optimal: true)
        return outcome
    }

    /// The order a plan's courses are taken in: at each step the smallest id among the ready ones, a valid
    /// order and the same one every time.
    func takingOrder(_ courses: [Int32], scratch: ReachScratch) -> [Int32] {
        let graph = scratch.graph(courses: courses.sorted())
        return graph.closure().order.map { graph.courses[Int($0)] }
    }

    /// The position of the goal whose removal gives the cheapest greedy plan (the last one on ties, so the
    /// goals listed first by the role are kept longest).
    func cheapestDrop(_ goals: [Goal], graph: PlanningGraph, weights: CourseWeights, entries: ([Goal]) -> [PlanningGraph.Entry]) -> Int {
        var best: (cost: Int64, position: Int) = (.max, goals.count - 1)
        for position in goals.indices {
            var rest = goals
            rest.remove(at: position)
            let cost = weights.total(PlanSearch.greedy(graph: graph, goals: entries(rest), weights: weights))
            if cost <= best.cost { best = (cost, position) }
        }
        return best.position
    }
}
