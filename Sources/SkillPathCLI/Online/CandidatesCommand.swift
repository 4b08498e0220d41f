import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath candidates ROLE`: "who inside is closest to this role?"
enum CandidatesCommand: Command {
    static let spec = CommandSpec(
        path: ["candidates"], summary: "the people in your subtree closest to a role or an open opportunity (managers; administrators)",
        synopsis: "candidates (ROLE | --opportunity ID) [--manager ID] [--wanting] [--limit N] [--hours-per-week H] [--json]",
        discussion: """
        Ranked by the hours of each person's plan to the role from their stored skills, level by level;
        people whose gap no course can close come last ("+" after the hours, ready "never"). Each
        person is dated at their own preferred weekly hours unless --hours-per-week is given. "Wants"
        shows the choice of those who said they want the role (1st, 2nd…) and "not looking" for those who
        are not looking for a move; --wanting ranks only the people who want it. Then each person's plan
        against hiring from outside: cheaper, sooner, or unknown where nobody gave the external cost or
        time to fill (the opening's, else the configuration's). For a project
        opportunity: the people it would grow, those with room in their week for its hours first, then
        the most skills grown, then the smallest step; --wanting keeps those who want to grow one of its
        skills or are open to gigs.
        """,
        options: [
            OptionSpec("opportunity", value: "ID", help: "rank for an opportunity's role"),
            OptionSpec("manager", value: "ID", help: "only this manager's subtree"),
            OptionSpec("wanting", help: "only the people who said they want the role"),
            OptionSpec("limit", value: "N", help: "candidates (default 20, at most 200)"),
            OptionSpec("hours-per-week", value: "H", help: "the pace for everyone's 'ready by' (default: each person's preferred weekly hours, else 4)"),
        ],
        positionals: ["ROLE"], minimumPositionals: 0, maximumPositionals: 1,
        examples: ["skillpath candidates eng-senior", "skillpath candidates --opportunity 3 --limit 5"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let role = arguments.positionals.first
        let opportunity = try arguments.positiveInteger("opportunity")
        let target: CandidatesRank.Target
        switch (role, opportunity) {
        case (let role?, nil): target = .role(role)
        case (nil, let id?): target = .opportunity(Int64(id))
        default: throw .usage("give a ROLE or --opportunity ID (one of them)", hint: "usage: skillpath \(spec.synopsis)")
        }
        let result = try context.daemon().call(CandidatesRank.self, CandidatesRank.Params(
            target: target, manager: arguments.value("manager"), limit: try arguments.positiveInteger("limit"), hoursPerWeek: try arguments.pace(),
            wanting: arguments.flag("wanting")))
        if context.printedJSON(result) { return .success }
        if result["kind"]?.stringValue == "project" { return projectCandidates(result, console: context.console) }
        let console = context.console
        let shown = Shown()
        console.heading(
            "Closest to \(shown.text(result["title"])) (\(shown.text(result["role"])))",
            " · \(Plural.count(result["considered"]?.intValue ?? 0, "person", plural: "people")) considered, \(Plural.count(result["planned"]?.intValue ?? 0, "plan")) made (the plan from no skills included)")
        let candidates = result["candidates"]?.arrayValue ?? []
        guard !candidates.isEmpty else {
            console.line("Nobody in scope who does not already hold the role.")
            return .success
        }
        let gaps = AssignmentRenderer(console: console)
        let rows = candidates.enumerated().map { index, candidate -> [String] in
            [
                "\(index + 1)", shown.text(candidate["employee"]), candidate["name"]?.stringValue ?? "?", candidate["currentRole"]?.stringValue ?? "?",
                MobilityFlags.hours(candidate), candidate["readyBy"]?.stringValue ?? "never", candidate["transition"]?.stringValue ?? "—",
                Self.wants(candidate), "\(shown.text(candidate["unmetEssential"])): \(gaps.openSkills(candidate["unmet"]))",
            ]
        }
        console.table(
            header: ["#", "ID", "Name", "Role now", "Hours", "Ready by", "Move", "Wants", "Essential gaps"], rows: rows,
            rightAligned: [0, 4], shrinkable: [8, 2])
        buildVersusBuy(result, candidates: candidates, console: console)
        // The ranking is the daemon's, at most 200 long: --limit is all there is to ask for.
        let considered = result["considered"]?.intValue ?? candidates.count
        if candidates.count < considered, candidates.count < CandidatesRank.maximumLimit {
            console.note("Showing the closest \(Plural.grouped(candidates.count)) of \(Plural.count(considered, "person", plural: "people")) considered; --limit N (at most \(CandidatesRank.maximumLimit)) for more.")
        }
        return .success
    }

    /// A project's candidates: what it would grow for each, and whether its hours fit their week.
    static func projectCandidates(_ result: JSONValue, console: Console) -> ExitCode {
        let shown = Shown()
        console.heading(
            "Who project \(shown.text(result["opportunity"])) would grow (\(shown.text(result["hoursPerWeek"])) h a week)",
            " · \(Plural.count(result["considered"]?.intValue ?? 0, "person", plural: "people")) considered")
        let candidates = result["candidates"]?.arrayValue ?? []
        guard !candidates.isEmpty else {
            console.line("Nobody in scope it would grow: everyone holds its skills at its levels, or took it already.")
            return .success
        }
        let rows = candidates.enumerated().map { index, candidate -> [String] in
            let grows = (candidate["grows"]?.arrayValue ?? []).map { "\(shown.text($0["skill"])) \(shown.text($0["have"]))→\(shown.text($0["to"]))" }
            let free = Quantity(hundredths: max(0, shown.quantity(candidate["hoursPerWeek"]).hundredths - shown.quantity(candidate["gigHours"]).hundredths))
            var wants = (candidate["wantsSkills"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
            if candidate["openToProjects"]?.boolValue == true { wants = wants.isEmpty ? "open to gigs" : wants + "; open to gigs" }
            if candidate["notLooking"]?.boolValue == true { wants = wants.isEmpty ? "not looking" : wants + "; not looking" }
            return [
                "\(index + 1)", shown.text(candidate["employee"]), candidate["name"]?.stringValue ?? "?", candidate["currentRole"]?.stringValue ?? "?",
                candidate["room"]?.boolValue == true ? "yes" : "no (\(free) h free)", wants.isEmpty ? "—" : wants, grows.joined(separator: ", "),
            ]
        }
        console.table(header: ["#", "ID", "Name", "Role now", "Room", "Wants", "Grows"], rows: rows, rightAligned: [0], shrinkable: [6, 2])
        return .success
    }

    /// Each candidate's plan against hiring from outside; unknown figures say so (docs/mobility.md).
    static func buildVersusBuy(_ result: JSONValue, candidates: [JSONValue], console: Console) {
        let shown = Shown()
        let external = result["external"]
        let cost = external?["cost"].flatMap { $0 == .null ? nil : Money.shown($0) }
        let days = external?["daysToFill"]?.intValue
        let sources = [external?["costSource"]?.stringValue, external?["daysSource"]?.stringValue].compactMap { $0 }
        console.line("")
        func wrapped(_ text: String, indent: String = "") {
            for (index, part) in TextLayout.wrap(text, width: max(console.width - indent.count - 2, 20)).enumerated() {
                console.line((index == 0 ? indent : indent + "  ") + part)
            }
        }
        wrapped("Hiring from outside: \(cost ?? "cost unknown"), \(days.map { "\($0) days to fill" } ?? "time to fill unknown")"
            + (sources.isEmpty ? "" : " (from the \(Set(sources).sorted().joined(separator: " and ")))"))
        guard cost != nil || days != nil else {
            // Two short notes: a note is not wrapped, and each must fit 80 columns.
            console.note("To compare building with buying, give the opening's externalCost and")
            console.note("externalDaysToFill, or external_hire_cost and external_days_to_fill in the")
            console.note("configuration (docs/mobility.md, \"Building versus buying\").")
            return
        }
        for candidate in candidates {
            guard let comparison = candidate["buildVersusBuy"] else { continue }
            let build = Money.shown(list: comparison["buildCost"])
            let when = comparison["buildDays"]?.intValue.map { "ready in \($0) days" } ?? "never ready on this catalog"
            let cheaper = comparison["cheaper"]?.stringValue ?? "unknown"
            let sooner = comparison["sooner"]?.stringValue ?? "unknown"
            wrapped("\(shown.text(candidate["employee"])) \(candidate["name"]?.stringValue ?? "?"): \(build), \(when) — cheaper: \(cheaper), sooner: \(sooner)", indent: "  ")
        }
    }

    /// "1st", "2nd choice"-style marks for people who want the role, "not looking", or "—".
    static func wants(_ candidate: JSONValue) -> String {
        if candidate["notLooking"]?.boolValue == true { return "not looking" }
        guard let choice = candidate["wants"]?.intValue else { return "—" }
        return Plural.ordinal(choice)
    }
}
