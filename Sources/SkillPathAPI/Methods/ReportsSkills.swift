import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `reports.skills`: the organisation's skill picture, team by team (docs/reports.md defines each figure).
enum ReportsSkills {
    static let method = MethodDefinition(
        name: "reports.skills", summary: "For each team and skill: who needs it, who meets it, the shortfall and the hours to close it.",
        description: """
        For everyone (administrators) or a manager's subtree (`manager`; managers see their own or one below). \
        Teams are the manager themself and each direct report's subtree (for everyone, each top manager's \
        subtree). A person needs a skill at the highest level their current role or an active assignment's \
        target role asks (essential requirements); they meet it at their effective level (docs/evidence.md). \
        Open opportunities in a team count as open seats. `hours` sums, over the people short of a skill, the \
        plan that raises it to the level they need.
        """,
        params: [
            MethodDefinition.Parameter("manager", Schema.string, "this manager's subtree"),
            MethodDefinition.Parameter("roles", Schema.array(Schema.string), "only needs coming from these roles"),
            MethodDefinition.Parameter("skills", Schema.array(Schema.string), "only these skills"),
        ],
        resultName: "report", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee, .unknownRole, .unknownSkill],
        example: .init(
            params: .object([("manager", "e-003"), ("skills", .strings(["sql"]))]),
            result: .object([
                ("manager", "e-003"),
                ("teams", .array([.object([
                    ("team", "e-008"), ("name", "Dana Ortiz"), ("people", 1),
                    ("skills", .array([.object([
                        ("skill", "sql"), ("name", "SQL"), ("needCurrent", 1), ("needTarget", 0), ("need", 1), ("meet", 0), ("shortfall", 1),
                        ("openSeats", 0), ("hours", 12), ("unclosable", 0),
                    ])])),
                ])])),
                ("totals", .array([])),
            ])),
        access: .scoped
    ) { context, params in
        let scope = try context.requireTeamScope(try params.optional("manager")?.string())
        let catalog = context.snapshot.catalog
        var roles: Set<String>?
        if let field = try params.optional("roles") {
            let list = try field.strings()
            for (position, role) in list.enumerated() where catalog.role(role) == nil { throw DomainError.unknownRole(role, field: "roles[\(position)]") }
            roles = Set(list)
        }
        var skills: Set<String>?
        if let field = try params.optional("skills") {
            let list = try field.strings()
            for (position, skill) in list.enumerated() { _ = try catalog.requireSkill(skill, field: "skills[\(position)]") }
            skills = Set(list)
        }
        let store = context.store
        let members = try store.pictureMembers(inSubtreeOf: scope)
        let teams = TeamMap(members: members, root: scope)
        let evidence = SkillEvidence(context)
        let people = members.map { member in
            SkillPicture.Person(
                id: member.id, team: teams.team(of: member.id), role: member.role, targets: member.targets,
                levels: Dictionary(member.skills.map { ($0.skill, evidence.effective($0).level) }, uniquingKeysWith: max))
        }
        let seats = try store.allOpenOpportunities().flatMap { opportunity -> [SkillPicture.Seat] in
            guard let manager = opportunity.manager, teams.contains(manager) else { return [] }
            return Array(repeating: SkillPicture.Seat(team: teams.team(of: manager), role: opportunity.role), count: opportunity.seatsLeft)
        }
        let picture = SkillPicture(people: people, seats: seats, teams: teams.order, catalog: catalog, planner: context.snapshot.planner, roles: roles, skills: skills)
        let names = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func json(_ cell: SkillPicture.Cell) -> JSONValue {
            .object([
                ("skill", .string(cell.skill)), ("name", .string(catalog.skill(cell.skill)?.name ?? cell.skill)),
                ("needCurrent", .int(cell.needCurrent)), ("needTarget", .int(cell.needTarget)), ("need", .int(cell.need)), ("meet", .int(cell.meet)),
                ("shortfall", .int(cell.shortfall)), ("openSeats", .int(cell.openSeats)), ("hours", cell.hours.json), ("unclosable", .int(cell.unclosable)),
            ])
        }
        return .object([
            ("manager", scope.map(JSONValue.string) ?? .null),
            ("teams", .array(picture.teams.map { team in
                .object([("team", .string(team.id)), ("name", names[team.id].map(JSONValue.string)), ("people", .int(team.people)), ("skills", .array(team.cells.map(json)))])
            })),
            ("totals", .array(picture.totals.map(json))),
        ])
    }
}

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
