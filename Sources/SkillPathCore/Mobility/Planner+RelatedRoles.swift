extension Planner {
    /// Suggestions by relatedness (`SuggestionOrder.relatedness`): roles the catalog's transitions lead to
    /// from the current one first, then roles with an essential requirement in a skill the person holds,
    /// then the rest (roles whose requirements are all optional among them), each group by relatedness. A
    /// role the person already qualifies for that shares little with where they stand (relatedness under
    /// `unrelatedBelow`) is not a move, and is left out. Only the roles listed are planned.
    func suggestRelatedRoles(
        base: PlanningProblem, transitions: [Int32: Transition.Kind], limit: Int, kinds: Set<MoveKindFilter>?
    ) -> Ranking<RoleSuggestion> {
        let index = catalog.index
        let relatedness = index.roleRelatedness
        let vector: [RoleRelatedness.Entry] = if let current = base.current {
            Array(relatedness.vectors[Int(current)])
        } else {
            base.levels.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { .init(skill: $0.key, weight: RoleRelatedness.weight(level: Int($0.value), essential: true)) }
        }
        let scores = relatedness.relatedness(to: vector, role: base.current)
        var ranked: [(tier: Int, score: Double, role: Int32)] = []
        for number in 0..<Int32(catalog.roles.count) where number != base.current {
            let kind = transitions[number].map { MoveKindFilter(rawValue: $0.rawValue) ?? .none } ?? .none
            if let kinds, !kinds.contains(kind) { continue }
            let requirements = index.roleRequirements[number]
            let essential = requirements.filter(\.essential)
            // To nine places, so that roles equally related are ordered by id, not by rounding noise.
            let score = (scores[Int(number)] * 1e9).rounded() / 1e9
            let qualified = essential.allSatisfy { base.level($0.skill) >= $0.level }
            if qualified && score < Self.unrelatedBelow && transitions[number] == nil { continue }
            let tier = transitions[number] != nil ? 0 : essential.contains { base.level($0.skill) > 0 } ? 1 : 2
            ranked.append((tier, score, number))
        }
        ranked.sort { ($0.tier, -$0.score, $0.role) < ($1.tier, -$1.score, $1.role) }
        let entries = ranked.prefix(limit).map { entry in
            var problem = base
            problem.target = entry.role
            problem.goals = PlanningProblem.goals(index: index, target: entry.role, current: base.current, options: PlanOptions(), levels: base.levels)
            return RoleSuggestion(
                role: catalog.roles[Int(entry.role)], transition: transitions[entry.role], plan: plan(problem, options: PlanOptions()),
                relatedness: entry.score)
        }
        return Ranking(entries: Array(entries), considered: ranked.count, planned: entries.count)
    }

    /// Nesta's Mapping Career Causeways judges a transition viable from a similarity of 0.3.
    static let unrelatedBelow = 0.3
}
