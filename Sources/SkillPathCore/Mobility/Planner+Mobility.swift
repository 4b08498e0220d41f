/// Which moves a suggestion may be: the kind of the catalog's transition from the current role, or `none`
/// for a role no transition leads to.
public enum MoveKindFilter: String, Sendable, CaseIterable {
    case promotion, lateral, secondment, none
}

/// A role an employee could move to, with the plan that would get them there.
public struct RoleSuggestion: Sendable {
    public var role: Role
    /// The catalog's transition from the current role, when there is one.
    public var transition: Transition.Kind?
    public var plan: Plan
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
    public func suggestRoles(for profile: Profile, limit: Int, kinds: Set<MoveKindFilter>? = nil, strict: Bool = false) throws(PlanningError) -> Ranking<RoleSuggestion> {
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
        var candidates: [ReadinessRanking<Int32>.Candidate] = []
        for number in 0..<Int32(catalog.roles.count) where number != base.current {
            let kind = transitions[number].map { MoveKindFilter(rawValue: $0.rawValue) ?? .none } ?? .none
            if let kinds, !kinds.contains(kind) { continue }
            let cover = index.roleCovers.cover(role: number, index: index)
            candidates.append(.init(item: number, id: catalog.roles[Int(number)].id, estimate: cover.estimate(level: base.level)))
        }
        // The profile's closure, once: which level of each skill any sequence of courses can reach.
        let reached = catalog.index.scratchPool.withScratch(index: index) { scratch in
            scratch.apply(levels: base.levels, done: base.done)
            return scratch.reach.levels
        }
        let refine = { (role: Int32) in
            refined(role: role, level: base.level) { reached.indices.contains(Int($0)) ? reached[Int($0)] : 0 }
        }
        let (ranked, planned) = ReadinessRanking.rank(candidates, limit: limit, refine: refine) { role in
            var problem = base
            problem.target = role
            problem.goals = PlanningProblem.goals(index: index, target: role, current: base.current, options: PlanOptions(), levels: base.levels)
            return plan(problem, options: PlanOptions())
        }
        let entries = ranked.map { RoleSuggestion(role: catalog.roles[Int($0.item)], transition: transitions[$0.item], plan: $0.plan) }
        return Ranking(entries: entries, considered: candidates.count, planned: planned)
    }

    /// The people closest to a role, by plan hours from their own skills (see `ReadinessRanking`). Stored
    /// profiles are read leniently: skills and courses a catalog change removed are skipped.
    public func rankCandidates(_ people: [(id: String, profile: Profile)], for role: String, limit: Int) throws(PlanningError) -> Ranking<RankedCandidate> {
        let index = catalog.index
        guard let target = index.roleNumbers[role] else {
            throw unknown(.unknownRole, field: "role", id: role, kind: "role", among: catalog.roles.lazy.map(\.id))
        }
        let cover = index.roleCovers.cover(role: target, index: index)
        let relevance = RoleRelevance(role: target, index: index)
        // People whose starting state the role's plan can see is the same share one plan: each group is
        // ranked once, by its plan and its first member's id.
        var problems: [PlanningProblem] = []
        var members: [[(id: String, current: Int32?)]] = []
        var groupOf: [[UInt64]: Int] = [:]
        for person in people {
            // A role a catalog change removed is no current role: rank the person all the same.
            let current = person.profile.role.flatMap { index.roleNumbers[$0] }
            guard let state = try? startingState(of: person.profile, strict: false) else { continue }
            let key = relevance.key(levels: state.levels, done: state.done)
            if let group = groupOf[key] {
                members[group].append((person.id, current))
                continue
            }
            var profile = person.profile
            if current == nil { profile.role = nil }
            guard let problem = try? resolve(profile: profile, targetRole: role, options: PlanOptions(), strict: false) else { continue }
            groupOf[key] = problems.count
            problems.append(problem)
            members.append([(person.id, current)])
        }
        let candidates = problems.indices.map { group in
            ReadinessRanking<Int>.Candidate(
                item: group, id: members[group].lazy.map(\.id).min(by: Text.precedes) ?? "", estimate: cover.estimate(level: problems[group].level))
        }
        // The first `limit` people are all in the first `limit` groups: each group ahead of a person's group
        // has a member (its first) ranked ahead of that person.
        let goalSkills = index.roleRequirements[target].filter(\.essential).map(\.skill)
        let refine = { (group: Int) -> ReadinessBound in
            let problem = problems[group]
            // Requirements the closure from zero skills reaches are reached from any profile, and those no
            // course can provide are reached from none: only when an unmet one is neither is this person's
            // own closure needed.
            let doubtful = index.roleRequirements[target].contains { requirement in
                requirement.essential && problem.level(requirement.skill) < requirement.level
                    && index.zeroReach.levels[Int(requirement.skill)] < requirement.level && cover.canProvide(requirement.skill, requirement.level)
            }
            guard doubtful else {
                return refined(role: target, level: problem.level) { skill in
                    index.zeroReach.levels[Int(skill)]
                }
            }
            let reached = catalog.index.scratchPool.withScratch(index: index) { scratch in
                scratch.apply(levels: problem.levels, done: problem.done)
                return Dictionary(goalSkills.map { ($0, scratch.reach.levels[Int($0)]) }, uniquingKeysWith: max)
            }
            return refined(role: target, level: problem.level) { reached[$0] ?? 0 }
        }
        let (ranked, planned) = ReadinessRanking.rank(candidates, limit: limit, refine: refine) { group in
            plan(problems[group], options: PlanOptions())
        }
        var people: [(member: (id: String, current: Int32?), plan: Plan)] = []
        for group in ranked { people += members[group.item].map { ($0, group.plan) } }
        people.sort { left, right in ReadinessRanking<Int>.ranksBefore((left.plan, left.member.id), (right.plan, right.member.id)) }
        let entries = people.prefix(limit).map { person in
            let kinds = person.member.current.map { index.movesFrom[$0].filter { $0.role == target }.map(\.kind) } ?? []
            return RankedCandidate(id: person.member.id, transition: kinds.min { Self.preference($0) < Self.preference($1) }, plan: person.plan)
        }
        return Ranking(entries: Array(entries), considered: members.reduce(0) { $0 + $1.count }, planned: planned)
    }

    /// A question's exact unmet count (essential requirements the profile's closure cannot reach) and a lower
    /// bound on the hours of the plan, which closes everything else: the role's cover bound with the
    /// unreachable requirements taken as met (the plan does not pay for them).
    func refined(role: Int32, level: (Int32) -> UInt8, reached: (Int32) -> UInt8) -> ReadinessBound {
        let index = catalog.index
        let cover = index.roleCovers.cover(role: role, index: index)
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
