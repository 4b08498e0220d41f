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

    /// Providers tried per unmet goal and round, cheapest first.
    static let trialsPerGoal = 3

    struct State {
        var levels: [UInt8]
        var taken: [Bool]
        var order: [Int32]
    }

    /// The h_add estimate of every course, from the start.
    private var estimate: [Double] = []
    /// The best supporter of each skill level (`skill * 6 + level`): its provider with the lowest estimate.
    private var supporter: [Int32] = []
    /// Working memory for `relaxedCost`: the call that last counted each course.
    private var countedAt: [UInt32] = []
    private var stamp: UInt32 = 0
    /// Working memory for `relaxedCost`, kept between calls.
    private var relaxedStack: [Int32] = []

    init(graph: PlanningGraph, goals: [PlanningGraph.Entry], weight: [Double]) {
        self.graph = graph
        self.goals = goals
        self.weight = weight
    }

    /// The courses of a valid plan in a takeable order, or nil when the greedy gets stuck (the caller then
    /// falls back to taking everything reachable and pruning).
    mutating func solve() -> [Int32]? {
        var state = State(levels: graph.initialLevels, taken: [Bool](repeating: false, count: graph.courseCount), order: [])
        // Estimated once, from the start: a fresh Dijkstra per round cost most of the greedy's time for no
        // measurable gain in plan quality, since choices are ranked by `relaxedCost` against the current state.
        // h_max, which never counts a shared prerequisite twice: on long chains the h_add estimate doubles at
        // every link and would pick detours. Infinite for courses that cannot be taken.
        estimate = estimates(for: state, combine: max)
        let rank = estimate
        supporter = [Int32](repeating: -1, count: graph.skillCount * 6)
        for skill in 0..<graph.skillCount {
            for provider in graph.providers[skill] where estimate[Int(provider.course)].isFinite {
                var level = Int(provider.needs) + 1
                while level <= Int(provider.level) {
                    let slot = skill * 6 + level
                    let current = supporter[slot]
                    if current < 0 || (rank[Int(provider.course)], provider.course) < (rank[Int(current)], current) {
                        supporter[slot] = provider.course
                    }
                    level += 1
                }
            }
        }
        countedAt = [UInt32](repeating: 0, count: graph.courseCount)
        while true {
            let unmet = goals.filter { state.levels[Int($0.skill)] < $0.level }
            if unmet.isEmpty { return state.order }
            var best: (ratio: Double, cost: Double, course: Int32, state: State)?
            var tried = Set<Int32>()
            for goal in unmet {
                // Only the few providers that look cheapest are worth a trial each.
                var candidates: [(cost: Double, course: Int32)] = []
                for provider in graph.providers[goal.skill] where provider.canProvide(goal.level) {
                    let course = provider.course
                    guard !state.taken[Int(course)], estimate[Int(course)].isFinite else { continue }
                    candidates.append((estimate[Int(course)], course))
                }
                if candidates.count > 2 * Self.trialsPerGoal {
                    // Shortlist by h_max, then rank the shortlist by what each would really add.
                    candidates.sort { ($0.cost, $0.course) < ($1.cost, $1.course) }
                    candidates.removeLast(candidates.count - 2 * Self.trialsPerGoal)
                }
                if candidates.count > 1 {
                    for position in candidates.indices { candidates[position].cost = relaxedCost(candidates[position].course, in: state) }
                }
                candidates.sort { ($0.cost, $0.course) < ($1.cost, $1.course) }
                for (_, course) in candidates.prefix(Self.trialsPerGoal) where tried.insert(course).inserted {
                    var trial = state
                    var visiting = Set<Int32>()
                    guard realize(course, in: &trial, visiting: &visiting) else { continue }
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

    /// Adds `course` to the state after first adding, depth first, each `after` course not yet taken and,
    /// for each requirement it still lacks, the provider with the lowest `relaxedCost`; false (the trial is
    /// then dropped) when some requirement has no provider left. Iterative, with its own stack: a chain of
    /// prerequisites thousands long must not overflow the thread's stack.
    mutating func realize(_ course: Int32, in state: inout State, visiting: inout Set<Int32>) -> Bool {
        struct Frame {
            var course: Int32
            var nextPrior = 0
            var nextRequirement = 0
        }
        if state.taken[Int(course)] { return true }
        guard !graph.cutOff[Int(course)], visiting.insert(course).inserted else { return false }
        var stack = [Frame(course: course)]
        while let top = stack.last {
            let c = Int(top.course)
            let priors = graph.after[c]
            if top.nextPrior < priors.count {
                stack[stack.count - 1].nextPrior += 1
                let prior = priors[priors.startIndex + top.nextPrior]
                guard !state.taken[Int(prior)] else { continue }
                guard !graph.cutOff[Int(prior)], visiting.insert(prior).inserted else { return false }
                stack.append(Frame(course: prior))
                continue
            }
            let requirements = graph.requires[c]
            if top.nextRequirement < requirements.count {
                stack[stack.count - 1].nextRequirement += 1
                let requirement = requirements[requirements.startIndex + top.nextRequirement]
                guard state.levels[Int(requirement.skill)] < requirement.level else { continue }
                guard let choice = provider(for: requirement, in: state, visiting: visiting) else { return false }
                guard !graph.cutOff[Int(choice)], visiting.insert(choice).inserted else { return false }
                stack.append(Frame(course: choice))
                continue
            }
            state.taken[c] = true
            graph.apply(c, to: &state.levels)
            state.order.append(top.course)
            visiting.remove(top.course)
            stack.removeLast()
        }
        return true
    }

    /// The provider `realize` picks for a requirement: the one with the lowest relaxed cost (a single
    /// option needs no deciding).
    mutating func provider(for requirement: PlanningGraph.Entry, in state: State, visiting: Set<Int32>) -> Int32? {
        var options: [Int32] = []
        for provider in graph.providers[requirement.skill] where provider.canProvide(requirement.level) {
            let p = Int(provider.course)
            if !state.taken[p], estimate[p].isFinite, !visiting.contains(provider.course) { options.append(provider.course) }
        }
        if options.count > Self.trialsPerGoal {
            // Each relaxed cost walks the option's whole relaxed plan, and on long chains a realize asks once
            // per link: shortlist by h_max first, as for goals.
            options.sort { (estimate[Int($0)], $0) < (estimate[Int($1)], $1) }
            options.removeLast(options.count - Self.trialsPerGoal)
        }
        var choice = options.first
        if options.count > 1 {
            var cheapest = Double.infinity
            for option in options {
                let cost = relaxedCost(option, in: state)
                if cost < cheapest || (cost == cheapest && option < (choice ?? .max)) {
                    cheapest = cost
                    choice = option
                }
            }
        }
        return choice
    }

    /// What adding `course` would cost on top of the state: its weight and that of every course its relaxed
    /// plan needs (the best supporter of each missing level, recursively), each counted once. Unlike the
    /// h_add estimate, shared prerequisites are not counted twice, which on long chains (where every course
    /// needs both the previous level and the previous skill) would otherwise double at every link.
    mutating func relaxedCost(_ course: Int32, in state: State) -> Double {
        stamp &+= 1
        if stamp == 0 {
            for index in countedAt.indices { countedAt[index] = 0 }
            stamp = 1
        }
        var total = 0.0
        var stack: [Int32] = []
        swap(&stack, &relaxedStack)
        defer { swap(&stack, &relaxedStack) }
        stack.removeAll(keepingCapacity: true)
        stack.append(course)
        while let next = stack.popLast() {
            let c = Int(next)
            guard !state.taken[c], countedAt[c] != stamp else { continue }
            countedAt[c] = stamp
            total += weight[c]
            for requirement in graph.requires[c] where state.levels[Int(requirement.skill)] < requirement.level {
                let provider = supporter[Int(requirement.skill) * 6 + Int(requirement.level)]
                guard provider >= 0 else { return .infinity }
                stack.append(provider)
            }
            for prior in graph.after[c] where !state.taken[Int(prior)] { stack.append(prior) }
        }
        return total
    }

    /// h_add estimates from the current state: for each course, its weight plus the estimated cost of each
    /// requirement it still lacks (the cheapest estimate among the courses able to be first to reach it) and
    /// of each `after` course not yet taken. Untakeable courses stay at infinity.
    ///
    /// A generalised Dijkstra (Knuth 1977): courses are settled cheapest first, and settling one fixes the
    /// cost of every skill level it is first to provide, which counts down the courses waiting for that level.
    /// O(E log n) per call, where the fixed-point iteration it replaces was O(n · E).
    /// `combine` folds the requirements' costs: `+` gives h_add, `max` gives h_max.
    func estimates(for state: State, combine: (Double, Double) -> Double = (+)) -> [Double] {
        let n = graph.courseCount
        var estimate = [Double](repeating: .infinity, count: n)
        var partial = [Double](repeating: 0, count: n)
        var pending = [Int32](repeating: -1, count: n)
        var settled = [Bool](repeating: false, count: n)
        // Bit `l` set once level `l` of a skill has its cost fixed (or is already held).
        var fixed = state.levels.map { level in UInt8(truncatingIfNeeded: (1 << (Int(level) + 1)) - 1) }
        var heap = MinHeap<Estimate>()
        for c in 0..<n where !state.taken[c] && !graph.cutOff[c] {
            var count: Int32 = 0
            for requirement in graph.requires[c] where state.levels[Int(requirement.skill)] < requirement.level { count += 1 }
            for prior in graph.after[c] where !state.taken[Int(prior)] { count += 1 }
            pending[c] = count
            partial[c] = 0
            if count == 0 {
                estimate[c] = weight[c]
                heap.push(Estimate(cost: weight[c], course: Int32(c)))
            }
        }
        func satisfy(_ waiter: Int, cost: Double) {
            guard pending[waiter] > 0 else { return }
            partial[waiter] = combine(partial[waiter], cost)
            pending[waiter] -= 1
            if pending[waiter] == 0 {
                estimate[waiter] = weight[waiter] + partial[waiter]
                heap.push(Estimate(cost: estimate[waiter], course: Int32(waiter)))
            }
        }
        while let next = heap.pop() {
            let c = Int(next.course)
            guard !settled[c] else { continue }
            settled[c] = true
            for follower in graph.followers[c] { satisfy(Int(follower), cost: next.cost) }
            for entry in graph.teaches[c] {
                let skill = Int(entry.skill)
                let needs = graph.requires[c].first { $0.skill == entry.skill }?.level ?? 0
                var newly: UInt8 = 0
                var level = Int(needs) + 1
                while level <= Int(entry.level) {
                    let bit = UInt8(1) << level
                    if fixed[skill] & bit == 0 { newly |= bit }
                    level += 1
                }
                guard newly != 0 else { continue }
                fixed[skill] |= newly
                for waiter in graph.waiters[skill] where newly & (UInt8(1) << waiter.level) != 0 {
                    satisfy(Int(waiter.course), cost: next.cost)
                }
            }
        }
        return estimate
    }

    struct Estimate: Comparable {
        var cost: Double
        var course: Int32

        static func < (lhs: Estimate, rhs: Estimate) -> Bool {
            lhs.cost != rhs.cost ? lhs.cost < rhs.cost : lhs.course < rhs.course
        }
    }
}
