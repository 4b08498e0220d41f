/// Which moves a suggestion may be: the kind of the catalog's transition from the current role, or `none`
/// for a role no transition leads to.
public enum MoveKindFilter: String, Sendable, CaseIterable {
    case promotion, lateral, secondment, none
    /// Project gigs (issue 21): no role is reached by one, so only `roles.suggest`'s projects answer to it.
    case project
}

/// A role an employee could move to, with the plan that would get them there.
public struct RoleSuggestion: Sendable {
    public var role: Role
    /// The catalog's transition from the current role, when there is one.
    public var transition: Transition.Kind?
    public var plan: Plan
    /// How alike the role is to the person's current role (or skills): see `RoleRelatedness`.
    public var relatedness: Double?
    /// With no transition to the role: the role between, when two of the catalog's transitions lead there.
    public var via: Role?
    /// The person's choice (1 = most wanted) when they said they want this role.
    public var wantedChoice: Int?
    /// The skills the person wants to grow that this role needs above their level.
    public var grows: [String] = []
}

/// What `suggestRoles` ranks by.
public enum SuggestionOrder: String, Sendable, CaseIterable {
    /// Related roles first (`RoleRelatedness`): a defined transition, then an essential skill in common, then
    /// the rest, each by relatedness.
    case relatedness
    /// The fewest plan hours first (`ReadinessRanking`).
    case hours
}

/// An employee ranked for a role.
public struct RankedCandidate: Sendable {
    public var id: String
    public var transition: Transition.Kind?
    public var plan: Plan
}

/// A ranking, and what it cost: how many roles or people were considered, and how many were planned.
public struct Ranking<Entry: Sendable>: Sendable {
    public var entries: [Entry]
    public var considered: Int
    public var planned: Int
}

extension Planner {
    /// The roles closest to a profile, by plan hours (see `ReadinessRanking`): every role but the current
    /// one whose move kind passes `kinds`.
    /// `favour` (the person's aspirations) lists wanted roles first and puts roles that raise a wanted skill
    /// before the rest (`SuggestionFavour`).
    public func suggestRoles(
        for profile: Profile, limit: Int, kinds: Set<MoveKindFilter>? = nil, order: SuggestionOrder = .hours, strict: Bool = false,
        favour: SuggestionFavour = SuggestionFavour()
    ) throws(PlanningError) -> Ranking<RoleSuggestion> {
        let index = catalog.index
        guard let first = catalog.roles.first else { return Ranking(entries: [], considered: 0, planned: 0) }
        let base = try resolve(profile: profile, targetRole: profile.role ?? first.id, options: PlanOptions(), strict: strict)
        var transitions: [Int32: Transition.Kind] = [:]
        if let current = base.current {
            for move in index.movesFrom[current] {
                let known = transitions[move.role]
                if known == nil || Self.preference(move.kind) < Self.preference(known ?? move.kind) { transitions[move.role] = move.kind }
            }
        }
        let passes = { (role: Int32) in kinds?.contains(transitions[role].map { MoveKindFilter(rawValue: $0.rawValue) ?? .none } ?? .none) ?? true }
        let resolved = ResolvedFavour(favour, index: index, current: base.current)
        let wanted = resolved.wanted.filter { passes($0.role) }.prefix(limit)
        let excluded = Set(wanted.map(\.role))
        let growing = { (role: Int32) in !resolved.grown(by: role, index: index, level: base.level).isEmpty }
        var ranking = order == .relatedness
            ? suggestRelatedRoles(base: base, transitions: transitions, limit: limit - wanted.count, kinds: kinds, excluded: excluded, favoured: growing)
            : suggestByHours(base: base, transitions: transitions, limit: limit - wanted.count, passes: passes, excluded: excluded, favoured: growing)
        let wantedEntries = wanted.map { entry in
            RoleSuggestion(role: catalog.roles[Int(entry.role)], transition: transitions[entry.role], plan: plan(toward: entry.role, from: base), wantedChoice: entry.choice)
        }
        ranking = Ranking(
            entries: wantedEntries + ranking.entries, considered: ranking.considered + wantedEntries.count, planned: ranking.planned + wantedEntries.count)
        for position in ranking.entries.indices {
            guard let number = index.roleNumbers[ranking.entries[position].role.id] else { continue }
            ranking.entries[position].grows = resolved.grown(by: number, index: index, level: base.level).map { catalog.skills[Int($0)].id }
        }
        return ranking
    }

    /// The plan from `base`'s levels to `role`, with the default options.
    func plan(toward role: Int32, from base: PlanningProblem) -> Plan {
        var problem = base
        problem.target = role
        problem.goals = PlanningProblem.goals(index: catalog.index, target: role, current: base.current, options: PlanOptions(), levels: base.levels)
        return plan(problem, options: PlanOptions())
    }

    /// Suggestions by plan hours (`SuggestionOrder.hours`): the `favoured` roles ranked first, then the rest.
    func suggestByHours(
        base: PlanningProblem, transitions: [Int32: Transition.Kind], limit: Int, passes: (Int32) -> Bool, excluded: Set<Int32>, favoured: (Int32) -> Bool
    ) -> Ranking<RoleSuggestion> {
        let index = catalog.index
        var groups: [[ReadinessRanking<Int32>.Candidate]] = [[], []]
        for number in 0..<Int32(catalog.roles.count) where number != base.current && passes(number) && !excluded.contains(number) {
            let cover = index.roleCovers.cover(role: number, index: index)
            groups[favoured(number) ? 0 : 1].append(.init(item: number, id: catalog.roles[Int(number)].id, estimate: cover.estimate(level: base.level)))
        }
        // The profile's closure, once: which level of each skill any sequence of courses can reach.
        let reached = catalog.index.scratchPool.withScratch(index: index) { scratch in
            scratch.apply(levels: base.levels, done: base.done)
            return scratch.reach.levels
        }
        let refine = { (role: Int32) in
            refined(role: role, cover: index.roleCovers.cover(role: role, index: index), level: base.level) { reached.indices.contains(Int($0)) ? reached[Int($0)] : 0 }
        }
        var entries: [RoleSuggestion] = []
        var planned = 0
        for candidates in groups where entries.count < limit {
            let (ranked, count) = ReadinessRanking.rank(candidates, limit: limit - entries.count, refine: refine) { role in plan(toward: role, from: base) }
            entries += ranked.map { RoleSuggestion(role: catalog.roles[Int($0.item)], transition: transitions[$0.item], plan: $0.plan) }
            planned += count
        }
        return Ranking(entries: entries, considered: groups[0].count + groups[1].count, planned: planned)
    }

    /// The people closest to a role, by plan hours from their own skills (see `ReadinessRanking`). Stored
    /// profiles are read leniently: skills and courses a catalog change removed are skipped.
    ///
    /// With `within` (hours, in hundredths), `limit` is a least count: the answer holds everyone whose plan
    /// closes the whole gap in at most that many hours, and at least `limit` people (`ReadinessRanking`).
    ///
    /// `numbers`: the people's profiles resolved once (`ProfileNumbers`, in the same order), when the same
    /// people are ranked for several roles.
    public func rankCandidates(
        _ people: [(id: String, profile: Profile)], for role: String, limit: Int, within: Int64? = nil, numbers: [ProfileNumbers?]? = nil
    ) throws(PlanningError) -> Ranking<RankedCandidate> {
        let index = catalog.index
        guard let target = index.roleNumbers[role] else {
            throw unknown(.unknownRole, field: "role", id: role, kind: "role", among: catalog.roles.lazy.map(\.id))
        }
        let groups = CandidateGroups(people, relevance: RoleRelevance(role: target, index: index), index: index, numbers: numbers)
        let (ranked, planned) = rank(groups, for: target, limit: limit, within: within.map(Double.init))
        // Every member of the ranked groups, with the group's plan naming their own current role.
        var planOfGroup: [Int: Plan] = [:]
        for group in ranked { planOfGroup[group.item] = group.plan }
        var listed: [(position: Int, plan: Plan)] = []
        for (position, group) in groups.groupOfPerson.enumerated() {
            guard var plan = planOfGroup[group] else { continue }
            plan.currentRole = groups.currentRole(of: position, index: index).map { catalog.roles[Int($0)].id }
            listed.append((position, plan))
        }
        listed.sort { left, right in ReadinessRanking<Int>.ranksBefore((left.plan, people[left.position].id), (right.plan, people[right.position].id)) }
        let entries = listed.prefix(within == nil ? limit : listed.count).map { person in
            let kinds = groups.currentRole(of: person.position, index: index).map { index.movesFrom[$0].filter { $0.role == target }.map(\.kind) } ?? []
            return RankedCandidate(id: people[person.position].id, transition: kinds.min { Self.preference($0) < Self.preference($1) }, plan: person.plan)
        }
        return Ranking(entries: Array(entries), considered: groups.groupOfPerson.count { $0 >= 0 }, planned: planned)
    }

    /// The first `limit` groups by readiness, each planned from its shared state (the first `limit` people
    /// are all in them: each group ahead of a person's group has a member, its first, ranked ahead of that
    /// person), and how many plans that took.
    func rank(_ groups: CandidateGroups, for target: Int32, limit: Int, within: Double? = nil) -> (ranked: [ReadinessRanking<Int>.Ranked], planned: Int) {
        let index = catalog.index
        let cover = index.roleCovers.cover(role: target, index: index)
        let states = groups.states
        let candidates = states.indices.map { group in
            ReadinessRanking<Int>.Candidate(item: group, id: groups.people[groups.leaders[group]].id, estimate: cover.estimate(level: states[group].level))
        }
        // Most people far from the role get the plan the empty profile gets: known once, and recognised
        // from a person's closure without planning.
        let baseline = index.readinessPlans.baseline(of: target, catalog: catalog)
        var shared = [Bool](repeating: false, count: states.count)
        // The landmark cut (`LandmarkCut`) raises the cover bound to about the plan's hours where plans are
        // mostly prerequisites, so that fewer candidates are planned only to fall behind the last one listed.
        let landmarkCut = index.roleRelaxations.relaxation(role: target, index: index).map(LandmarkCut.init)
        let refine = { (group: Int) -> ReadinessBound in
            var bound = readinessBound(of: states[group], target: target, cover: cover, baseline: baseline)
            shared[group] = bound.shared
            if bound.unmet == 0, !bound.shared, let landmarkCut {
                let state = states[group]
                bound.bound = max(bound.bound, Double(landmarkCut.bound(level: state.level, done: state.courses).hours))
            }
            return bound
        }
        var planned = 1
        let (ranked, _) = ReadinessRanking.rank(candidates, limit: limit, within: within, refine: refine) { group in
            if shared[group] { return baseline.plan }
            let made = readinessPlan(of: states[group], target: target, current: groups.currentRole(of: groups.leaders[group], index: index), baseline: baseline)
            if made.planned { planned += 1 }
            return made.plan
        }
        return (ranked, planned)
    }

    /// A state's plan to the role with the default options, as `resolve` builds the question (remembered per
    /// catalog: `ReadinessPlanMemo`), and whether it took a search (not remembered, not the baseline's).
    func readinessPlan(of state: RelevantState, target: Int32, current: Int32?, baseline: RoleBaseline) -> (plan: Plan, planned: Bool) {
        let index = catalog.index
        let key = ReadinessPlanMemo.Key(target: target, current: current ?? -1, state: state)
        if let known = index.readinessPlans.plan(key) { return (known, false) }
        var planned = false
        let made = index.scratchPool.withScratch(index: index) { scratch in
            scratch.apply(levels: state.levels, done: state.done)
            if baseline.isShared(by: state, closure: scratch) { return baseline.plan }
            planned = true
            let goals = PlanningProblem.goals(index: index, target: target, current: current, options: PlanOptions(), levels: state.levels)
            let problem = PlanningProblem(levels: state.levels, filter: CourseFilter(index: index, done: state.done), target: target, current: current, goals: goals)
            return plan(problem, options: PlanOptions(), closure: scratch)
        }
        index.readinessPlans.remember(made, for: key)
        return (made, planned)
    }

    /// A state's exact unmet count for the role and a lower bound on its plan's hours (`refined`), and whether
    /// its plan is the baseline's. Requirements the closure from zero skills reaches are reached from any
    /// profile, and those no course can provide are reached from none: only when an unmet one is neither
    /// (`doubtful`) is the state's own closure computed.
    func readinessBound(of state: RelevantState, target: Int32, cover: RoleCover, baseline: RoleBaseline) -> ReadinessBound {
        let index = catalog.index
        let doubtful = index.roleRequirements[target].contains { requirement in
            requirement.essential && state.level(requirement.skill) < requirement.level
                && index.zeroReach.levels[Int(requirement.skill)] < requirement.level && cover.canProvide(requirement.skill, requirement.level)
        }
        guard doubtful else {
            return refined(role: target, cover: cover, level: state.level) { skill in index.zeroReach.levels[Int(skill)] }
        }
        var shared = false
        let reached = index.scratchPool.withScratch(index: index) { scratch in
            scratch.apply(levels: state.levels, done: state.done)
            shared = baseline.isShared(by: state, closure: scratch)
            return Dictionary(index.roleRequirements[target].filter(\.essential).map { ($0.skill, scratch.reach.levels[Int($0.skill)]) }, uniquingKeysWith: max)
        }
        var bound = refined(role: target, cover: cover, level: state.level) { reached[$0] ?? 0 }
        bound.doubtful = true
        if shared {
            bound.shared = true
            bound.bound = Double(baseline.plan.totals.hours.hundredths)
        }
        return bound
    }

    /// A question's exact unmet count (essential requirements the profile's closure cannot reach) and a lower
    /// bound on the hours of the plan, which closes everything else: the role's cover bound with the
    /// unreachable requirements taken as met (the plan does not pay for them).
    func refined(role: Int32, cover: RoleCover, level: (Int32) -> UInt8, reached: (Int32) -> UInt8) -> ReadinessBound {
        let index = catalog.index
        var unreachable = Set<Int32>()
        for requirement in index.roleRequirements[role] where requirement.essential && level(requirement.skill) < requirement.level {
            if reached(requirement.skill) < requirement.level { unreachable.insert(requirement.skill) }
        }
        let estimate = cover.estimate { unreachable.contains($0) ? 5 : level($0) }
        return ReadinessBound(unmet: unreachable.count, bound: estimate.lowerBound)
    }

    /// Which transition kind describes a move when several lead to the same role.
    static func preference(_ kind: Transition.Kind) -> Int {
        Transition.Kind.allCases.firstIndex(of: kind) ?? 0
    }
}

extension Planner {
    /// The order of readiness rankings (`candidates.rank`): plans that close the whole gap first, by hours
    /// then id; then the others by how many skills stay unmet, then hours, then id.
    public static func ranksBefore(_ left: (plan: Plan, id: String), _ right: (plan: Plan, id: String)) -> Bool {
        ReadinessRanking<Int>.ranksBefore(left, right)
    }

    /// Each person's plan to `role`, by id: planned through `rankCandidates`, so people alike in what the
    /// role needs are planned once.
    public func plans(for people: [(id: String, profile: Profile)], to role: String) throws(PlanningError) -> [String: Plan] {
        let ranking = try rankCandidates(people, for: role, limit: people.count)
        return Dictionary(ranking.entries.map { ($0.id, $0.plan) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Planner {
    /// Builds what ranking people for `role` keeps per catalog (its cover, its plan from no skills, its
    /// relaxation for the landmark cut, its floor), so that the first ranking for it plans people only.
    /// The same structures the first ranking would build, so answers do not change; a role the catalog does
    /// not have is skipped.
    public func prepareRanking(for role: String) {
        guard let target = catalog.index.roleNumbers[role] else { return }
        prepareRanking(target)
    }

    /// The largest catalog (in courses) on which the daemon prepares every role for ranking after a load;
    /// above it, only every role's floor, and the rest as each role is first asked for.
    public static let rankingsPreparedUpTo = 20_000

    /// Every role prepared for ranking (`prepareRanking(for:)`): the daemon's background work after each
    /// catalog load, so that neither a catalog's first aspiration picture nor any role's first ranking pays
    /// for it (docs/benchmarks.md has its time and memory per catalog). Returns how many roles it prepared.
    @discardableResult public func prepareRankings() -> Int {
        for role in 0..<Int32(catalog.roles.count) { prepareRanking(role) }
        return catalog.roles.count
    }

    private func prepareRanking(_ target: Int32) {
        let index = catalog.index
        _ = index.roleCovers.cover(role: target, index: index)
        _ = index.readinessPlans.baseline(of: target, catalog: catalog)
        _ = index.roleRelaxations.relaxation(role: target, index: index)
        _ = index.readinessPlans.floor(of: target, catalog: catalog)
    }
}
