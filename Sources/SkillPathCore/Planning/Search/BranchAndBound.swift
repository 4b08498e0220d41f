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
/// The bound is the larger of two admissible estimates of what is still to pay: a fractional set cover (every
/// target without an inside provider needs at least one outside course, and a course covering k of them is
/// charged 1/k of its weight for each), and h_max (the dearest single target, counting the cheapest chain of
/// prerequisites it needs). The cover sees breadth, h_max sees depth: on long prerequisite chains it bounds
/// the whole chain at once. A node is cut only when its bound is strictly worse than the best plan, so ties
/// are explored and the id tie-break is exact.
///
/// Sibling branches are disjoint: once a branch has explored every plan containing its provider, the later
/// siblings forbid that provider. The search runs depth first on one mutable state with an undo trail, so a
/// node allocates nothing; nodes are memoised by a Zobrist hash of their course set, forbidden courses and
/// deferred targets.
struct BranchAndBound {
    let graph: PlanningGraph
    let goals: [PlanningGraph.Entry]
    let weights: CourseWeights
    let maxCost: Int64?
    /// The work the search may do: each node costs one unit per two courses of the graph, each h_max
    /// estimate one per course (a deterministic measure of time, so the same question always stops at the
    /// same place).
    let workLimit: Int
    /// The work the search may do without improving on the best plan: a search that has stalled for this
    /// long is proving, not improving, and stops (the plan is then not claimed optimal).
    let patience: Int
    private var lastImprovement = 0

    private(set) var best: PlanKey?
    private(set) var work = 0
    /// False when the work limit stopped the search: `best` is then the best found, not proven optimal.
    private(set) var complete = true

    // The current node.
    private var member: BitSet
    private var taken: BitSet
    /// Courses the current subtree may not add: earlier siblings already explored every plan containing them.
    private var forbidden: BitSet
    private var levels: [UInt8]
    private var primary: Int64 = 0
    private var secondary: Int64 = 0
    private var cost: Int64 = 0
    private var count = 0
    /// Targets (skill << 8 | level) left to blocked courses already in the set, ascending.
    private var deferred: [Int32] = []
    private var hash: UInt64 = 0

    // Undo trails and scratch, reused by every node.
    private var levelTrail: [(skill: Int32, level: UInt8)] = []
    private var takenTrail: [Int32] = []
    /// For each course, its unmet requirements plus its `after` courses not taken, kept up to date as levels
    /// rise and members are taken (and restored on undo through `blockerTrail`).
    private var blockers: [Int32]
    private var blockerTrail: [Int32] = []
    private var visited = Set<UInt64>()
    private let courseKeys: [UInt64]
    private let forbiddenKeys: [UInt64]
    private var targets: [Target] = []
    private var targetKeys: [Int32] = []
    private var outside: [Int32] = []
    private var branches: [Int32] = []
    /// How many open targets each course covers, for the cover bound. All zero between nodes.
    private var coverage: [Int32]
    /// Per (skill, level): the node stamp that last opened it, so each target is listed once per node.
    private var openedAt: [UInt32]
    private var stamp: UInt32 = 0
    private var bound: HMaxBound
    private var useHMax = false

    init(
        graph: PlanningGraph, goals: [PlanningGraph.Entry], weights: CourseWeights, maxCost: Int64?, workLimit: Int, patience: Int,
        incumbent: PlanKey?
    ) {
        self.patience = patience
        self.graph = graph
        self.goals = goals
        self.weights = weights
        self.maxCost = maxCost
        self.workLimit = workLimit
        self.best = incumbent
        member = BitSet(count: graph.courseCount)
        taken = BitSet(count: graph.courseCount)
        forbidden = BitSet(count: graph.courseCount)
        levels = graph.initialLevels
        // The graph keeps only requirements unmet at the start, and only `after` courses not yet done.
        blockers = (0..<graph.courseCount).map { Int32(graph.requires[$0].count + graph.after[$0].count) }
        coverage = [Int32](repeating: 0, count: graph.courseCount)
        openedAt = [UInt32](repeating: 0, count: graph.skillCount * 8)
        var keys = SeededKeys(seed: UInt64(graph.courseCount))
        courseKeys = (0..<graph.courseCount).map { _ in keys.next() }
        forbiddenKeys = (0..<graph.courseCount).map { _ in keys.next() }
        bound = HMaxBound(graph: graph, weights: weights.primary)
    }

    mutating func run() {
        // h_max pays off where prerequisites run deep: use it when, at the root, it already says more than
        // the cover bound does. On shallow catalogs it rarely would, and each estimate costs a Dijkstra.
        if !goals.allSatisfy({ levels[Int($0.skill)] >= $0.level }) {
            openTargets()
            if let cover = coverBound() {
                work += graph.courseCount
                let deep = bound.estimate(targets: targetKeys, levels: levels, member: member, taken: taken, forbidden: forbidden, blockers: blockers, limit: HMaxBound.unreachable)
                useHMax = deep > cover.primary
            }
        }
        search()
    }

    /// An open target: a skill level that a goal or a blocked member still needs.
    struct Target {
        var key: Int32
        var outsideStart: Int
        var outsideCount: Int
        var providedInside: Bool
    }

    /// - Parameter inherited: a lower bound on what remains to pay, from the parent: the parent's bound minus
    /// the weight of the course just added (what the best completion from here plus that course cannot beat).
    private mutating func search(inherited: Int64 = 0) {
        work += 1 + graph.courseCount / 2
        // The search recurses once per course added: a question with thousands of steps stops here rather
        // than deeper than the thread's stack allows (the plan is then the best found, not proven).
        if work > workLimit || work - lastImprovement > patience || count > Self.maximumDepth {
            complete = false
            return
        }
        if goals.allSatisfy({ levels[Int($0.skill)] >= $0.level }) {
            consider()
            return
        }
        guard visited.insert(hash).inserted else { return }
        if takeForcedAfter(inherited: inherited) { return }
        openTargets()
        guard let lowest = lowerBound(inherited: inherited), let target = chosenTarget() else { return }
        branch(on: target, lowest: lowest)
    }

    /// An `after` course of a blocked member must join the set: a single forced branch, searched here.
    /// Returns whether there was one (the node is then done).
    private mutating func takeForcedAfter(inherited: Int64) -> Bool {
        let graph = self.graph
        var blockedCursor = nextBlocked(from: 0)
        while let blocked = blockedCursor {
            blockedCursor = nextBlocked(from: blocked + 1)
            if let prior = graph.after[blocked].first(where: { !member.contains(Int($0)) }) {
                guard !forbidden.contains(Int(prior)) else { return true }
                let mark = add(prior)
                search(inherited: inherited - weights.primary[Int(prior)])
                undo(to: mark)
                return true
            }
        }
        return false
    }

    /// A lower bound on what remains to pay from this node, or nil when it cannot beat the best plan found
    /// (or the budget).
    private mutating func lowerBound(inherited: Int64) -> Int64? {
        guard let cover = coverBound() else { return nil }
        if let maxCost, cost + cover.cost > maxCost { return nil }
        var lowest = max(cover.primary, inherited)
        if let best {
            // h_max costs a Dijkstra: run it only when the cheaper bounds do not already cut the node, and
            // on alternate levels when the parent's bound is passed down (it loses only the added weight).
            let room = best.primary - primary
            if useHMax && lowest <= room && (inherited <= cover.primary || count % 2 == 0) {
                work += graph.courseCount
                lowest = max(lowest, bound.estimate(targets: targetKeys, levels: levels, member: member, taken: taken, forbidden: forbidden, blockers: blockers, limit: room))
            }
            let lower = (primary + lowest, secondary + cover.secondary, count + Int(cover.count))
            if lower > (best.primary, best.secondary, best.count) { return nil }
        }
        return lowest
    }

    /// The open, not deferred target with the fewest outside providers: the one to branch on.
    private func chosenTarget() -> Target? {
        var chosen: Target?
        for target in targets where !deferred.contains(target.key) {
            if let current = chosen, (current.outsideCount, current.key) <= (target.outsideCount, target.key) { continue }
            chosen = target
        }
        return chosen
    }

    /// One branch per outside provider of `target`, cheapest first, then (when a member can provide it) one
    /// that defers the target.
    private mutating func branch(on target: Target, lowest: Int64) {
        let start = branches.count
        branches.append(contentsOf: outside[target.outsideStart..<target.outsideStart + target.outsideCount])
        branches[start...].sort { lhs, rhs in
            let l = Int(lhs), r = Int(rhs)
            return (weights.primary[l], weights.secondary[l], lhs) < (weights.primary[r], weights.secondary[r], rhs)
        }
        // Each branch explores every plan containing its provider, so later siblings (and the deferral)
        // need not: they forbid it, which keeps the subtrees disjoint and their bounds tighter.
        var forbade = start
        for position in start..<branches.count {
            let course = branches[position]
            let mark = add(course)
            search(inherited: lowest - weights.primary[Int(course)])
            undo(to: mark)
            if !complete { break }
            forbidden.insert(Int(course))
            hash ^= forbiddenKeys[Int(course)]
            forbade = position + 1
        }
        if complete && target.providedInside {
            let key = target.key
            deferred.insert(key, at: deferred.firstIndex { $0 > key } ?? deferred.count)
            hash ^= Self.deferredKey(key)
            search(inherited: lowest)
            hash ^= Self.deferredKey(key)
            deferred.removeAll { $0 == key }
        }
        for position in start..<forbade {
            forbidden.remove(Int(branches[position]))
            hash ^= forbiddenKeys[Int(branches[position])]
        }
        branches.removeSubrange(start...)
    }

    /// The first member not yet taken at or after `start`, if any.
    private func nextBlocked(from start: Int) -> Int? {
        var index = start >> 6
        guard index < member.words.count else { return nil }
        var word = member.words[index] & ~taken.words[index] & (~0 << UInt64(start & 63))
        while true {
            if word != 0 { return index * 64 + word.trailingZeroBitCount }
            index += 1
            guard index < member.words.count else { return nil }
            word = member.words[index] & ~taken.words[index]
        }
    }

    /// Fills `targets` and `outside` with the open targets of the current node.
    private mutating func openTargets() {
        targets.removeAll(keepingCapacity: true)
        targetKeys.removeAll(keepingCapacity: true)
        outside.removeAll(keepingCapacity: true)
        stamp &+= 1
        if stamp == 0 {
            for index in openedAt.indices { openedAt[index] = 0 }
            stamp = 1
        }
        let graph = self.graph
        for goal in goals { open(goal.skill, goal.level) }
        var blockedCursor = nextBlocked(from: 0)
        while let blocked = blockedCursor {
            blockedCursor = nextBlocked(from: blocked + 1)
            for requirement in graph.requires[blocked] { open(requirement.skill, requirement.level) }
        }
    }

    private mutating func open(_ skill: Int32, _ level: UInt8) {
        let graph = self.graph
        let slot = Int(skill) * 8 + Int(level)
        guard levels[Int(skill)] < level, openedAt[slot] != stamp else { return }
        openedAt[slot] = stamp
        let start = outside.count
        var inside = false
        for provider in graph.providers[skill] where provider.canProvide(level) {
            if member.contains(Int(provider.course)) {
                inside = true
            } else if !forbidden.contains(Int(provider.course)) {
                outside.append(provider.course)
            }
        }
        targets.append(Target(key: skill << 8 | Int32(level), outsideStart: start, outsideCount: outside.count - start, providedInside: inside))
        targetKeys.append(skill << 8 | Int32(level))
    }

    /// The fractional cover of the targets no member provides, for the objective, the tie-break measure, the
    /// cost and the course count; nil when some target has no provider at all (the node is a dead end).
    private mutating func coverBound() -> (primary: Int64, secondary: Int64, cost: Int64, count: Int64)? {
        let weights = self.weights
        for target in targets where !target.providedInside {
            if target.outsideCount == 0 { return nil }
            for provider in outside[target.outsideStart..<target.outsideStart + target.outsideCount] { coverage[Int(provider)] += 1 }
        }
        var sum = (primary: 0.0, secondary: 0.0, cost: 0.0, count: 0.0)
        for target in targets where !target.providedInside {
            var cheapest = (primary: Double.infinity, secondary: Double.infinity, cost: Double.infinity, count: Double.infinity)
            for provider in outside[target.outsideStart..<target.outsideStart + target.outsideCount] {
                let p = Int(provider)
                let share = Double(coverage[p])
                cheapest.primary = min(cheapest.primary, Double(weights.primary[p]) / share)
                cheapest.secondary = min(cheapest.secondary, Double(weights.secondary[p]) / share)
                cheapest.cost = min(cheapest.cost, Double(weights.cost[p]) / share)
                cheapest.count = min(cheapest.count, 1 / share)
            }
            sum.primary += cheapest.primary
            sum.secondary += cheapest.secondary
            sum.cost += cheapest.cost
            sum.count += cheapest.count
        }
        for provider in outside { coverage[Int(provider)] = 0 }
        return (Self.ceiling(sum.primary), Self.ceiling(sum.secondary), Self.ceiling(sum.cost), Self.ceiling(sum.count))
    }

    static let maximumDepth = 1_500

    /// What `undo` needs to return to the node before an `add`.
    struct Mark {
        var levelTrail: Int
        var takenTrail: Int
        var blockerTrail: Int
        var course: Int32
        var primary: Int64
        var secondary: Int64
        var cost: Int64
        var hash: UInt64
    }

    /// Adds a course to the set and takes every member that has become takeable, until none has.
    private mutating func add(_ course: Int32) -> Mark {
        let graph = self.graph
        let weights = self.weights
        let mark = Mark(levelTrail: levelTrail.count, takenTrail: takenTrail.count, blockerTrail: blockerTrail.count, course: course, primary: primary,
                        secondary: secondary, cost: cost, hash: hash)
        let c = Int(course)
        member.insert(c)
        hash ^= courseKeys[c]
        primary += weights.primary[c]
        secondary += weights.secondary[c]
        cost += weights.cost[c]
        count += 1
        var progress = true
        while progress {
            progress = false
            var blockedCursor = nextBlocked(from: 0)
            while let blocked = blockedCursor {
                if blockers[blocked] == 0 && !graph.cutOff[blocked] {
                    take(Int32(blocked))
                    progress = true
                }
                blockedCursor = nextBlocked(from: blocked + 1)
            }
        }
        return mark
    }

    private mutating func take(_ course: Int32) {
        let graph = self.graph
        taken.insert(Int(course))
        takenTrail.append(course)
        for follower in graph.followers[Int(course)] {
            blockers[Int(follower)] -= 1
            blockerTrail.append(follower)
        }
        for entry in graph.teaches[Int(course)] {
            let skill = Int(entry.skill)
            let old = levels[skill]
            guard old < entry.level else { continue }
            levelTrail.append((entry.skill, old))
            levels[skill] = entry.level
            for waiter in graph.waiters[skill] {
                guard waiter.level <= entry.level else { break }
                if waiter.level > old {
                    blockers[Int(waiter.course)] -= 1
                    blockerTrail.append(waiter.course)
                }
            }
        }
    }

    private mutating func undo(to mark: Mark) {
        while blockerTrail.count > mark.blockerTrail { blockers[Int(blockerTrail.removeLast())] += 1 }
        while levelTrail.count > mark.levelTrail {
            let entry = levelTrail.removeLast()
            levels[Int(entry.skill)] = entry.level
        }
        while takenTrail.count > mark.takenTrail { taken.remove(Int(takenTrail.removeLast())) }
        member.remove(Int(mark.course))
        primary = mark.primary
        secondary = mark.secondary
        cost = mark.cost
        hash = mark.hash
        count -= 1
    }

    private mutating func consider() {
        let plan = taken.members
        if let maxCost, weights.total(plan) > maxCost { return }
        let key = PlanKey(courses: plan, weights: weights)
        if let best, !(key < best) { return }
        best = key
        lastImprovement = work
    }

    private static func deferredKey(_ key: Int32) -> UInt64 {
        var keys = SeededKeys(seed: 0xD1B5_4A32_D192_ED03 ^ UInt64(UInt32(bitPattern: key)))
        return keys.next()
    }

    /// The smallest integer not below a fractional bound, allowing for rounding in the sum.
    private static func ceiling(_ value: Double) -> Int64 {
        let adjusted = value - 1e-6
        let whole = Int64(adjusted)
        return Double(whole) < adjusted ? whole + 1 : max(whole, 0)
    }
}

/// SplitMix64 for Zobrist keys: fixed seeds, so that the search (and its rare hash collision, about one in
/// 2^64 per pair of nodes) is the same on every run.
struct SeededKeys {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
