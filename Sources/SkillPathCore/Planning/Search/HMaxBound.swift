/// h_max, the admissible "dearest single target" estimate from AI planning, for the branch-and-bound.
///
/// From a node's levels, the cost of a course is its weight (zero for a course already chosen) plus the
/// largest cost among the skill levels and `after` courses it still needs; the cost of a skill level is the
/// cheapest course able to be first to provide it. Any plan from the node must pay at least the cost of every
/// open target, so the largest of them is a lower bound on what remains. Unlike the set-cover bound, it sees a
/// whole chain of prerequisites at once, which is what prunes searches on deep catalogs.
///
/// Computed by a generalised Dijkstra (courses settled cheapest first), stopping as soon as every target is
/// settled or the cost passes what could still matter. Buffers are reused from call to call and the pending
/// counts come from the search's own bookkeeping, so a call costs what it settles, not the graph's size.
struct HMaxBound {
    let graph: PlanningGraph
    let weights: [Int64]
    private var pending: [Int32]
    private var partial: [Int64]
    /// Per course, the call that last settled it / last wrote `partial` (so nothing is cleared per call).
    private var settledAt: [UInt32]
    private var partialAt: [UInt32]
    private var stamp: UInt32 = 0
    /// Courses by weight: the ones ready at a node are settled straight from this list, without a heap.
    private let byWeight: [Int32]
    /// Per skill, bit `l` once level `l` is held or has its final cost.
    private var fixed: [UInt8]
    /// Per skill, bit `l` when level `l` is a target of the current call.
    private var wanted: [UInt8]
    private var heap = MinHeap<Entry>()

    struct Entry: Comparable {
        var cost: Int64
        var course: Int32

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.cost != rhs.cost ? lhs.cost < rhs.cost : lhs.course < rhs.course
        }
    }

    /// Returned when a target cannot be reached at all from the node.
    static let unreachable = Int64.max / 4

    init(graph: PlanningGraph, weights: [Int64]) {
        self.graph = graph
        self.weights = weights
        pending = [Int32](repeating: 0, count: graph.courseCount)
        partial = [Int64](repeating: 0, count: graph.courseCount)
        settledAt = [UInt32](repeating: 0, count: graph.courseCount)
        partialAt = [UInt32](repeating: 0, count: graph.courseCount)
        byWeight = (0..<Int32(graph.courseCount)).map { Entry(cost: weights[Int($0)], course: $0) }.sorted().map(\.course)
        fixed = [UInt8](repeating: 0, count: graph.skillCount)
        wanted = [UInt8](repeating: 0, count: graph.skillCount)
    }

    /// The largest cost among `targets` (keys `skill << 8 | level`), or more than `limit` as soon as that is
    /// certain; `unreachable` when some target cannot be reached.
    /// `blockers` counts, per course, its unmet requirements and untaken `after` courses at the node.
    /// Forbidden courses are left out: no plan below the node may use them.
    mutating func estimate(targets: [Int32], levels: [UInt8], member: BitSet, taken: BitSet, forbidden: BitSet, blockers: [Int32], limit: Int64) -> Int64 {
        var remaining = 0
        for key in targets {
            let skill = Int(key >> 8)
            let bit = UInt8(1) << UInt8(key & 0xFF)
            if wanted[skill] & bit == 0 {
                wanted[skill] |= bit
                remaining += 1
            }
        }
        defer { for key in targets { wanted[Int(key >> 8)] = 0 } }
        guard remaining > 0 else { return 0 }
        let graph = self.graph
        let weights = self.weights
        let byWeight = self.byWeight
        for skill in 0..<graph.skillCount {
            fixed[skill] = UInt8(truncatingIfNeeded: (1 << (Int(levels[skill]) + 1)) - 1)
        }
        stamp &+= 1
        if stamp == 0 {
            for course in settledAt.indices { settledAt[course] = 0 }
            for course in partialAt.indices { partialAt[course] = 0 }
            stamp = 1
        }
        pending = blockers
        defer { heap.removeAll() }

        // Courses ready at the node cost their own weight: they come from `byWeight` in order, merged with
        // the heap of courses that become ready on the way.
        var cursor = 0
        var highest: Int64 = 0
        while true {
            while cursor < byWeight.count {
                let c = Int(byWeight[cursor])
                if blockers[c] == 0 && !member.contains(c) && !graph.cutOff[c] && !forbidden.contains(c) { break }
                cursor += 1
            }
            let ready = cursor < byWeight.count ? Entry(cost: weights[Int(byWeight[cursor])], course: byWeight[cursor]) : nil
            let next: Entry
            if let ready, heap.top.map({ ready < $0 }) ?? true {
                next = ready
                cursor += 1
            } else if let popped = heap.pop() {
                next = popped
            } else {
                return Self.unreachable
            }
            let c = Int(next.course)
            guard settledAt[c] != stamp, !taken.contains(c) else { continue }
            if next.cost > limit { return next.cost }
            settledAt[c] = stamp
            for follower in graph.followers[c] { satisfy(Int(follower), cost: next.cost, member: member, forbidden: forbidden) }
            for entry in graph.teaches[c] {
                let skill = Int(entry.skill)
                let needs = graph.requires[c].first { $0.skill == entry.skill }?.level ?? 0
                var newly: UInt8 = 0
                var level = Int(needs) + 1
                while level <= Int(entry.level) {
                    newly |= UInt8(1) << level
                    level += 1
                }
                newly &= ~fixed[skill]
                guard newly != 0 else { continue }
                fixed[skill] |= newly
                if wanted[skill] & newly != 0 {
                    remaining -= (wanted[skill] & newly).nonzeroBitCount
                    highest = max(highest, next.cost)
                    if remaining == 0 { return highest }
                }
                for waiter in graph.waiters[skill] where newly & (UInt8(1) << waiter.level) != 0 {
                    satisfy(Int(waiter.course), cost: next.cost, member: member, forbidden: forbidden)
                }
            }
        }
    }

    private func base(_ course: Int, _ member: BitSet) -> Int64 {
        member.contains(course) ? 0 : weights[course]
    }

    private mutating func satisfy(_ course: Int, cost: Int64, member: BitSet, forbidden: BitSet) {
        let graph = self.graph
        guard pending[course] > 0 else { return }
        if partialAt[course] != stamp {
            partialAt[course] = stamp
            partial[course] = 0
        }
        partial[course] = max(partial[course], cost)
        pending[course] -= 1
        if pending[course] == 0 && !graph.cutOff[course] && !forbidden.contains(course) {
            heap.push(Entry(cost: base(course, member) + partial[course], course: Int32(course)))
        }
    }
}
