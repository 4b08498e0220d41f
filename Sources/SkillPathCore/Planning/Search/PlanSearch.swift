/// Runs the solvers in turn: greedy with pruning for a good plan at once, then branch-and-bound from it.
enum PlanSearch {
    struct Result {
        /// Local course numbers of the plan, ascending.
        var courses: [Int32]
        var optimal: Bool
    }

    /// Work limit of the exact search, in nodes. Scaled down for large graphs, where each node costs more
    /// and the greedy plan is what the p99 latency target allows (docs/planning.md reports the quality).
    static func nodeLimit(for graph: PlanningGraph) -> Int {
        max(2_000, 400_000 / max(1, graph.courseCount))
    }

    /// The best plan reaching every goal within the budget; nil when none was found.
    static func best(graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights, maxCost: Int64?) -> Result? {
        var incumbent: PlanKey?
        let quick = greedy(graph: graph, goals: goals, weights: weights)
        if maxCost.map({ weights.total(quick) <= $0 }) ?? true {
            incumbent = PlanKey(courses: quick, weights: weights)
        } else {
            // Over budget: a plan built for cost instead may still fit.
            let frugal = CourseWeights(primary: weights.cost, secondary: weights.primary == weights.cost ? weights.secondary : weights.primary, cost: weights.cost)
            let cheap = greedy(graph: graph, goals: goals, weights: frugal)
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

extension CourseWeights {
    init(primary: [Int64], secondary: [Int64], cost: [Int64]) {
        self.primary = primary
        self.secondary = secondary
        self.cost = cost
    }
}
