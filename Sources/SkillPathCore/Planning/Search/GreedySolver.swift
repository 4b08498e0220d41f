/// A fast, prerequisite-aware greedy: repeatedly add the course (with the prerequisites it still needs)
/// that closes the most unmet goals per unit of estimated cost.
///
/// The estimate of a course is its own weight plus the cheapest estimated way to meet each of its unmet
/// requirements ("h_add" from AI planning: shared prerequisites are counted twice, which is why the choice is
/// then checked by actually adding the chain to a trial state and measuring what it costs and covers).
struct GreedySolver {
    let graph: PlanningGraph
    let goals: [PlanningGraph.Entry]
    let weight: [Double]

    struct State {
        var levels: [UInt8]
        var taken: [Bool]
        var order: [Int32]
    }

    /// The courses of a valid plan in a takeable order, or nil when the greedy gets stuck (the caller then
    /// falls back to taking everything reachable and pruning).
    func solve() -> [Int32]? {
        var state = State(levels: graph.initialLevels, taken: [Bool](repeating: false, count: graph.courseCount), order: [])
        while true {
            let unmet = goals.filter { state.levels[Int($0.skill)] < $0.level }
            if unmet.isEmpty { return state.order }
            let estimate = estimates(for: state)
            var best: (ratio: Double, cost: Double, course: Int32, state: State)?
            var tried = Set<Int32>()
            for goal in unmet {
                for provider in graph.providers[goal.skill] where provider.canProvide(goal.level) {
                    let course = provider.course
                    guard !state.taken[Int(course)], estimate[Int(course)].isFinite, tried.insert(course).inserted else { continue }
                    var trial = state
                    var visiting = Set<Int32>()
                    guard realize(course, in: &trial, estimate: estimate, visiting: &visiting) else { continue }
                    let covered = unmet.count { trial.levels[Int($0.skill)] >= $0.level }
                    guard covered > 0 else { continue }
                    let cost = trial.order[state.order.count...].reduce(0.0) { $0 + weight[Int($1)] }
                    let ratio = cost / Double(covered)
                    if let current = best, (current.ratio, current.cost, current.course) <= (ratio, cost, course) { continue }
                    best = (ratio, cost, course, trial)
                }
            }
            guard let best else { return nil }
            state = best.state
        }
    }

    /// Adds `course` to the state after first adding, recursively, the cheapest-estimated provider of each
    /// requirement it still lacks and each `after` course not yet taken.
    func realize(_ course: Int32, in state: inout State, estimate: [Double], visiting: inout Set<Int32>) -> Bool {
        let c = Int(course)
        if state.taken[c] { return true }
        guard !graph.cutOff[c], visiting.insert(course).inserted else { return false }
        defer { visiting.remove(course) }
        for prior in graph.after[c] where !state.taken[Int(prior)] {
            guard realize(prior, in: &state, estimate: estimate, visiting: &visiting) else { return false }
        }
        for requirement in graph.requires[c] where state.levels[Int(requirement.skill)] < requirement.level {
            var choice: Int32?
            for provider in graph.providers[requirement.skill] where provider.canProvide(requirement.level) {
                let p = Int(provider.course)
                guard !state.taken[p], estimate[p].isFinite, !visiting.contains(provider.course) else { continue }
                if let current = choice, (estimate[Int(current)], current) <= (estimate[p], provider.course) { continue }
                choice = provider.course
            }
            guard let choice, realize(choice, in: &state, estimate: estimate, visiting: &visiting) else { return false }
        }
        state.taken[c] = true
        graph.apply(c, to: &state.levels)
        state.order.append(course)
        return true
    }

    /// h_add estimates from the current state, by relaxation to a fixed point (Bellman–Ford on the AND-OR
    /// graph). Untakeable courses stay at infinity.
    func estimates(for state: State) -> [Double] {
        let n = graph.courseCount
        var estimate = [Double](repeating: .infinity, count: n)
        var changed = true
        var rounds = 0
        while changed && rounds <= n {
            changed = false
            rounds += 1
            for c in 0..<n where !state.taken[c] && !graph.cutOff[c] {
                var total = weight[c]
                for requirement in graph.requires[c] where state.levels[Int(requirement.skill)] < requirement.level {
                    var cheapest = Double.infinity
                    for provider in graph.providers[requirement.skill] where provider.canProvide(requirement.level) {
                        let p = Int(provider.course)
                        if !state.taken[p] && p != c { cheapest = min(cheapest, estimate[p]) }
                    }
                    total += cheapest
                    if !total.isFinite { break }
                }
                if total.isFinite {
                    for prior in graph.after[c] where !state.taken[Int(prior)] { total += estimate[Int(prior)] }
                }
                if total < estimate[c] {
                    estimate[c] = total
                    changed = true
                }
            }
        }
        return estimate
    }
}
