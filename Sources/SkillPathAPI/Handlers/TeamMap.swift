import SkillPathCore

/// Which team each person is in: for a manager's subtree, the manager themself is a team and each direct
/// report's subtree is one; for everyone, each top manager's subtree.
///
/// People who have left still hold their place in the tree (until someone updates their reports' manager),
/// so the chain from a person up to their team passes through them, and a team can be headed by someone who
/// left: it is shown when someone still in it is counted. Worked out by position for a whole organisation at
/// once: each chain of managers is walked once, and everyone met on the way takes the team found at its end.
struct TeamMap {
    /// The team heads' ids, the manager's own team first, then the others in id order.
    let order: [String]
    /// The team of each person, then of each leaver, as a position in `order`; past its end for a team not
    /// shown (a leaver's with nobody counted in it, or a chain that reaches no head, which only a cycle of
    /// managers could make).
    let teams: [Int]
    private let positions: [String: Int]

    /// - Parameters:
    ///   - people: everyone counted, in id order, with their manager.
    ///   - leavers: people in scope who have left, with their manager: links in chains, never counted.
    init(people: [(id: String, manager: String?)], leavers: [(id: String, manager: String?)] = [], root: String?) {
        let all = people + leavers
        var positions = [String: Int](minimumCapacity: all.count)
        for (position, person) in all.enumerated() where positions[person.id] == nil { positions[person.id] = position }
        let boss = all.map { $0.manager.flatMap { positions[$0] } }
        func isHead(_ position: Int) -> Bool {
            if let root { return all[position].id == root || all[position].manager == root }
            return boss[position] == nil
        }
        let heads = all.indices.filter(isHead).sorted { Text.precedes(all[$0].id, all[$1].id) }
        let ordered = heads.filter { all[$0].id == root } + heads.filter { all[$0].id != root }
        var team = [Int](repeating: -1, count: all.count)
        for (number, head) in ordered.enumerated() { team[head] = number }
        var next = ordered.count
        var chain: [Int] = []
        for start in all.indices where team[start] < 0 {
            // Up the chain to the first person whose team is known, or to its end; at most as many steps as people.
            chain.removeAll(keepingCapacity: true)
            var current = start
            while team[current] < 0, chain.count <= all.count {
                chain.append(current)
                guard let up = boss[current] else { break }
                current = up
            }
            var found = team[current]
            if found < 0 {
                found = next
                next += 1
            }
            for member in chain { team[member] = found }
        }
        // Shown: the teams of heads still here, and of leavers with someone counted in them; the others keep a
        // number past the shown ones, so their people still count in the totals.
        var counted = Set<Int>()
        for position in people.indices { counted.insert(team[position]) }
        let shown = ordered.indices.filter { ordered[$0] < people.count || counted.contains($0) }
        var renumbered = [Int](repeating: -1, count: next)
        for (number, old) in shown.enumerated() { renumbered[old] = number }
        var hidden = shown.count
        for old in 0..<next where renumbered[old] < 0 {
            renumbered[old] = hidden
            hidden += 1
        }
        order = shown.map { all[ordered[$0]].id }
        teams = team.map { renumbered[$0] }
        self.positions = positions
    }

    /// The position of `id` among the people (then the leavers), nil for someone out of scope.
    func position(of id: String) -> Int? { positions[id] }
}
