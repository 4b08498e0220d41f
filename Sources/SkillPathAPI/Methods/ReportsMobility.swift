import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `reports.mobility`: the internal-mobility figures HR reports (docs/mobility.md defines each one).
enum ReportsMobility {
    static let method = MethodDefinition(
        name: "reports.mobility", summary: "Internal moves, fill rate, time to fill, move success, path completion and engagement for a period.",
        description: """
        For everyone (administrators) or a manager's subtree (`manager`; managers see their own subtree or one below \
        it), with the same figures per direct report's subtree when `manager` is given, and per month or quarter with \
        `groupBy`. A move succeeded when, `successWindowMonths` (default 12) after it, the employee had not left and \
        did not hold the role they came from; moves whose window has not passed are counted as too recent. \
        docs/mobility.md gives every definition and a worked example.
        """,
        params: [
            MethodDefinition.Parameter("from", Schema.date, required: true, "the first day of the period"),
            MethodDefinition.Parameter("to", Schema.date, required: true, "the last day of the period"),
            MethodDefinition.Parameter("manager", Schema.string, "this manager's subtree, and one team per direct report"),
            MethodDefinition.Parameter("groupBy", Schema.enumeration(MobilityReport.Grouping.allCases.map(\.rawValue)), "figures per month or quarter too"),
            MethodDefinition.Parameter("successWindowMonths", Schema.integer(minimum: 1, maximum: 60), "how long after a move its success is judged (default 12)"),
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
        access: .scoped
    ) { context, params in
        let scope = try context.requireTeamScope(try params.optional("manager")?.string())
        let from = try params.required("from").date()
        let to = try params.required("to").date()
        guard from <= to else { throw JSONFieldError(path: "to", message: "is before from (\(from))") }
        guard to.daysSinceEpoch - from.daysSinceEpoch <= 366 * 20 else { throw JSONFieldError(path: "to", message: "makes a period longer than 20 years") }
        let grouping = try params.optional("groupBy")?.choice(MobilityReport.Grouping.self)
        let window = try params.optional("successWindowMonths")?.int(in: 1...60) ?? 12
        let store = context.store
        let catalog = context.snapshot.catalog
        try store.endDueSecondments(today: context.today, catalog: catalog)
        let facts = try store.mobilityFacts(from: from, to: to, asOf: context.today) { catalog.course($0)?.hours }
        let report = MobilityReport.compute(facts, from: from, to: to, asOf: context.today, manager: scope, grouping: grouping, successWindowMonths: window)
        guard var object = report.json.objectValue else { return report.json }
        object["manager"] = scope.map(JSONValue.string) ?? .null
        object["teams"] = .array(report.teams.map { .object([("manager", .string($0.manager)), ("figures", $0.figures.json)]) })
        return .object(object)
    }
}
