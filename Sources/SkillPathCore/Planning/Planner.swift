/// Builds learning paths on one catalog. A value type over an immutable catalog: share it freely.
///
/// The contract (docs/planning.md): a plan is an ordered list of courses, each takeable at its position, after
/// which every reachable gap skill is met; among such plans it minimises the objective, then the other
/// measure, then the number of courses, then the course ids. The same input gives the same plan, byte for byte.
public struct Planner: Sendable {
    public let catalog: Catalog
    /// How much exact search a plan may do before settling for the best plan found: the node limit of the
    /// branch-and-bound is this divided by the size of the graph searched. The default keeps plans on a
    /// 100,000-course catalog within the latency targets; benchmarks raise it to measure plan quality.
    public var searchWork: Int

    public static let defaultSearchWork = 300_000

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
    func plan(_ problem: PlanningProblem, options: PlanOptions, scratch: ReachScratch) -> Plan {
        let index = catalog.index
        scratch.apply(levels: problem.levels, done: problem.done)
        var reachable: [Goal] = []
        var blocked: [Goal] = []
        for goal in problem.goals {
            if scratch.reach.levels[Int(goal.skill)] >= goal.need { reachable.append(goal) } else { blocked.append(goal) }
        }
        let relevant = scratch.relevant(targets: reachable.map { ($0.skill, $0.need) }, allowed: problem.filter.allows)
        let everything = PlanningGraph(index: index, courses: relevant, levelOf: { scratch.start[Int($0)] }, isDone: problem.done.contains)
        let reach = everything.closure()
        let localOfAll = everything.localSkills()
        // The options' filters can block what the catalog as a whole reaches.
        reachable.removeAll { goal in
            let met = localOfAll[goal.skill].map { reach.levels[Int($0)] >= goal.need } ?? false
            if !met { blocked.append(goal) }
            return !met
        }
        var unmet = explainUnmet(blocked, problem: problem, scratch: scratch)

        // Courses the closure never took can never be in a plan: search only the rest.
        let feasible = reach.order.sorted()
        let graph = feasible.count == everything.courseCount ? everything : everything.restricted(to: feasible)
        let weights = CourseWeights(graph: graph, index: index, objective: options.objective)
        let local = graph.localSkills()
        func entries(_ goals: [Goal]) -> [PlanningGraph.Entry] {
            goals.compactMap { goal in local[goal.skill].map { PlanningGraph.Entry(skill: $0, level: goal.need) } }
        }

        var kept = reachable
        var result = PlanSearch(work: searchWork).best(graph: graph, goals: entries(kept), weights: weights, maxCost: options.maxCost?.hundredths)
        while result == nil, let maxCost = options.maxCost, !kept.isEmpty {
            // Over budget: give up the goal whose removal leaves the cheapest plan, and try again.
            let goal = kept.remove(at: cheapestDrop(kept, graph: graph, weights: weights, entries: entries))
            unmet.append(Plan.UnmetSkill(
                skill: catalog.skills[Int(goal.skill)].id, name: catalog.skills[Int(goal.skill)].name, have: Int(problem.level(goal.skill)),
                need: Int(goal.need), reachable: Int(scratch.reach.levels[Int(goal.skill)]), reason: .overBudget,
                detail: "reachable, but not within the budget of \(maxCost) \(catalog.currency) together with the skills the plan keeps"))
            result = PlanSearch(work: searchWork).best(graph: graph, goals: entries(kept), weights: weights, maxCost: maxCost.hundredths)
        }
        let chosen = result ?? PlanSearch.Result(courses: [], optimal: true)
        let assembler = PlanAssembler(catalog: catalog, problem: problem, options: options)
        var plan = assembler.assemble(graph: graph, courses: chosen.courses, unmet: unmet, optimal: chosen.optimal)
        let violations = PlanContract.violations(of: plan, problem: problem, catalog: catalog)
        if !violations.isEmpty {
            // A bug in the search: answer with the plan the closure and the pruner guarantee instead.
            let safe = PlanPruner.prune(graph.closure().order, graph: graph, goals: entries(kept), weights: weights)
            plan = assembler.assemble(graph: graph, courses: safe, unmet: unmet, optimal: false)
            plan.contractViolations = violations
        }
        return plan
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

extension PlanningGraph {
    /// Catalog skill number → local skill number.
    func localSkills() -> [Int32: Int32] {
        var map = [Int32: Int32](minimumCapacity: skillCount)
        for (local, skill) in skills.enumerated() { map[skill] = Int32(local) }
        return map
    }
}
