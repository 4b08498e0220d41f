import SkillPathStore

/// Which team each person is in: for a manager's subtree, the manager themself is a team and each direct
/// report's subtree is one; for everyone, each top manager's subtree.
struct TeamMap {
    private var teamOf: [String: String] = [:]
    let order: [String]

    init(members: [PictureMember], root: String?) {
        let manager = Dictionary(members.map { ($0.id, $0.manager) }, uniquingKeysWith: { first, _ in first })
        let inScope = Set(members.map(\.id))
        /// The team heads: the root and its direct reports, or everyone whose manager is outside the set.
        func isHead(_ id: String) -> Bool {
            if let root { return id == root || manager[id] == .some(root) }
            guard let boss = manager[id] ?? nil else { return true }
            return !inScope.contains(boss)
        }
        // The manager's own team first, then the others in id order.
        let heads = members.map(\.id).filter(isHead)
        order = heads.filter { $0 == root } + heads.filter { $0 != root }
        var teamOf: [String: String] = [:]
        for member in members {
            // Up the chain to the first head; at most as many steps as people, whatever the data says.
            var current = member.id
            var steps = 0
            while !isHead(current), let boss = manager[current] ?? nil, steps <= members.count {
                current = boss
                steps += 1
            }
            teamOf[member.id] = current
        }
        self.teamOf = teamOf
    }

    func team(of id: String) -> String { teamOf[id] ?? id }
    func contains(_ id: String) -> Bool { teamOf[id] != nil }
}
