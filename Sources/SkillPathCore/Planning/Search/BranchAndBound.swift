/// Exact search for the best plan, within a work limit.
///
/// Each node is a set S of chosen courses. The courses of S that can be taken are taken (raising levels);
/// the others are "blocked". The open *targets* are the goals not yet met and the unmet entry requirements
/// of blocked courses. The search picks one target and branches on every course outside S that teaches it,
/// plus — when a blocked course in S already teaches it — one branch that *defers* the target to that course.
/// The deferral branch is what makes the search complete: in an optimal plan the first blocked course to be
/// taken has a requirement met by a course not yet in S, so some target always has an outside provider that
/// leads on to the optimum (docs/planning.md has the argument).
///
/// The bound is a fractional set cover: every target without an inside provider needs at least one outside
/// course, and a course covering k of them is charged 1/k of its weight for each. It is computed separately
/// for the objective, the tie-break measure and the course count, and a node is cut only when its bound is
/// strictly worse than the best plan, so ties are explored and the id tie-break is exact.
struct BranchAndBound {
    let graph: PlanningGraph
    let goals: [PlanningGraph.Entry]
    let weights: CourseWeights
    let maxCost: Int64?
    let nodeLimit: Int

    private(set) var best: PlanKey?
    private(set) var nodes = 0
    /// False when the node limit stopped the search: `best` is then the best found, not proven optimal.
    private(set) var complete = true
    private var visited = Set<Signature>()
    /// Scratch for the bound: how many open targets each course covers. All zero between nodes.
    private var coverage: [Int32]

    /// A node is determined by its member set and its deferred targets.
    struct Signature: Hashable {
        var member: BitSet
        var deferred: [Int32]
    }

    init(graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights, maxCost: Int64?, nodeLimit: Int, incumbent: PlanKey?) {
        self.graph = graph
        self.goals = goals
        self.weights = weights
        self.maxCost = maxCost
        self.nodeLimit = nodeLimit
        self.best = incumbent
        self.coverage = [Int32](repeating: 0, count: graph.courseCount)
    }

    struct Node {
        var member: BitSet
        var taken: BitSet
        var levels: [UInt8]
        var blocked: [Int32]
        var primary: Int64 = 0
        var secondary: Int64 = 0
        var cost: Int64 = 0
        var count = 0
        /// Targets (skill << 8 | level) left to blocked courses already in the set.
        var deferred: [Int32] = []
    }

    mutating func run() {
        let n = graph.courseCount
        search(Node(member: BitSet(count: n), taken: BitSet(count: n), levels: graph.initialLevels, blocked: []))
    }

    private mutating func search(_ node: Node) {
        nodes += 1
        if nodes > nodeLimit {
            complete = false
            return
        }
        if goals.allSatisfy({ node.levels[Int($0.skill)] >= $0.level }) {
            consider(node)
            return
        }
        guard visited.insert(Signature(member: node.member, deferred: node.deferred)).inserted else { return }

        // An `after` course of a blocked member must join the set: a single forced branch.
        for blocked in node.blocked {
            if let prior = graph.after[Int(blocked)].first(where: { !node.member.contains(Int($0)) }) {
                search(adding(prior, to: node))
                return
            }
        }

        let targets = openTargets(node)
        // The fractional cover bound: each target without an inside provider charges its cheapest outside
        // provider's weight divided by how many such targets that provider covers.
        var bound = (primary: 0.0, secondary: 0.0, cost: 0.0, count: 0.0)
        for target in targets.list where !target.providedInside {
            if target.outsideCount == 0 { return }
            for provider in targets.outside(of: target) { coverage[Int(provider)] += 1 }
        }
        for target in targets.list where !target.providedInside {
            var cheapest = (primary: Double.infinity, secondary: Double.infinity, cost: Double.infinity, count: Double.infinity)
            for provider in targets.outside(of: target) {
                let p = Int(provider)
                let share = Double(coverage[p])
                cheapest.primary = min(cheapest.primary, Double(weights.primary[p]) / share)
                cheapest.secondary = min(cheapest.secondary, Double(weights.secondary[p]) / share)
                cheapest.cost = min(cheapest.cost, Double(weights.cost[p]) / share)
                cheapest.count = min(cheapest.count, 1 / share)
            }
            bound.primary += cheapest.primary
            bound.secondary += cheapest.secondary
            bound.cost += cheapest.cost
            bound.count += cheapest.count
        }
        for provider in targets.outside { coverage[Int(provider)] = 0 }
        if let maxCost, node.cost + Self.ceiling(bound.cost) > maxCost { return }
        if let best {
            let lower = (node.primary + Self.ceiling(bound.primary), node.secondary + Self.ceiling(bound.secondary), node.count + Int(Self.ceiling(bound.count)))
            if lower > (best.primary, best.secondary, best.count) { return }
        }

        // Branch on the open, not deferred target with the fewest outside providers.
        var chosen: Target?
        for target in targets.list where !node.deferred.contains(target.key) {
            if let current = chosen, (current.outsideCount, current.key) <= (target.outsideCount, target.key) { continue }
            chosen = target
        }
        guard let target = chosen else { return }
        let ordered = targets.outside(of: target).sorted { lhs, rhs in
            let l = Int(lhs), r = Int(rhs)
            return (weights.primary[l], weights.secondary[l], lhs) < (weights.primary[r], weights.secondary[r], rhs)
        }
        for provider in ordered {
            search(adding(provider, to: node))
            if !complete { return }
        }
        if target.providedInside {
            var deferredNode = node
            deferredNode.deferred.append(target.key)
            deferredNode.deferred.sort()
            search(deferredNode)
        }
    }

    /// An open target: a skill level that a goal or a blocked member still needs.
    struct Target {
        var key: Int32
        var outsideStart: Int
        var outsideCount: Int
        var providedInside: Bool
    }

    /// The open targets of a node, with their outside providers stored in one flat array.
    struct Targets {
        var list: [Target] = []
        var outside: [Int32] = []

        func outside(of target: Target) -> ArraySlice<Int32> {
            outside[target.outsideStart..<target.outsideStart + target.outsideCount]
        }
    }

    private func openTargets(_ node: Node) -> Targets {
        var targets = Targets()
        func open(_ skill: Int32, _ level: UInt8) {
            let key = skill << 8 | Int32(level)
            guard node.levels[Int(skill)] < level, !targets.list.contains(where: { $0.key == key }) else { return }
            let start = targets.outside.count
            var inside = false
            for provider in graph.providers[skill] where provider.canProvide(level) {
                if node.member.contains(Int(provider.course)) { inside = true } else { targets.outside.append(provider.course) }
            }
            targets.list.append(Target(key: key, outsideStart: start, outsideCount: targets.outside.count - start, providedInside: inside))
        }
        for goal in goals { open(goal.skill, goal.level) }
        for blocked in node.blocked {
            for requirement in graph.requires[Int(blocked)] { open(requirement.skill, requirement.level) }
        }
        return targets
    }

    private func adding(_ course: Int32, to node: Node) -> Node {
        var next = node
        let c = Int(course)
        next.member.insert(c)
        next.primary += weights.primary[c]
        next.secondary += weights.secondary[c]
        next.cost += weights.cost[c]
        next.count += 1
        next.blocked.append(course)
        // Take every member that has become takeable, until none has.
        var progress = true
        while progress {
            progress = false
            for (position, member) in next.blocked.enumerated() where isTakeable(Int(member), next) {
                next.taken.insert(Int(member))
                graph.apply(Int(member), to: &next.levels)
                next.blocked.remove(at: position)
                progress = true
                break
            }
        }
        return next
    }

    private func isTakeable(_ course: Int, _ node: Node) -> Bool {
        if graph.cutOff[course] { return false }
        for entry in graph.requires[course] where node.levels[Int(entry.skill)] < entry.level { return false }
        for prior in graph.after[course] where !node.taken.contains(Int(prior)) { return false }
        return true
    }

    private mutating func consider(_ node: Node) {
        let plan = node.taken.members
        if let maxCost, weights.total(plan) > maxCost { return }
        let key = PlanKey(courses: plan, weights: weights)
        if best == nil || key < best! { best = key }
    }

    /// The smallest integer not below a fractional bound, allowing for rounding in the sum.
    private static func ceiling(_ value: Double) -> Int64 {
        let adjusted = value - 1e-6
        let whole = Int64(adjusted)
        return Double(whole) < adjusted ? whole + 1 : max(whole, 0)
    }
}
