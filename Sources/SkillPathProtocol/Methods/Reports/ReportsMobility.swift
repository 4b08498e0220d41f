public import SkillPathCore
public import SkillPathJSON

/// `reports.mobility`: the internal-mobility figures HR reports (docs/mobility.md defines each one).
public enum ReportsMobility: RPCMethod {
    public static let description = MethodDescription(
        name: "reports.mobility", summary: "Internal moves, fill rate, time to fill, move success, path completion and engagement for a period.",
        description: """
        For everyone (administrators) or a manager's subtree (`manager`; managers see their own subtree or one below \
        it), with the same figures per direct report's subtree when `manager` is given, and per month or quarter with \
        `groupBy`. A move succeeded when, `successWindowMonths` (default 12) after it, the employee had not left and \
        did not hold the role they came from, and neither they nor their manager rated it 2 or lower \
        (`moves.feedback`); moves whose window has not passed are counted as too recent. `retention` compares who \
        was still employed 12 months after moving (by kind) with who was, 12 months after the period began, among \
        those who did not move; `feedback` gives the ratings' response rates and distribution, and to \
        administrators the comments; `buildVersusBuy` sets the seats filled from inside (with the training \
        completed toward the role, per currency) against those filled from outside (with their estimated cost, \
        or counted as unknown). docs/mobility.md gives every definition and a worked example.
        """,
        params: [
            MethodDescription.Parameter("from", Schema.date, required: true, "the first day of the period"),
            MethodDescription.Parameter("to", Schema.date, required: true, "the last day of the period"),
            MethodDescription.Parameter("manager", Schema.string, "this manager's subtree, and one team per direct report"),
            MethodDescription.Parameter("groupBy", Schema.enumeration(MobilityReport.Grouping.allCases.map(\.rawValue)), "figures per month or quarter too"),
            MethodDescription.Parameter("successWindowMonths", Schema.integer(minimum: 1, maximum: 60), "how long after a move its success is judged (default 12)"),
        ],
        resultName: "report", resultSchema: .object([("type", "object")]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("from", "2026-01-01"), ("to", "2026-06-30"), ("manager", "e-001")]),
            result: .object([
                ("from", "2026-01-01"), ("to", "2026-06-30"), ("asOf", "2026-11-30"), ("successWindowMonths", 12), ("manager", "e-001"),
                ("figures", .object([
                    ("people", 12), ("moves", .object([("total", 3), ("promotion", 2), ("lateral", 0), ("secondment", 1)])),
                    ("internalFillRate", .object([("count", 1), ("of", 2), ("rate", .number("0.5000"))])), ("medianDaysToFill", 34),
                ])),
                ("teams", .array([])),
            ])),
        access: .scoped)

    public struct Params: RPCParams, Equatable {
        public var from: CalendarDate
        public var to: CalendarDate
        public var manager: String?
        public var groupBy: MobilityReport.Grouping?
        public var successWindowMonths: Int

        public init(from: CalendarDate, to: CalendarDate, manager: String? = nil, groupBy: MobilityReport.Grouping? = nil, successWindowMonths: Int = 12) {
            self.from = from
            self.to = to
            self.manager = manager
            self.groupBy = groupBy
            self.successWindowMonths = successWindowMonths
        }

        public init(json params: JSONField) throws {
            from = try params.required("from").date()
            to = try params.required("to").date()
            guard from <= to else { throw JSONFieldError(path: "to", message: "is before from (\(from))") }
            guard to.daysSinceEpoch - from.daysSinceEpoch <= 366 * 20 else { throw JSONFieldError(path: "to", message: "makes a period longer than 20 years") }
            manager = try params.optional("manager")?.string()
            groupBy = try params.optional("groupBy")?.choice(MobilityReport.Grouping.self)
            successWindowMonths = try params.optional("successWindowMonths")?.int(in: 1...60) ?? 12
        }

        public var json: JSONValue {
            .object([
                ("from", .string(from.description)), ("to", .string(to.description)), ("manager", manager.map(JSONValue.string)),
                ("groupBy", groupBy.map { .string($0.rawValue) }), ("successWindowMonths", successWindowMonths == 12 ? nil : .int(successWindowMonths)),
            ])
        }
    }

    public struct Result: RPCResult {
        public var report: MobilityReport
        public var manager: String?
        /// Whether the feedback's comments are shown (administrators only).
        public var comments: Bool

        public init(report: MobilityReport, manager: String?, comments: Bool = false) {
            self.report = report
            self.manager = manager
            self.comments = comments
        }

        public var json: JSONValue { report.json(manager: manager, comments: comments) }
    }
}
