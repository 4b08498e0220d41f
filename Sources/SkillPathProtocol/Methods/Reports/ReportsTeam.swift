public import SkillPathCore
public import SkillPathJSON

/// `reports.team`: a manager's reports with their assignments' progress.
public enum ReportsTeam: RPCMethod {
    public static let description = MethodDescription(
        name: "reports.team", summary: "A manager's reports and how their assignments are going.",
        description: """
        For each report who has not left (direct, or the whole subtree with `subtree: true`), their assignments that are not \
        cancelled, with percent complete by hours, the planned completion on the weekly budget each person's \
        active assignments share, and the verdict every view gives: `on-track`, `at-risk` (planned to finish after \
        the due date), `late` (a step planned to end before today is not done), `overdue` (past the due date), \
        `completed`, `courses-done` or `role-reached`. The summary counts each verdict. `manager` defaults to the \
        caller; a manager may ask for any manager in their subtree; services and administrators for anyone.
        """,
        params: [
            MethodDescription.Parameter("manager", Schema.string, "whose team (default: the caller)"),
            MethodDescription.Parameter("subtree", Schema.boolean, "everyone under the manager, not just direct reports"),
        ],
        resultName: "team",
        resultSchema: Schema.object([
            ("manager", Schema.string), ("subtree", Schema.boolean), ("date", Schema.date),
            ("summary", Schema.object([("people", Schema.integer()), ("assignments", Schema.integer())]
                + Result.counted.map { ($0.summaryKey, Schema.integer()) })),
            ("reports", Schema.array(.object([("type", "object")]))),
        ]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("subtree", true)]),
            result: .object([
                ("manager", "e-002"), ("subtree", true), ("date", "2026-11-23"),
                ("summary", .object([
                    ("people", 3), ("assignments", 2), ("onTrack", 1), ("atRisk", 0), ("late", 1), ("overdue", 0), ("completed", 0), ("coursesDone", 0),
                    ("roleReached", 0),
                ])),
                ("reports", .array([.object([
                    ("id", "e-104"), ("name", "Dana Ortiz"), ("role", "data-analyst"), ("manager", "e-102"),
                    ("assignments", .array([.object([("id", 1), ("targetRole", "data-scientist"), ("percentComplete", .number("12.5")), ("progress", "late")])])),
                ])])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        /// nil: the caller.
        public var manager: String?
        public var subtree: Bool

        public init(manager: String? = nil, subtree: Bool = false) {
            self.manager = manager
            self.subtree = subtree
        }

        public init(json params: JSONField) throws {
            manager = try params.optional("manager")?.string()
            subtree = try params.optional("subtree")?.bool() ?? false
        }

        public var json: JSONValue { .object([("manager", manager.map(JSONValue.string)), ("subtree", subtree ? .bool(true) : nil)]) }
    }

    public struct Result: RPCResult {
        public var manager: String
        public var subtree: Bool
        public var today: CalendarDate
        /// Each report with their assignments, already dated on the shared schedule.
        public var members: [TeamMember]

        public init(manager: String, subtree: Bool, today: CalendarDate, members: [TeamMember]) {
            self.manager = manager
            self.subtree = subtree
            self.today = today
            self.members = members
        }

        /// The verdicts the summary counts: every one a team report can show (cancelled assignments are left out).
        static let counted = AssignmentRecord.Progress.allCases.filter { $0 != .cancelled }

        public var json: JSONValue {
            var counts: [AssignmentRecord.Progress: Int] = [:]
            var total = 0
            let reports: [JSONValue] = members.map { member in
                for assignment in member.assignments {
                    counts[assignment.progress(on: today), default: 0] += 1
                    total += 1
                }
                return .object([
                    ("id", .string(member.employee.id)), ("name", .string(member.employee.name)), ("role", .string(member.employee.role)),
                    ("manager", member.employee.manager.map(JSONValue.string)),
                    ("assignments", .array(member.assignments.map { AssignmentSummary($0, today: today).json })),
                ])
            }
            let summary: JSONValue = .object([("people", .int(members.count)), ("assignments", .int(total))]
                + Self.counted.map { ($0.summaryKey, .int(counts[$0] ?? 0)) })
            return .object([
                ("manager", .string(manager)), ("subtree", .bool(subtree)), ("date", .string(today.description)), ("summary", summary),
                ("reports", .array(reports)),
            ])
        }
    }
}
