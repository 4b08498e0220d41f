public import SkillPathCore
public import SkillPathJSON

/// `reports.succession`: the succession bench of each critical role, or of one role, by readiness band.
public enum ReportsSuccession: RPCMethod {
    public static let defaultLimit = 10
    public static let maximumLimit = 100
    public static let maximumRoles = 100

    public static let description = MethodDescription(
        name: "reports.succession", summary: "Who could succeed to each critical role, by when (from real plans), and the risks.",
        description: """
        For every critical role (`roles.critical`), or the `roles` named (critical or not, at most \(maximumRoles)): its incumbents, and everyone else in scope by readiness \
        band — `readyNow` (no gap), `within6Months`, `within12Months`, `later` — each from the person's plan to the role \
        dated at their weekly budget as their assignments share it (their active assignments' remaining hours first, \
        their project gigs' hours out of each week). Each band has its `count` and its first `limit` people (soonest \
        first). `flags`: nobody within 12 months, a single incumbent with nobody ready now, the whole bench in one team, \
        bench members whose aspirations say they do not want it. Administrators see everyone; managers their subtree \
        (`manager`). docs/mobility.md, "Succession benches".
        """,
        params: [
            MethodDescription.Parameter("roles", Schema.array(Schema.string), "only these roles, critical or not (1–\(maximumRoles))"),
            MethodDescription.Parameter("manager", Schema.string, "this manager's subtree"),
            MethodDescription.Parameter("limit", Schema.integer(minimum: 1, maximum: maximumLimit), "people listed per band (default \(defaultLimit))"),
        ],
        resultName: "report", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee, .unknownRole],
        example: .init(
            params: .object([("roles", .strings(["eng-manager"]))]),
            result: .object([
                ("asOf", "2026-12-06"), ("manager", .null),
                ("roles", .array([.object([
                    ("role", "eng-manager"), ("title", "Engineering Manager"), ("critical", true),
                    ("incumbents", .array([.object([("employee", "e-002"), ("name", "Alan Turing")])])), ("considered", 11),
                    ("bands", .object([
                        ("readyNow", .object([("count", 0), ("people", .array([]))])),
                        ("within6Months", .object([("count", 1), ("people", .array([.object([
                            ("employee", "e-004"), ("name", "Linus Park"), ("manager", "e-002"), ("readyBy", "2027-04-30"), ("hours", 60), ("unmet", 0),
                        ])]))])),
                        ("within12Months", .object([("count", 0), ("people", .array([]))])),
                        ("later", .object([("count", 10), ("people", .array([]))])),
                    ])),
                    ("flags", .object([
                        ("noneWithin12Months", false), ("singleIncumbentNoneReadyNow", true), ("benchInOneTeam", .null), ("notWanting", .array([])),
                    ])),
                ])])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        /// Nil: every critical role.
        public var roles: [String]?
        public var manager: String?
        public var limit: Int

        public init(roles: [String]? = nil, manager: String? = nil, limit: Int = defaultLimit) {
            self.roles = roles
            self.manager = manager
            self.limit = limit
        }

        public init(json params: JSONField) throws {
            if let field = try params.optional("roles") {
                let roles = try field.strings()
                guard (1...maximumRoles).contains(roles.count) else {
                    throw JSONFieldError(path: field.path, message: "lists \(roles.count) roles; 1 to \(maximumRoles)")
                }
                self.roles = roles
            }
            manager = try params.optional("manager")?.string()
            limit = try params.optional("limit")?.int(in: 1...maximumLimit) ?? defaultLimit
        }

        public var json: JSONValue {
            .object([("roles", roles.map(JSONValue.strings)), ("manager", manager.map(JSONValue.string)), ("limit", limit == defaultLimit ? nil : .int(limit))])
        }
    }

    public struct Result: RPCResult {
        public var asOf: CalendarDate
        public var manager: String?
        public var benches: [(bench: SuccessionBench, critical: Bool)]

        public init(asOf: CalendarDate, manager: String?, benches: [(bench: SuccessionBench, critical: Bool)]) {
            self.asOf = asOf
            self.manager = manager
            self.benches = benches
        }

        public var json: JSONValue {
            .object([
                ("asOf", .string(asOf.description)), ("manager", manager.map(JSONValue.string) ?? .null),
                ("roles", .array(benches.map { Self.bench($0.bench, critical: $0.critical) })),
            ])
        }

        static func bench(_ bench: SuccessionBench, critical: Bool) -> JSONValue {
            .object([
                ("role", .string(bench.role.id)), ("title", .string(bench.role.title)), ("critical", .bool(critical)),
                ("incumbents", .array(bench.incumbents.map { .object([("employee", .string($0.id)), ("name", .string($0.name))]) })),
                ("considered", .int(bench.considered)),
                ("bands", .object(SuccessionBench.Band.allCases.map { band in
                    (band.rawValue, .object([("count", .int(bench.counts[band] ?? 0)), ("people", .array((bench.members[band] ?? []).map(Self.member)))]))
                })),
                ("flags", .object([
                    ("noneWithin12Months", .bool(bench.flags.noneWithin12Months)), ("singleIncumbentNoneReadyNow", .bool(bench.flags.singleIncumbentNoneReadyNow)),
                    ("benchInOneTeam", bench.flags.benchInOneTeam.map(JSONValue.string) ?? .null), ("notWanting", .strings(bench.flags.notWanting)),
                ])),
            ])
        }

        static func member(_ member: SuccessionBench.Member) -> JSONValue {
            .object([
                ("employee", .string(member.id)), ("name", .string(member.name)), ("manager", member.manager.map(JSONValue.string)),
                ("readyBy", member.readyBy.map { .string($0.description) }), ("hours", member.hours.json), ("unmet", .int(member.unmet)),
                ("reluctance", member.reluctance.map(JSONValue.string)),
            ])
        }
    }
}
