/// Which team each person is in: for a manager's subtree, the manager themself is a team and each direct
/// report's subtree is one; for everyone, each top manager's subtree.
///
/// Worked out by position for a whole organisation at once: each chain of managers is walked once, and
/// everyone met on the way takes the team found at its end.
struct TeamMap {
    /// The team heads' ids, the manager's own team first, then the others in id order.
    let order: [String]
    /// Each person's team, as a position in `order`; past its end for someone whose chain reaches no head
    /// (only a cycle of managers could do that), one such team per chain's end.
    let teams: [Int]
    private let positions: [String: Int]

    /// - Parameter people: everyone in scope, in id order, with their manager.
    init(people: [(id: String, manager: String?)], root: String?) {
        var positions = [String: Int](minimumCapacity: people.count)
        for (position, person) in people.enumerated() { positions[person.id] = position }
        let boss = people.map { $0.manager.flatMap { positions[$0] } }
        func isHead(_ position: Int) -> Bool {
            if let root { return people[position].id == root || people[position].manager == root }
            return boss[position] == nil
        }
        let heads = people.indices.filter(isHead)
        let ordered = heads.filter { people[$0].id == root } + heads.filter { people[$0].id != root }
        var team = [Int](repeating: -1, count: people.count)
        for (number, head) in ordered.enumerated() { team[head] = number }
        var hidden = ordered.count
        var chain: [Int] = []
        for start in people.indices where team[start] < 0 {
            // Up the chain to the first person whose team is known, or to its end; at most as many steps as people.
            chain.removeAll(keepingCapacity: true)
            var current = start
            while team[current] < 0, chain.count <= people.count {
                chain.append(current)
                guard let next = boss[current] else { break }
                current = next
            }
            var found = team[current]
            if found < 0 {
                found = hidden
                hidden += 1
            }
            for member in chain { team[member] = found }
        }
        order = ordered.map { people[$0].id }
        teams = team
        self.positions = positions
    }

    /// The position of `id` among the people, nil for someone out of scope.
    func position(of id: String) -> Int? { positions[id] }
}
