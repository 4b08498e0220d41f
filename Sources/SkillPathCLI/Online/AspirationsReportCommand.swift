import SkillPathJSON
import SkillPathProtocol

/// `skillpath report aspirations`: who in your team (or the organisation) wants what, and how near they are.
enum AspirationsReportCommand: Command {
    static let spec = CommandSpec(
        path: ["report", "aspirations"], summary: "who wants which roles, how near each person is, and the wanted roles nobody is near (managers; administrators)",
        synopsis: "report aspirations [--manager ID] [--months N] [--limit N] [--count-ready] [--json]",
        discussion: """
        For a manager, their subtree (or --manager, one below them); for administrators, everyone or
        --manager's subtree. The team table lists each person who said what they want, with each wanted
        role planned from their skills at their own pace. Then the roles most wanted with the nearest person
        who wants each, how many of them are ready within --months (default 6: counted for up to 2,000
        wishes, or with --count-ready, which plans every one of them), the wanted roles nobody wanting them
        is ready for by then, and the roles people hold that the fewest want. Definitions: docs/mobility.md.
        """,
        options: [
            OptionSpec("manager", value: "ID", help: "this manager's subtree"),
            OptionSpec("months", value: "N", help: "the horizon of 'ready within' (default 6, at most 60)"),
            OptionSpec("limit", value: "N", help: "people listed (default 100, at most 1000)"),
            OptionSpec("count-ready", help: "count who is ready within the horizon for every role, however many wishes"),
        ],
        examples: ["skillpath report aspirations", "skillpath report aspirations --manager e-003 --months 12"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let result = try context.daemon().call(ReportsAspirations.self, ReportsAspirations.Params(
            manager: arguments.value("manager"), months: try arguments.positiveInteger("months") ?? 6,
            limit: try arguments.positiveInteger("limit") ?? ReportsAspirations.defaultLimit, countReady: arguments.flag("count-ready") ? true : nil))
        if context.printedJSON(result) { return .success }
        let console = context.console
        let shown = Shown()
        let months = try arguments.positiveInteger("months") ?? 6
        console.heading(
            "Aspirations \(result["manager"]?.stringValue.map { "under \($0)" } ?? "across the organisation")",
            " · \(Plural.count(result["withAspirations"]?.intValue ?? 0, "person", plural: "people")) of \(Plural.grouped(result["people"]?.intValue ?? 0)) said what they want, \(shown.text(result["notLooking"])) not looking")
        let team = result["team"]?.arrayValue ?? []
        guard !team.isEmpty else {
            console.line("Nobody in scope has said what they want yet ('skillpath aspirations set').")
            return .success
        }
        var rows: [[String]] = []
        for person in team {
            let wanted = person["wanted"]?.arrayValue ?? []
            let distances = wanted.map { role in
                "\(shown.text(role["role"])) \(role["readyBy"]?.stringValue ?? (role["inCatalog"]?.boolValue == false ? "(not in catalog)" : "never"))"
            }
            let open = (person["openTo"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
            rows.append([
                shown.text(person["employee"]), person["name"]?.stringValue ?? "?", shown.text(person["role"]),
                person["notLooking"]?.boolValue == true ? "not looking" : (open.isEmpty ? "—" : open),
                distances.isEmpty ? "—" : distances.joined(separator: "; "),
            ])
        }
        console.table(header: ["ID", "Name", "Role now", "Open to", "Wants (ready by)"], rows: rows, shrinkable: [4, 1])
        let roles = result["roles"]?.arrayValue ?? []
        if !roles.isEmpty {
            console.line()
            console.heading("Most wanted roles", " · ready within \(Plural.count(months, "month")) by \(shown.text(result["horizon"]))")
            console.table(
                header: ["Role", "Title", "Wanted by", "1st choice", "Hold it", "Ready within", "Nearest"],
                rows: roles.map { role in
                    [
                        shown.text(role["role"]), role["title"]?.stringValue ?? "—", shown.text(role["wantedBy"]), shown.text(role["firstChoice"]),
                        shown.text(role["holders"]), role["readyWithin"].map(shown.text) ?? "—",
                        role["nearest"].map { "\(shown.text($0["employee"])) \(shown.text($0["readyBy"]))" } ?? "nobody",
                    ]
                }, rightAligned: [2, 3, 4, 5], shrinkable: [1])
        }
        if result["readyCounted"]?.boolValue == false {
            console.note("'Ready within' is not counted for this many wishes (--count-ready plans every one of them; it takes longer).")
        }
        let out = (result["outOfReach"]?.arrayValue ?? []).compactMap { $0["role"]?.stringValue }
        console.line()
        console.line(out.isEmpty
            ? "Every wanted role has someone who wants it ready within \(Plural.count(months, "month"))."
            : "Nobody who wants them is ready within \(Plural.count(months, "month")): \(out.joined(separator: ", ")).")
        if (result["teamTotal"]?.intValue ?? 0) > team.count {
            console.note("Showing \(Plural.grouped(team.count)) of \(Plural.count(result["teamTotal"]?.intValue ?? 0, "person", plural: "people")); --limit N (at most \(ReportsAspirations.maximumLimit)) for more.")
        }
        return .success
    }
}
