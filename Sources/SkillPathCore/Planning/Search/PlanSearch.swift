/// Runs the solvers in turn: greedy with pruning for a good plan at once, then branch-and-bound from it.
struct PlanSearch {
    /// The exact search's patience, in the units `BranchAndBound` counts (about one per course a node looks
    /// at): a part's search stops once it has gone this long without improving its best plan, and in any
    /// case after `Self.patienceRounds` times as long for the whole question. Independent parts share the
    /// whole: each may use an equal share of what is left.
    var work: Int

    static let patienceRounds = 12

    struct Result {
        /// Catalog course numbers of the plan, ascending.
        var courses: [Int32]
        var optimal: Bool
    }

    /// One independent part of a question: a graph and the goals to reach in it.
    struct Part {
        var graph: PlanningGraph
        var goals: [PlanningGraph.Entry]
        var weights: CourseWeights
    }

    /// The best plan for every part, joined; nil when some part has no plan within the budget. Parts share no
    /// course that could serve them, so their costs add up and the id tie-break of the union follows the
    /// parts': the joined plan is exactly as good as planning everything at once (docs/planning.md).
    func best(parts: [Part], maxCost: Int64?) -> Result? {
        var courses: [Int32] = []
        var optimal = true
        var remaining = work * Self.patienceRounds
        for (position, part) in parts.enumerated() {
            let share = remaining / (parts.count - position)
            guard let result = best(part, maxCost: maxCost, work: share) else { return nil }
            remaining -= result.work
            courses += result.courses.map { part.graph.courses[Int($0)] }
            optimal = optimal && result.optimal
        }
        return Result(courses: courses.sorted(), optimal: optimal)
    }

    /// Splits one graph into independent parts (without a budget, which ties all goals together).
    static func parts(of graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights, budgeted: Bool) -> [Part] {
        guard !budgeted else { return [Part(graph: graph, goals: goals, weights: weights)] }
        return graph.independentGroups(of: goals).map { group in
            let part = Subproblem(graph: graph, courses: group.courses, goals: group.goals, weights: weights)
            return Part(graph: part.graph, goals: part.goals, weights: part.weights)
        }
    }

    /// Dominated courses are dropped first; then greedy, then branch and bound from the greedy plan.
    /// Returns local course numbers of the part's graph.
    private func best(_ part: Part, maxCost: Int64?, work: Int) -> (courses: [Int32], optimal: Bool, work: Int)? {
        var kept = part.graph.undominated(weights: part.weights, budgeted: maxCost != nil)
        // Rebuilding the graph costs about what a few dropped courses save the search: only worth it when
        // dominance drops a good share of them.
        if kept.count * 5 > part.graph.courseCount * 4 { kept = (0..<Int32(part.graph.courseCount)).map { $0 } }
        let core = kept.count < part.graph.courseCount
            ? Subproblem(graph: part.graph, courses: kept, goals: part.goals, weights: part.weights)
            : Subproblem(part)
        guard let result = bestWhole(graph: core.graph, goals: core.goals, weights: core.weights, maxCost: maxCost, work: work) else { return nil }
        let courses = kept.count < part.graph.courseCount ? result.courses.map { kept[Int($0)] } : result.courses
        return (courses, result.optimal, result.work)
    }

    func bestWhole(graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights, maxCost: Int64?, work: Int) -> (courses: [Int32], optimal: Bool, work: Int)? {
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
            graph: graph, goals: goals, weights: weights, maxCost: maxCost, workLimit: work, patience: self.work, incumbent: incumbent)
        search.run()
        guard let best = search.best else { return nil }
        // A set the search found can carry a course the others made redundant: prune it (never worse). The
        // greedy plan is pruned already.
        let courses = best.courses == incumbent?.courses ? best.courses : PlanPruner.prune(best.courses, graph: graph, goals: goals, weights: weights)
        return (courses, search.complete, search.work)
    }

    /// Greedy, falling back to "everything reachable", then pruned to a minimal plan.
    static func greedy(graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights) -> [Int32] {
        var solver = GreedySolver(graph: graph, goals: goals, weight: weights.combined)
        let chosen = solver.solve() ?? graph.closure().order
        return PlanPruner.prune(chosen, graph: graph, goals: goals, weights: weights)
    }
}

/// A part of a planning graph with its goals and weights renumbered to match.
struct Subproblem {
    let graph: PlanningGraph
    let goals: [PlanningGraph.Entry]
    let weights: CourseWeights

    init(_ part: PlanSearch.Part) {
        graph = part.graph
        goals = part.goals
        weights = part.weights
    }

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
