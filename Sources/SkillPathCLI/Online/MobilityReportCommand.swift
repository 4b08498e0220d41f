import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath report mobility`: the internal-mobility figures HR reports, for a period.
enum MobilityReportCommand: Command {
    static let spec = CommandSpec(
        path: ["report", "mobility"], summary: "internal moves, fill rate, time to fill, move success, path completion, engagement",
        synopsis: "report mobility [--from DATE | --months N] [--to DATE] [--manager ID] [--group-by month|quarter] [--window MONTHS] [--json]",
        discussion: """
        docs/mobility.md defines every figure. The period defaults to the twelve months up to today. With
        --manager, each direct report's team gets its own line. A move's success is judged a window (12
        months) after it, so the moves of the last twelve months are all too recent: --months 24 reaches
        back to moves that can be judged.
        """,
        options: [
            OptionSpec("from", value: "DATE", help: "the first day of the period (default: a year before --to)"),
            OptionSpec("months", value: "N", help: "the N months up to --to, instead of --from"),
            OptionSpec("to", value: "DATE", help: "the last day of the period (default today)"),
            OptionSpec("manager", value: "ID", help: "this manager's subtree, one line per direct report's team"),
            OptionSpec("group-by", value: "month|quarter", help: "figures per period too"),
            OptionSpec("window", value: "MONTHS", help: "how long after a move its success is judged (default 12)"),
        ],
        examples: ["skillpath report mobility", "skillpath report mobility --months 24", "skillpath report mobility --from 2026-01-01 --to 2026-06-30", "skillpath report mobility --from 2025-01-01 --to 2025-12-31 --manager e-001 --group-by quarter"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let (from, to) = try arguments.reportPeriod(today: context.today)
        let window = try arguments.positiveInteger("window") ?? 12
        guard window <= 60 else { throw .usage("--window must be a whole number of months from 1 to 60, got '\(window)'") }
        let report = try context.daemon().call(ReportsMobility.self, ReportsMobility.Params(
            from: from, to: to, manager: arguments.value("manager"), groupBy: try arguments.choice("group-by", MobilityReport.Grouping.self),
            successWindowMonths: window))
        if context.printedJSON(report) { return .success }
        let console = context.console
        let shown = Shown()
        let scope = report["manager"]?.stringValue.map { "the subtree of \($0)" } ?? "everyone"
        // A report's title is part of it, piped or not.
        console.heading(
            always: true,
            "Internal mobility \(shown.text(report["from"])) – \(shown.text(report["to"])), \(scope)",
            " (as of \(shown.text(report["asOf"])); success judged \(shown.text(report["successWindowMonths"])) months after a move)")
        // Each figure wrapped to the terminal, its continuation indented under it.
        for figure in lines(report["figures"]) {
            for (index, part) in TextLayout.wrap(figure, width: max(console.width - 4, 20)).enumerated() { console.line((index == 0 ? "  " : "    ") + part) }
        }
        if let success = report["figures"]?["moveSuccess"], success["judged"]?.intValue == 0, (success["tooRecent"]?.intValue ?? 0) > 0 {
            let window = report["successWindowMonths"]?.intValue ?? 12
            let note = "(a move is judged \(window) months after it: --months \(window + 12) reaches back to moves that can be)"
            for part in TextLayout.wrap(note, width: max(console.width - 2, 20)) { console.line(console.styled("  " + part, .dim)) }
        }
        let groups: [(String, [JSONValue])] = [
            ("Team", (report["teams"]?.arrayValue ?? []).map { .object([("label", $0["manager"] ?? .null), ("figures", $0["figures"] ?? .null)]) }),
            ("Period", (report["periods"]?.arrayValue ?? []).map { .object([("label", $0["period"] ?? .null), ("figures", $0["figures"] ?? .null)]) }),
        ]
        for (title, rows) in groups where !rows.isEmpty {
            console.line("")
            // The moves by kind only with --wide or into a pipe: the rest fits 80 columns.
            let full = console.wide || !console.forPeople
            let keep = { (cells: [String]) in full ? cells : cells.enumerated().filter { ![3, 4, 5].contains($0.offset) }.map(\.element) }
            console.table(
                header: keep([title, "People", "Moves", "Promo", "Lateral", "Second.", "Fill rate", "Success", "Paths met", "Learners", "Hours"]),
                rows: rows.map { keep(row(shown.text($0["label"]), $0["figures"])) }, rightAligned: Set(1...(full ? 10 : 7)))
        }
        return .success
    }

    static func lines(_ figures: JSONValue?) -> [String] {
        let shown = Shown()
        let moves = figures?["moves"]
        let success = figures?["moveSuccess"]
        let engagement = figures?["engagement"]
        return [
            "People: \(shown.count(figures?["people"]))",
            "Moves: \(shown.count(moves?["total"])) (\(Plural.count(moves?["promotion"]?.intValue ?? 0, "promotion")), \(shown.count(moves?["lateral"])) lateral, \(Plural.count(moves?["secondment"]?.intValue ?? 0, "secondment"))); "
                + "secondments ended: \(shown.count(figures?["secondmentsEnded"]?["returned"])) returned, \(shown.count(figures?["secondmentsEnded"]?["converted"])) made permanent",
            "Project gigs (no change of role): \(shown.count(moves?["project"])) started; \(shown.count(figures?["projectsEnded"]?["completed"])) completed, "
                + "\(shown.count(figures?["projectsEnded"]?["stopped"])) stopped",
            "Internal fill rate: \(ratio(figures?["internalFillRate"])); median days to fill: \(figures?["medianDaysToFill"].map(shown.text) ?? "—")",
            "Move success: \(ratio(success.map { .object([("count", $0["successful"] ?? .null), ("of", $0["judged"] ?? .null), ("rate", $0["rate"] ?? .null)]) })); \(shown.count(success?["tooRecent"])) too recent to judge",
            "Path completion: \(ratio(figures?["pathCompletion"].map { .object([("count", $0["met"] ?? .null), ("of", $0["due"] ?? .null), ("rate", $0["rate"] ?? .null)]) }))",
            "Engagement: \(Plural.count(engagement?["activeLearners"]?.intValue ?? 0, "active learner")), \(shown.count(engagement?["learningHours"])) h of courses completed"
                + (engagement?["hoursPerLearnerPerWeek"].map { ", \(shown.text($0)) h per learner per week" } ?? ""),
        ] + outcomes(figures)
    }

    /// Did the moves work: twelve-month retention and the ratings of the moves (docs/mobility.md).
    static func outcomes(_ figures: JSONValue?) -> [String] {
        let shown = Shown()
        let retention = figures?["retention"]
        let feedback = figures?["feedback"]
        let kinds = ["promotion", "lateral", "secondment", "project"].compactMap { kind in
            retention?["byKind"]?[kind].flatMap { $0["of"]?.intValue == 0 ? nil : "\(kind) \(ratio($0))" }
        }
        var lines = [
            "Still here 12 months on: movers \(ratio(retention?["movers"])) (\(shown.count(retention?["moversTooRecent"])) too recent)"
                + (kinds.isEmpty ? "" : "; \(kinds.joined(separator: ", "))") + "; did not move \(ratio(retention?["stayers"]))",
        ]
        for respondent in ["mover", "manager"] {
            let counts = feedback?["ratings"]?[respondent]?.arrayValue?.compactMap(\.intValue) ?? []
            lines.append("Ratings by the \(respondent)s: \(ratio(feedback?["responses"]?[respondent])) of the moves that could be rated answered; "
                + "1–5: \(counts.map(String.init).joined(separator: " / "))")
        }
        for comment in feedback?["comments"]?.arrayValue ?? [] {
            lines.append("  move \(shown.text(comment["move"])), \(shown.text(comment["respondent"])) (\(shown.text(comment["rating"]))): \(shown.text(comment["comment"]))")
        }
        let build = figures?["buildVersusBuy"]?["internal"]
        let buy = figures?["buildVersusBuy"]?["external"]
        let unknown = buy?["costUnknown"]?.intValue ?? 0
        let trained = build?["training"]?["courses"]?.intValue ?? 0
        let unpriced = build?["training"]?["unpriced"]?.intValue ?? 0
        lines.append("Built inside: \(Plural.count(build?["fills"]?.intValue ?? 0, "seat")), median \(build?["medianDaysToFill"].map(shown.text) ?? "—") days to fill, "
            + (trained == 0 ? "no course completed toward the role"
                : "training toward the role \(Money.shown(list: build?["training"]?["cost"])) (\(Plural.count(trained, "course"))"
                    + (unpriced > 0 ? ", \(unpriced) unpriced)" : ")")))
        lines.append("Bought outside: \(Plural.count(buy?["fills"]?.intValue ?? 0, "seat")), median \(buy?["medianDaysToFill"].map(shown.text) ?? "—") days to fill, "
            + "estimated cost \(Money.shown(list: buy?["cost"]))" + (unknown > 0 ? " and \(unknown) unknown" : ""))
        return lines
    }

    /// "3 of 4 (75%)", or "— (none)" when there was nothing to count.
    static func ratio(_ value: JSONValue?) -> String {
        let shown = Shown()
        guard let rate = value?["rate"]?.doubleValue else { return "— (0 of \(shown.text(value?["of"])))" }
        return "\(shown.text(value?["count"])) of \(shown.text(value?["of"])) (\(Int((rate * 100).rounded()))%)"
    }

    static func row(_ label: String, _ figures: JSONValue?) -> [String] {
        let shown = Shown()
        let moves = figures?["moves"]
        func percent(_ value: JSONValue?) -> String { value?.doubleValue.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
        return [
            label, shown.count(figures?["people"]), shown.count(moves?["total"]), shown.text(moves?["promotion"]), shown.count(moves?["lateral"]),
            shown.count(moves?["secondment"]), percent(figures?["internalFillRate"]?["rate"]), percent(figures?["moveSuccess"]?["rate"]),
            percent(figures?["pathCompletion"]?["rate"]), shown.count(figures?["engagement"]?["activeLearners"]), shown.count(figures?["engagement"]?["learningHours"]),
        ]
    }
}
