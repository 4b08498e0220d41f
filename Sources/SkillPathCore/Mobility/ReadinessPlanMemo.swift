import Locking

/// Plans a readiness ranking made, by role and what the role needs of a person (`RelevantState`): the same
/// question always gets the same plan from one catalog, so a later ranking (the aspiration picture again,
/// `candidates.rank` for the same role) reuses it instead of planning again.
///
/// Keys are the plan's whole input, so nothing here is ever stale: a person whose skills changed has another
/// state, and a catalog reload builds a new index with an empty memo. Bounded by size, not count: a plan weighs
/// one plus its steps and its unmet skills (an ESCO plan explains fifty skills no course closes; a shipped one
/// has ten steps), and past `capacity` the memo starts again from empty, which costs only replanning.
final class ReadinessPlanMemo: Sendable {
    struct Key: Hashable, Sendable {
        var target: Int32
        /// The leader's current role (-1 for none): the goals read it.
        var current: Int32
        var state: RelevantState
    }

    /// About 250 bytes a unit (a step or an unmet skill, with its reasons): at most some 75 MB.
    static let capacity = 300_000

    private let plans = Locked<(plans: [Key: Plan], weight: Int)>(([:], 0))
    /// Each role's plan from no skills (`RoleBaseline`), made once per catalog.
    private let baselines = Locked<[Int32: RoleBaseline]>([:])

    /// Made at the default search work whoever asks, so that it depends on the catalog alone: the planner
    /// floors its answers with it (`Planner.floored`), and an answer must not depend on who asked first.
    func baseline(of role: Int32, catalog: Catalog) -> RoleBaseline {
        if let known = baselines.withLock({ $0[role] }) { return known }
        let made = RoleBaseline(role: role, planner: Planner(catalog: catalog))
        baselines.withLock { $0[role] = made }
        return made
    }

    /// Each role's floor (`RoleFloor`), made once per catalog and always the same way, so that the planner and
    /// the succession benches that rely on it read the very same courses, whoever asked first.
    private let floors = Locked<[Int32: RoleFloor]>([:])

    func floor(of role: Int32, catalog: Catalog) -> RoleFloor {
        if let known = floors.withLock({ $0[role] }) { return known }
        let made = RoleFloor(role: role, catalog: catalog)
        floors.withLock { $0[role] = made }
        return made
    }

    func plan(_ key: Key) -> Plan? {
        plans.withLock { $0.plans[key] }
    }

    func remember(_ plan: Plan, for key: Key) {
        let weight = 1 + plan.steps.count + plan.unmet.count
        plans.withLock { known in
            if known.weight + weight > Self.capacity { known = ([:], 0) }
            if known.plans.updateValue(plan, forKey: key) == nil { known.weight += weight }
        }
    }
}
