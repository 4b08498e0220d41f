public import SkillPathCore
public import SkillPathJSON

/// `reports.skills`: the organisation's skill picture, team by team (docs/reports.md defines each figure).
public enum ReportsSkills: RPCMethod {
    /// Skills listed per team and in the totals, biggest shortfall first: a manager of 20 teams on a catalog
    /// of 20,000 skills would otherwise get an 80 MB reply.
    public static let defaultLimit = 200
    public static let maximumLimit = 100_000

    public static let description = MethodDescription(
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
            MethodDescription.Parameter("manager", Schema.string, "this manager's subtree"),
            MethodDescription.Parameter("roles", Schema.array(Schema.string), "only needs coming from these roles"),
            MethodDescription.Parameter("skills", Schema.array(Schema.string), "only these skills"),
            MethodDescription.Parameter(
                "limit", Schema.integer(minimum: 1, maximum: maximumLimit),
                "skills listed per team and in the totals, biggest shortfall first (default \(defaultLimit)); `skillsLeftOut` and `totalsLeftOut` count the rest"),
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
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var manager: String?
        public var roles: [String]?
        public var skills: [String]?
        public var limit: Int

        public init(manager: String? = nil, roles: [String]? = nil, skills: [String]? = nil, limit: Int = defaultLimit) {
            self.manager = manager
            self.roles = roles
            self.skills = skills
            self.limit = limit
        }

        public init(json params: JSONField) throws {
            manager = try params.optional("manager")?.string()
            roles = try params.optional("roles")?.strings()
            skills = try params.optional("skills")?.strings()
            limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? defaultLimit
        }

        public var json: JSONValue {
            .object([
                ("manager", manager.map(JSONValue.string)), ("roles", roles.map(JSONValue.strings)), ("skills", skills.map(JSONValue.strings)),
                ("limit", limit == defaultLimit ? nil : .int(limit)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var manager: String?
        public var picture: SkillPicture
        /// Team heads' and skills' names, for people.
        public var names: [String: String]
        public var catalog: Catalog
        /// Skills listed per team and in the totals (`Params.limit`).
        public var limit: Int

        public init(manager: String?, picture: SkillPicture, names: [String: String], catalog: Catalog, limit: Int = defaultLimit) {
            self.manager = manager
            self.picture = picture
            self.names = names
            self.catalog = catalog
            self.limit = limit
        }

        public var json: JSONValue {
            func cell(_ cell: SkillPicture.Cell) -> JSONValue {
                .object([
                    ("skill", .string(cell.skill)), ("name", .string(catalog.skill(cell.skill)?.name ?? cell.skill)),
                    ("needCurrent", .int(cell.needCurrent)), ("needTarget", .int(cell.needTarget)), ("need", .int(cell.need)), ("meet", .int(cell.meet)),
                    ("shortfall", .int(cell.shortfall)), ("openSeats", .int(cell.openSeats)), ("hours", cell.hours.json), ("unclosable", .int(cell.unclosable)),
                ])
            }
            /// The rows past the limit are counted, not listed; the count is left out when nothing was.
            func leftOut(_ cells: [SkillPicture.Cell]) -> JSONValue? { cells.count > limit ? .int(cells.count - limit) : nil }
            return .object([
                ("manager", manager.map(JSONValue.string) ?? .null),
                ("teams", .array(picture.teams.map { team in
                    .object([
                        ("team", .string(team.id)), ("name", names[team.id].map(JSONValue.string)), ("people", .int(team.people)),
                        ("skills", .array(team.cells.prefix(limit).map(cell))), ("skillsLeftOut", leftOut(team.cells)),
                    ])
                })),
                ("totals", .array(picture.totals.prefix(limit).map(cell))), ("totalsLeftOut", leftOut(picture.totals)),
            ])
        }
    }
}
