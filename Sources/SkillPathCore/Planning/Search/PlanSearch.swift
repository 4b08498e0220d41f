/// Runs the solvers in turn: greedy with pruning for a good plan at once, then branch-and-bound from it.
struct PlanSearch {
    /// The exact search's work limit: nodes times graph size (see `nodeLimit`).
    var work: Int

    struct Result {
        /// Course numbers of the plan in the graph it was asked for, ascending.
        var courses: [Int32]
        var optimal: Bool
    }

    /// Work limit of the exact search, in nodes. Scaled down for large graphs, where each node costs more
    /// and the greedy plan is what the p99 latency target allows (docs/planning.md reports the quality).
    func nodeLimit(for graph: PlanningGraph) -> Int {
        max(300, work / max(1, graph.courseCount))
    }

    /// The best plan reaching every goal within the budget; nil when none was found.
    ///
    /// Dominated courses are dropped first; then, without a budget, independent groups of goals are solved
    /// separately (see `independentGroups`). A budget ties all goals together, so the graph is searched whole.
    func best(graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights, maxCost: Int64?) -> Result? {
        let groups: [(goals: [PlanningGraph.Entry], courses: [Int32])] = maxCost == nil
            ? graph.independentGroups(of: goals)
            : [(goals, (0..<Int32(graph.courseCount)).map { $0 })]
        var courses: [Int32] = []
        var optimal = true
        for group in groups {
            let part = Subproblem(graph: graph, courses: group.courses, goals: group.goals, weights: weights)
            let kept = part.graph.undominated(weights: part.weights, budgeted: maxCost != nil)
            let core = kept.count < part.graph.courseCount ? Subproblem(graph: part.graph, courses: kept, goals: part.goals, weights: part.weights) : part
            guard let result = bestWhole(graph: core.graph, goals: core.goals, weights: core.weights, maxCost: maxCost) else { return nil }
            courses += result.courses.map { group.courses[Int(core === part ? $0 : kept[Int($0)])] }
            optimal = optimal && result.optimal
        }
        return Result(courses: courses.sorted(), optimal: optimal)
    }

    func bestWhole(graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights, maxCost: Int64?) -> Result? {
        var incumbent: PlanKey?
        let quick = Self.greedy(graph: graph, goals: goals, weights: weights)
        if maxCost.map({ weights.total(quick) <= $0 }) ?? true {
            incumbent = PlanKey(courses: quick, weights: weights)
        } else {
            // Over budget: a plan built for cost instead may still fit.
            let frugal = CourseWeights(primary: weights.cost, secondary: weights.primary == weights.cost ? weights.secondary : weights.primary, cost: weights.cost)
            let cheap = Self.greedy(graph: graph, goals: goals, weights: frugal)
            if let maxCost, weights.total(cheap) <= maxCost { incumbent = PlanKey(courses: cheap, weights: weights) }
        }
        var search = BranchAndBound(
            graph: graph, goals: goals, weights: weights, maxCost: maxCost, nodeLimit: nodeLimit(for: graph), incumbent: incumbent)
        search.run()
        guard let best = search.best else { return nil }
        return Result(courses: best.courses, optimal: search.complete)
    }

    /// Greedy, falling back to "everything reachable", then pruned to a minimal plan.
    static func greedy(graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights) -> [Int32] {
        let chosen = GreedySolver(graph: graph, goals: goals, weight: weights.combined).solve() ?? graph.closure().order
        return PlanPruner.prune(chosen, graph: graph, goals: goals, weights: weights)
    }
}

/// A part of a planning graph with its goals and weights renumbered to match.
final class Subproblem {
    let graph: PlanningGraph
    let goals: [PlanningGraph.Entry]
    let weights: CourseWeights

    /// - Parameter courses: ascending course numbers of `graph` to keep.
    init(graph parent: PlanningGraph, courses: [Int32], goals: [PlanningGraph.Entry], weights: CourseWeights) {
        let part = courses.count == parent.courseCount ? parent : parent.restricted(to: courses)
        graph = part
        self.goals = part.courseCount == parent.courseCount ? goals : goals.compactMap { parent.translate($0, into: part) }
        self.weights = CourseWeights(
            primary: courses.map { weights.primary[Int($0)] }, secondary: courses.map { weights.secondary[Int($0)] },
            cost: courses.map { weights.cost[Int($0)] })
    }
}

extension CourseWeights {
    init(primary: [Int64], secondary: [Int64], cost: [Int64]) {
        self.primary = primary
        self.secondary = secondary
        self.cost = cost
    }
}
