/// LM-cut (Helmert and Domshlak, "Landmarks, critical paths and abstractions", ICAPS 2009): an admissible
/// lower bound on the hours of any plan that reaches a role from a state, much tighter than the cover bound
/// where plans are mostly prerequisites. On the shipped catalog the cover bound is about half a plan's hours;
/// the cut is usually the plan's hours exactly.
///
/// Each round knows h_max (the cost of each fact as its dearest precondition chain, `RoleRelaxation`'s
/// actions at their remaining costs), then follows from the dearest goal back through each action's dearest
/// precondition to find a cut: a set of actions one of which every plan must take (a disjunctive landmark).
/// Its cheapest cost is added to the bound and taken off each of them, so no course pays twice; rounds go on
/// until the goals cost nothing. Values only fall — from the state holding nothing to a state's facts, and
/// from round to round as costs are taken off — so h_max is computed in full once per role and then only
/// lowered: from the facts a state holds, then from each cut's actions. Costs are whole hundredths: the bound
/// is exact arithmetic.
///
/// A class holding its working memory outside Swift arrays: one per role and thread, asked for thousands of
/// bounds in a succession report, where reference counting and uniqueness checks per access would cost more
/// than the arithmetic. Sized by the role's relaxation, never by the catalog.
final class LandmarkCut {
    let relaxation: RoleRelaxation
    private let factCount: Int
    private let actionCount: Int
    private let preconditions: PinnedLists
    private let effects: PinnedLists
    private let consumers: PinnedLists
    private let achievers: PinnedLists
    /// Per fact: its h_max; whether the state holds it; whether it is in the current cut's goal zone (false
    /// between cuts).
    private let value: UnsafeMutableBufferPointer<Int64>
    private let held: UnsafeMutableBufferPointer<Bool>
    private let inZone: UnsafeMutableBufferPointer<Bool>
    /// Per action: its precondition of highest h_max (-1 until it fires); its preconditions still to settle
    /// in a full pass; its remaining cost.
    private let dearest: UnsafeMutableBufferPointer<Int32>
    private let waiting: UnsafeMutableBufferPointer<Int32>
    private let cost: UnsafeMutableBufferPointer<Int64>
    /// h_max and dearest preconditions from the state that holds nothing, where every state's first pass
    /// starts: holding facts only lowers values, so a state's pass lowers from there what its facts reach
    /// rather than settling the whole relaxation. An action no pass fired has as its dearest a precondition
    /// that cannot be reached, so that reaching it wakes the action.
    private let baseValue: UnsafeMutableBufferPointer<Int64>
    private let baseDearest: UnsafeMutableBufferPointer<Int32>
    private let inCut: UnsafeMutableBufferPointer<Bool>
    /// The goal zone's facts, and the cut's actions (whether each is in it: false between cuts).
    private let stack: UnsafeMutableBufferPointer<Int32>
    private let crossing: UnsafeMutableBufferPointer<Int32>
    private var heap: FactHeap

    /// Standing for "cannot be reached": far from any sum of real hours, and safe to add to.
    static let unreachable = Int64.max / 4

    init(relaxation: RoleRelaxation) {
        self.relaxation = relaxation
        factCount = relaxation.factCount
        actionCount = relaxation.actionCount
        preconditions = PinnedLists(relaxation.preconditions)
        effects = PinnedLists(relaxation.effects)
        consumers = PinnedLists(relaxation.consumers)
        achievers = PinnedLists(relaxation.achievers)
        value = .allocate(capacity: factCount)
        held = .allocate(capacity: factCount)
        inZone = .allocate(capacity: factCount)
        inCut = .allocate(capacity: actionCount)
        dearest = .allocate(capacity: actionCount)
        waiting = .allocate(capacity: actionCount)
        cost = .allocate(capacity: actionCount)
        baseValue = .allocate(capacity: factCount)
        baseDearest = .allocate(capacity: actionCount)
        stack = .allocate(capacity: factCount)
        crossing = .allocate(capacity: actionCount)
        // A fact enters the heap when held or lowered by an action's effect: at most once for each.
        heap = FactHeap(capacity: factCount + effects.elements.count)
        value.initialize(repeating: 0)
        held.initialize(repeating: false)
        inZone.initialize(repeating: false)
        inCut.initialize(repeating: false)
        dearest.initialize(repeating: -1)
        waiting.initialize(repeating: 0)
        cost.initialize(repeating: 0)
        baseValue.initialize(repeating: 0)
        baseDearest.initialize(repeating: -1)
        stack.initialize(repeating: 0)
        crossing.initialize(repeating: 0)
        prepareBase()
    }

    /// Fills `baseValue` and `baseDearest` with a full pass from the state that holds only `started`.
    private func prepareBase() {
        held.update(repeating: false)
        held[Int(RoleRelaxation.started)] = true
        for action in 0..<actionCount { cost[action] = relaxation.actionHours[action] }
        computeValues()
        for action in 0..<actionCount where dearest[action] < 0 {
            dearest[action] = preconditions[action].first { value[Int($0)] >= Self.unreachable } ?? RoleRelaxation.started
        }
        _ = baseValue.update(fromContentsOf: value)
        _ = baseDearest.update(fromContentsOf: dearest)
    }

    deinit {
        for buffer in [stack, crossing, dearest, waiting] { buffer.deallocate() }
        value.deallocate()
        cost.deallocate()
        baseValue.deallocate()
        baseDearest.deallocate()
        held.deallocate()
        inZone.deallocate()
        inCut.deallocate()
        heap.deallocate()
        for lists in [preconditions, effects, consumers, achievers] { lists.deallocate() }
    }

    /// A lower bound (hundredths) on the hours of a plan from the state to the role that meets every goal the
    /// state can reach; goals it cannot reach are taken as met (a plan leaves them unmet and pays nothing).
    /// - Parameters:
    ///   - level: the state's level of a skill.
    ///   - done: the courses the state has completed, ascending. A completed course is held with all it
    ///     gives, whatever the planner makes of it: more held never raises the bound, so it stays a lower bound.
    ///   - enough: whether a bound already found is all the caller needs; then the rounds stop there, and the
    ///     bound returned is not `complete` (still a lower bound, only not the cut's last word).
    func bound(level: (Int32) -> UInt8, done: [Int32], enough: (Int64) -> Bool = { _ in false }) -> (hours: Int64, complete: Bool) {
        hold(level: level, done: done)
        var goals = relaxation.goals.filter { !held[Int($0)] }
        guard !goals.isEmpty else { return (0, true) }
        _ = value.update(fromContentsOf: baseValue)
        _ = dearest.update(fromContentsOf: baseDearest)
        heap.removeAll()
        for fact in 0..<factCount where held[fact] && value[fact] > 0 {
            value[fact] = 0
            heap.push(value: 0, fact: Int32(fact))
        }
        propagate()
        goals.removeAll { value[Int($0)] >= Self.unreachable }
        var total: Int64 = 0
        // Each round brings at least one action's cost to zero.
        for _ in 0...actionCount {
            guard let top = goals.max(by: { value[Int($0)] != value[Int($1)] ? value[Int($0)] < value[Int($1)] : $0 > $1 }), value[Int(top)] > 0 else { break }
            let count = cut(below: top)
            var least = Self.unreachable
            for position in 0..<count { least = min(least, cost[Int(crossing[position])]) }
            guard count > 0, least > 0 else { break }
            total = Self.adding(total, least)
            for position in 0..<count { cost[Int(crossing[position])] -= least }
            if enough(total) { return (total, false) }
            lower(after: count)
        }
        return (total, true)
    }

    /// What the state holds, and every action back at its full cost.
    private func hold(level: (Int32) -> UInt8, done: [Int32]) {
        let relaxation = relaxation
        for fact in 0..<factCount { held[fact] = false }
        held[Int(RoleRelaxation.started)] = true
        for (position, skill) in relaxation.skills.enumerated() {
            let reached = level(skill)
            for fact in relaxation.factsOfSkill[position] {
                guard relaxation.factLevel[Int(fact)] <= reached else { break }
                held[Int(fact)] = true
            }
        }
        for action in 0..<actionCount { cost[action] = relaxation.actionHours[action] }
        guard !done.isEmpty else { return }
        for fact in relaxation.courseFacts where Self.contains(done, relaxation.factCourse[Int(fact)]) { held[Int(fact)] = true }
        for action in 0..<actionCount where Self.contains(done, relaxation.actionCourse[action]) {
            for fact in effects[action] { held[Int(fact)] = true }
        }
    }

    /// Whether ascending `sorted` holds `course`.
    private static func contains(_ sorted: [Int32], _ course: Int32) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < course { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == course
    }

    /// h_max of every fact: a Dijkstra over facts, where an action fires when its last precondition settles
    /// (facts settle cheapest first, so that one is its dearest).
    private func computeValues() {
        heap.removeAll()
        for fact in 0..<factCount {
            value[fact] = held[fact] ? 0 : Self.unreachable
            if held[fact] { heap.push(value: 0, fact: Int32(fact)) }
        }
        for action in 0..<actionCount { waiting[action] = preconditions.offsets[action + 1] - preconditions.offsets[action] }
        dearest.update(repeating: -1)
        while let (settled, fact) = heap.pop() {
            guard settled == value[Int(fact)] else { continue }
            for action in consumers[Int(fact)] {
                waiting[Int(action)] -= 1
                guard waiting[Int(action)] == 0 else { continue }
                dearest[Int(action)] = fact
                offer(action, reaching: Self.adding(settled, cost[Int(action)]))
            }
        }
    }

    /// h_max again after the cut's actions got cheaper: values only fall, so only what the cut's actions give
    /// is lowered, and from there whatever has a lowered fact as its dearest precondition.
    private func lower(after count: Int) {
        heap.removeAll()
        for position in 0..<count {
            let action = crossing[position]
            offer(action, reaching: Self.adding(value[Int(dearest[Int(action)])], cost[Int(action)]))
        }
        propagate()
    }

    /// Lowers, cheapest first, whatever the facts in the heap reach: each action whose dearest precondition
    /// fell finds its dearest again and offers what it gives. Values only fall, so an action whose dearest
    /// did not fall keeps its value.
    private func propagate() {
        while let (settled, fact) = heap.pop() {
            guard settled == value[Int(fact)] else { continue }
            for action in consumers[Int(fact)] where dearest[Int(action)] == fact {
                var top = fact
                for need in preconditions[Int(action)] where value[Int(need)] > value[Int(top)] { top = need }
                dearest[Int(action)] = top
                offer(action, reaching: Self.adding(value[Int(top)], cost[Int(action)]))
            }
        }
    }

    /// Lowers what `action` gives to `reached` where that is cheaper.
    private func offer(_ action: Int32, reaching reached: Int64) {
        for fact in effects[Int(action)] where reached < value[Int(fact)] {
            value[Int(fact)] = reached
            heap.push(value: reached, fact: fact)
        }
    }

    /// Finds the actions that give a fact of the goal zone around `top`, the dearest goal, from outside it,
    /// into `crossing`; returns how many. The goal zone is what reaches `top` through actions that cost
    /// nothing any more, each by its dearest precondition. Every relaxed plan takes one of these actions:
    /// `top` is not held, and the first fact of the zone a plan reaches comes from an action whose dearest
    /// precondition lies outside. (Helmert and Domshlak keep only those of them reached from the state
    /// without crossing the zone; the whole set is still a landmark, and finding it walks the zone alone.)
    private func cut(below top: Int32) -> Int {
        inZone[Int(top)] = true
        stack[0] = top
        var members = 1
        var next = 0
        while next < members {
            let fact = stack[next]
            next += 1
            for action in achievers[Int(fact)] where cost[Int(action)] == 0 {
                let source = dearest[Int(action)]
                guard source >= 0, value[Int(source)] < Self.unreachable, !inZone[Int(source)] else { continue }
                inZone[Int(source)] = true
                stack[members] = source
                members += 1
            }
        }
        var count = 0
        for position in 0..<members {
            for action in achievers[Int(stack[position])] where !inCut[Int(action)] {
                let source = dearest[Int(action)]
                guard source >= 0, value[Int(source)] < Self.unreachable, !inZone[Int(source)] else { continue }
                inCut[Int(action)] = true
                crossing[count] = action
                count += 1
            }
        }
        for position in 0..<members { inZone[Int(stack[position])] = false }
        for position in 0..<count { inCut[Int(crossing[position])] = false }
        return count
    }

    private static func adding(_ left: Int64, _ right: Int64) -> Int64 {
        let (sum, overflow) = left.addingReportingOverflow(right)
        return overflow || sum > unreachable ? unreachable : sum
    }
}
