extension Planner {
    /// Suggestions by relatedness (`SuggestionOrder.relatedness`): roles the catalog's transitions lead to
    /// from the current one first, then roles with an essential requirement in a skill the person holds, then
    /// the rest (roles whose requirements are all optional among them), each group by relatedness, roles two
    /// transitions away counting `twoMovesBonus` more. A role the person already qualifies for that shares little with where they stand
    /// (relatedness under `unrelatedBelow`) and that no transition leads to is not a move, and is left out.
    /// Only the roles listed are planned.
    func suggestRelatedRoles(
        base: PlanningProblem, transitions: [Int32: Transition.Kind], limit: Int, kinds: Set<MoveKindFilter>?,
        excluded: Set<Int32> = [], favoured: (Int32) -> Bool = { _ in false }
    ) -> Ranking<RoleSuggestion> {
        let index = catalog.index
        let relatedness = index.roleRelatedness
        let vector: [RoleRelatedness.Entry] = if let current = base.current {
            Array(relatedness.vectors.rows[Int(current)])
        } else {
            base.levels.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { .init(column: $0.key, weight: RoleRelatedness.weight(level: Int($0.value), essential: true)) }
        }
        let scores = relatedness.relatedness(to: vector, role: base.current)
        let via = twoMovesAway(from: base.current, direct: transitions)
        var ranked: [(tier: Int, score: Double, key: Double, role: Int32)] = []
        for number in 0..<Int32(catalog.roles.count) where number != base.current && !excluded.contains(number) {
            let kind = transitions[number].map { MoveKindFilter(rawValue: $0.rawValue) ?? .none } ?? .none
            if let kinds, !kinds.contains(kind) { continue }
            let requirements = index.roleRequirements[number]
            let essential = requirements.filter(\.essential)
            // To nine places, so that roles equally related are ordered by id, not by rounding noise.
            let score = (scores[Int(number)] * 1e9).rounded() / 1e9
            let qualified = essential.allSatisfy { base.level($0.skill) >= $0.level }
            let defined = transitions[number] != nil || via[number] != nil
            if qualified && score < Self.unrelatedBelow && !defined { continue }
            // Roles that raise a skill the person wants to grow come first, in tiers of their own.
            let tier = (favoured(number) ? 0 : 3) + (transitions[number] != nil ? 0 : essential.contains { base.level($0.skill) > 0 } ? 1 : 2)
            ranked.append((tier, score, via[number] != nil ? score + Self.twoMovesBonus : score, number))
        }
        ranked.sort { ($0.tier, -$0.key, $0.role) < ($1.tier, -$1.key, $1.role) }
        let entries = ranked.prefix(max(0, limit)).map { entry in
            RoleSuggestion(
                role: catalog.roles[Int(entry.role)], transition: transitions[entry.role], plan: plan(toward: entry.role, from: base),
                relatedness: entry.score, via: via[entry.role].map { catalog.roles[Int($0)] })
        }
        return Ranking(entries: Array(entries), considered: ranked.count, planned: entries.count)
    }

    /// The roles two of the catalog's transitions away from `current` and not one, each with the role between
    /// (the first by id, when there are several).
    func twoMovesAway(from current: Int32?, direct: [Int32: Transition.Kind]) -> [Int32: Int32] {
        guard let current else { return [:] }
        var via: [Int32: Int32] = [:]
        for middle in direct.keys.sorted() {
            for move in catalog.index.movesFrom[Int(middle)] where move.role != current && direct[move.role] == nil && via[move.role] == nil {
                via[move.role] = middle
            }
        }
        return via
    }

    /// What being two of the catalog's transitions away adds to a role's relatedness for the order (not to the
    /// relatedness reported): enough to lift a plausible role over a few equally plausible strangers, not
    /// enough to put a role that shares nothing first.
    static let twoMovesBonus = 0.2

    /// Nesta's Mapping Career Causeways judges a transition viable from a similarity of 0.3.
    static let unrelatedBelow = 0.3
}
