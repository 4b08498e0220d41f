public import SkillPathCore
public import SkillPathJSON

/// `reports.spend`: what training costs, completed and still planned, per team and per target role, in each
/// currency (docs/reports.md, "Training spend").
public enum ReportsSpend: RPCMethod {
    public static let description = MethodDescription(
        name: "reports.spend", summary: "Training spend, completed and planned, per team and per target role, in each currency.",
        description: """
        `completed`: the courses people in scope completed from `from` to `to`, at the catalog's price, each toward \
        the target role of the assignment whose plan held it (none: `role` null). `planned`: the steps of active \
        assignments not completed yet, today. Amounts are per currency and never added across currencies; a course \
        the catalog no longer has is counted in `unpriced`, its cost unknown, not zero. `teams` groups people by the \
        manager they report to (null: no manager); teams and roles each add up to `total`. Administrators see \
        everyone or a manager's subtree (`manager`); managers their own subtree. Default period: the 12 months ending today.
        """,
        params: [
            MethodDescription.Parameter("from", Schema.date, "the first day of the period (default: a year before `to`, plus a day)"),
            MethodDescription.Parameter("to", Schema.date, "the last day of the period (default today)"),
            MethodDescription.Parameter("manager", Schema.string, "this manager's subtree"),
        ],
        resultName: "report", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("manager", "e-002")]),
            result: .object([
                ("from", "2025-12-07"), ("to", "2026-12-06"), ("manager", "e-002"),
                ("total", .object([
                    ("completed", .object([("courses", 3), ("cost", .array([.object([("currency", "USD"), ("amount", 450)])])), ("unpriced", 0)])),
                    ("planned", .object([("courses", 4), ("cost", .array([.object([("currency", "USD"), ("amount", 1200)])])), ("unpriced", 0)])),
                ])),
                ("teams", .array([])), ("roles", .array([])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var from: CalendarDate?
        public var to: CalendarDate?
        public var manager: String?

        public init(from: CalendarDate? = nil, to: CalendarDate? = nil, manager: String? = nil) {
            self.from = from
            self.to = to
            self.manager = manager
        }

        public init(json params: JSONField) throws {
            from = try params.optional("from")?.date()
            to = try params.optional("to")?.date()
            if let from, let to {
                guard from <= to else { throw JSONFieldError(path: "to", message: "is before from (\(from))") }
            }
            manager = try params.optional("manager")?.string()
        }

        /// The period, with its defaults filled in on `today`.
        public func period(today: CalendarDate) -> (from: CalendarDate, to: CalendarDate) {
            let to = to ?? max(today, from ?? today)
            return (from ?? to.adding(months: -12).adding(days: 1), to)
        }

        public var json: JSONValue {
            .object([("from", from.map { .string($0.description) }), ("to", to.map { .string($0.description) }), ("manager", manager.map(JSONValue.string))])
        }
    }

    public struct Result: RPCResult {
        public var from: CalendarDate
        public var to: CalendarDate
        public var manager: String?
        public var spend: TrainingSpend
        /// Names of the managers heading the teams.
        public var managerNames: [String: String]
        /// Titles of the roles, from the catalog (a role it no longer has shows no title).
        public var roleTitles: [String: String]

        public init(from: CalendarDate, to: CalendarDate, manager: String?, spend: TrainingSpend, managerNames: [String: String], roleTitles: [String: String]) {
            self.from = from
            self.to = to
            self.manager = manager
            self.spend = spend
            self.managerNames = managerNames
            self.roleTitles = roleTitles
        }

        public var json: JSONValue {
            .object([
                ("from", .string(from.description)), ("to", .string(to.description)), ("manager", manager.map(JSONValue.string) ?? .null),
                ("total", Self.line(spend.total)),
                ("teams", .array(spend.teams.map { team in
                    .object([("manager", team.manager.map(JSONValue.string) ?? .null), ("name", team.manager.flatMap { managerNames[$0] }.map(JSONValue.string))]
                        + Self.members(team.line))
                })),
                ("roles", .array(spend.roles.map { role in
                    .object([("role", role.role.map(JSONValue.string) ?? .null), ("title", role.role.flatMap { roleTitles[$0] }.map(JSONValue.string))]
                        + Self.members(role.line))
                })),
            ])
        }

        static func line(_ line: TrainingSpend.Line) -> JSONValue { .object(members(line)) }

        static func members(_ line: TrainingSpend.Line) -> [(String, JSONValue?)] {
            [("completed", line.completed.json), ("planned", line.planned.json)]
        }
    }
}

extension TrainingSpend.Amount {
    /// `{"courses": 3, "cost": [{"currency": "USD", "amount": 450}], "unpriced": 0}`.
    public var json: JSONValue {
        .object([("courses", .int(courses)), ("cost", cost.json), ("unpriced", .int(unpriced))])
    }
}

extension CurrencyTotals {
    /// `[{"currency": "EUR", "amount": 120}, …]`, by currency code; `[]` for nothing spent.
    public var json: JSONValue {
        .array(sorted.map { .object([("currency", .string($0.currency)), ("amount", $0.amount.json)]) })
    }
}
