import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath suggest`: "what could I move to?" — roles and open opportunities closest to someone's skills.
enum SuggestCommand: Command {
    static let spec = CommandSpec(
        path: ["suggest"], summary: "the roles and open opportunities you (or a report) could move to next, related roles first",
        synopsis: "suggest [EMPLOYEE] [--limit N] [--kinds K,...] [--no-opportunities] [--hours-per-week H] [--sort relatedness|hours] [--json]",
        discussion: """
        Related roles first: those a transition in the catalog leads to from the current role, then those sharing
        an essential skill held, each by how alike their requirements, titles and descriptions are to the current
        role's, roles two transitions away a little ahead (docs/mobility.md); a role already qualified for that
        shares little is not a move and is left out. --sort hours ranks every
        role by the hours of its plan from the stored skills instead, roles whose gap no course can close last.
        --kinds keeps only moves the catalog defines from the current role (promotion, lateral, secondment) or
        roles with none (none); open project gigs that would grow your skills are listed after the roles,
        those growing skills you want to grow first (--kinds project: only them).
        """,
        options: [
            OptionSpec("limit", value: "N", help: "entries (default 10, at most 100)"),
            OptionSpec("kinds", value: "promotion|lateral|secondment|none|project", repeatable: true, help: "only moves of these kinds (none: roles no transition leads to; project: gigs)"),
            OptionSpec("no-opportunities", help: "roles only, no open opportunities"),
            OptionSpec("hours-per-week", value: "H", help: "the pace for 'ready by' (default: the employee's preferred weekly hours, else 4)"),
            OptionSpec("sort", value: "relatedness|hours", help: "related roles first (default; docs/mobility.md), or fewest plan hours first"),
        ],
        positionals: ["EMPLOYEE"], minimumPositionals: 0, maximumPositionals: 1,
        examples: ["skillpath suggest", "skillpath suggest e-008 --kinds promotion,lateral", "skillpath suggest --limit 5 --json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        var kinds: Set<MoveKindFilter>?
        for text in arguments.values("kinds") {
            guard let kind = MoveKindFilter(rawValue: text) else {
                throw .usage("--kinds must list \(MoveKindFilter.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
            }
            kinds = (kinds ?? []).union([kind])
        }
        let result = try context.daemon().call(RolesSuggest.self, RolesSuggest.Params(
            employee: arguments.positionals.first, limit: try arguments.positiveInteger("limit"), kinds: kinds,
            includeOpportunities: !arguments.flag("no-opportunities"), hoursPerWeek: try arguments.pace(),
            sort: try arguments.choice("sort", SuggestionOrder.self) ?? .relatedness))
        if context.printedJSON(result) { return .success }
        let console = context.console
        let shown = Shown()
        let entries = result["suggestions"]?.arrayValue ?? []
        // The count names the rows below: a role can show twice, as itself and as an open opening for it.
        let openings = entries.filter { $0["type"]?.stringValue == "opportunity" }.count
        let roles = entries.count - openings
        let shownCount = "\(roles) role\(roles == 1 ? "" : "s")" + (openings > 0 ? " and \(openings) opening\(openings == 1 ? "" : "s")" : "")
        console.heading(
            "Closest moves for \(shown.text(result["employee"])) (now \(shown.text(result["currentRole"])))",
            " · \(shownCount) shown, of \(Plural.count(result["considered"]?.intValue ?? 0, "role")) considered (\(shown.text(result["planned"])) planned)")
        let projects = result["projects"]?.arrayValue ?? []
        defer { Self.showProjects(projects, console: console) }
        guard !entries.isEmpty else {
            console.line(kinds == [.project] ? "Roles left out (--kinds project)." : "No role matches.")
            return .success
        }
        let rows = entries.enumerated().map { index, entry -> [String] in
            let opportunity = entry["type"]?.stringValue == "opportunity" ? "opening \(shown.text(entry["opportunity"]?["id"])): " : ""
            return [
                "\(index + 1)", shown.text(entry["role"]), opportunity + (entry["title"]?.stringValue ?? "?"), entry["move"]?.stringValue ?? "—",
                MobilityFlags.hours(entry), shown.money(entry["cost"]), entry["readyBy"]?.stringValue ?? "never", entry["reason"]?.stringValue ?? "",
            ]
        }
        console.table(
            header: ["#", "Role", "Title", "Move", "Hours", "Cost", "Ready by", "Why"], rows: rows, rightAligned: [0, 4, 5], shrinkable: [7, 2])
        return .success
    }

    /// The open project gigs that would grow the person's skills, after the roles.
    static func showProjects(_ projects: [JSONValue], console: Console) {
        guard !projects.isEmpty else { return }
        let shown = Shown()
        console.line("")
        console.heading("Project gigs that would grow your skills", " · \(Plural.count(projects.count, "project")) open")
        let rows = projects.map { project -> [String] in
            let grows = (project["grows"]?.arrayValue ?? []).map { "\(shown.text($0["skill"])) \(shown.text($0["have"]))→\(shown.text($0["to"]))" }
            return [
                shown.text(project["opportunity"]), project["title"]?.stringValue ?? shown.text(project["role"]),
                "\(shown.text(project["hoursPerWeek"])) h × \(shown.text(project["durationWeeks"])) wk", project["room"]?.boolValue == true ? "yes" : "no",
                grows.joined(separator: ", "),
            ]
        }
        console.table(header: ["Opening", "Title", "Time", "Room", "Grows"], rows: rows, rightAligned: [0], shrinkable: [4, 1])
    }
}
