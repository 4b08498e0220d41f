import Locking

/// Plans a readiness ranking made, by role and what the role needs of a person (`RelevantState`): the same
/// question always gets the same plan from one catalog, so a later ranking (the aspiration picture again,
/// `candidates.rank` for the same role) reuses it instead of planning again.
///
/// Keys are the plan's whole input, so nothing here is ever stale: a person whose skills changed has another
/// state, and a catalog reload builds a new index with an empty memo. Only plans that close the whole gap are
/// kept: they are the ones rankings need again and again, and an incomplete plan's explanations of what no
/// course closes are most of a plan's size on a catalog without courses (ESCO). Bounded: past `capacity`
/// plans it starts again from empty, which costs only replanning.
final class ReadinessPlanMemo: Sendable {
    struct Key: Hashable, Sendable {
        var target: Int32
        /// The leader's current role (-1 for none): the goals read it.
        var current: Int32
        var state: RelevantState
    }

    /// About 3 KB a plan on the shipped catalog: at most some 60 MB.
    static let capacity = 20_000

    private let plans = Locked<[Key: Plan]>([:])
    /// Each role's plan from no skills (`RoleBaseline`), made once per catalog.
    private let baselines = Locked<[Int32: RoleBaseline]>([:])

    func baseline(of role: Int32, planner: Planner) -> RoleBaseline {
        if let known = baselines.withLock({ $0[role] }) { return known }
        let made = RoleBaseline(role: role, planner: planner)
        baselines.withLock { $0[role] = made }
        return made
    }

    func plan(_ key: Key) -> Plan? {
        plans.withLock { $0[key] }
    }

    func remember(_ plan: Plan, for key: Key) {
        guard plan.complete else { return }
        plans.withLock { known in
            if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
            known[key] = plan
        }
    }

    var count: Int { plans.withLock { $0.count } }
}
