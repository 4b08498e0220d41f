import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath opportunities`: the internal market — list it, open an opportunity, fill or withdraw one.
enum OpportunitiesCommand: Command {
    static let spec = CommandSpec(
        path: ["opportunities"], summary: "open internal positions, secondments and project gigs (everyone may see them)",
        synopsis: "opportunities [--all] [--role ROLE] [--kind position|secondment|project] [--limit N] [--json]",
        options: [
            OptionSpec("all", help: "filled and withdrawn ones too"),
            ListLimit.limitOption,
            OptionSpec("role", value: "ROLE", help: "only this role"),
            OptionSpec("kind", value: "position|secondment|project", help: "only positions, secondments or project gigs"),
        ],
        examples: ["skillpath opportunities", "skillpath opportunities --kind project", "skillpath opportunities --all --json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let kind = try arguments.choice("kind", OpportunityRecord.Kind.self)
        // Here --all is every status (filled and withdrawn too), as it always was; --limit alone sets the rows.
        let limit = try ListLimit(arguments, json: context.wantsJSON, allFlag: false)
        let listing = try context.daemon().pages(OpportunitiesList.self, noun: "opportunities", limit: limit.rows) { page in
            OpportunitiesList.Params(status: arguments.flag("all") ? nil : .open, role: arguments.value("role"), kind: kind, page: page)
        }
        let items = listing.items
        if context.printedJSON(.array(items)) { return .success }
        guard !items.isEmpty else {
            context.console.line(arguments.flag("all") ? "No opportunities yet." : "No open opportunities right now (--all shows filled and withdrawn ones).")
            return .success
        }
        let shown = Shown()
        let rows = items.map { item -> [String] in
            var kind = item["kind"]?.stringValue ?? "?"
            if let weeks = item["durationWeeks"], weeks != .null { kind += ", \(shown.text(weeks)) wk" }
            if let hours = item["hoursPerWeek"], hours != .null { kind += ", \(shown.text(hours)) h/wk" }
            let row = [
                shown.text(item["id"]), item["role"]?.stringValue ?? "?", item["title"]?.stringValue ?? "", kind, item["manager"]?.stringValue ?? "—",
                "\(shown.text(item["seatsLeft"])) of \(shown.text(item["headcount"]))", item["opens"]?.stringValue ?? "?",
                item["closes"]?.stringValue ?? "—", item["status"]?.stringValue ?? "?",
            ]
            return Self.wideOnly(row, console: context.console)
        }
        context.console.table(header: Self.wideOnly(["ID", "Role", "Title", "Kind", "Manager", "Seats", "Opens", "Closes", "Status"], console: context.console), rows: rows, rightAligned: [0], shrinkable: [2])
        if let footer = ListLimit.footer(shown: items.count, total: listing.total, more: listing.more, noun: "opportunities", allFlag: false) {
            context.console.note(footer)
        }
        return .success
    }
}

extension OpportunitiesCommand {
    /// The manager and the opening date only with `--wide` or into a pipe: the rest fits 80 columns.
    static func wideOnly(_ cells: [String], console: Console) -> [String] {
        console.wide || !console.forPeople ? cells : cells.enumerated().filter { ![4, 6].contains($0.offset) }.map(\.element)
    }
}

/// `skillpath opportunities open ROLE`.
enum OpportunitiesOpenCommand: Command {
    static let spec = CommandSpec(
        path: ["opportunities", "open"], summary: "open an internal position, secondment or project gig for your team (managers; administrators)",
        synopsis: """
        opportunities open ROLE [--secondment --weeks N | --project --weeks N --hours-per-week H --develops SKILL:LEVEL,…] [--title TEXT] \
        [--manager ID] [--headcount N] [--closes DATE] [--json]
        """,
        discussion: """
        A project gig changes nobody's role (ROLE is the role whose work it is): it takes --hours-per-week
        (at most 40) for --weeks, and grows the skills of --develops to their levels. Whoever takes a seat
        gets a project move (skillpath projects); its hours come out of their weekly learning budget.
        """,
        options: [
            OptionSpec("secondment", help: "a secondment rather than a permanent position"),
            OptionSpec("project", help: "a project gig: learning on the job, no change of role"),
            OptionSpec("weeks", value: "N", help: "a secondment's or project's length in weeks"),
            OptionSpec("hours-per-week", value: "H", help: "a project's hours a week"),
            OptionSpec("develops", value: "SKILL:LEVEL,…", help: "the skills a project grows, each to its level (1-5)"),
            OptionSpec("title", value: "TEXT", help: "the listing's title (default the role's)"),
            OptionSpec("manager", value: "ID", help: "the hiring manager (default you)"),
            OptionSpec("headcount", value: "N", help: "seats (default 1)"),
            OptionSpec("opens", value: "DATE", help: "the day it opens (default today)"),
            OptionSpec("closes", value: "DATE", help: "the last day to apply"),
        ],
        positionals: ["ROLE"], minimumPositionals: 1, maximumPositionals: 1,
        examples: [
            "skillpath opportunities open eng-senior --headcount 2 --closes 2027-01-31", "skillpath opportunities open data-engineer --secondment --weeks 12",
            "skillpath opportunities open data-analyst --project --title 'Churn dashboard' --weeks 8 --hours-per-week 3 --develops sql:4,data-visualization:3",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        if arguments.flag("secondment"), arguments.flag("project") { throw .usage("give --secondment or --project, not both") }
        let kind: OpportunityRecord.Kind = arguments.flag("project") ? .project : arguments.flag("secondment") ? .secondment : .position
        let opened = try context.daemon().call(OpportunitiesCreate.self, OpportunitiesCreate.Params(
            role: arguments.positionals[0], kind: kind, title: arguments.value("title"),
            manager: arguments.value("manager"), headcount: try arguments.positiveInteger("headcount") ?? 1, opens: try arguments.date("opens"),
            closes: try arguments.date("closes"), durationWeeks: try arguments.positiveInteger("weeks"), hoursPerWeek: try arguments.pace(),
            develops: try arguments.value("develops").map(Self.skillLevels) ?? []))
        if context.printedJSON(opened) { return .success }
        let shown = Shown()
        context.console.line("Opened opportunity \(shown.text(opened["id"])): \(shown.text(opened["role"])) (\(shown.text(opened["kind"])), \(Plural.count(opened["headcount"]?.intValue ?? 0, "seat"))) from \(shown.text(opened["opens"])).")
        return .success
    }

    /// `sql:4,data-visualization:3`: skills with the level a project grows them to.
    static func skillLevels(_ text: String) throws(CLIError) -> [SkillLevel] {
        var levels: [SkillLevel] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]), SkillLevel.catalogLevels.contains(level) else {
                throw .usage("--develops takes SKILL:LEVEL pairs separated by commas, levels 1 to 5 (sql:4,python:3); got \"\(item)\"")
            }
            levels.append(SkillLevel(skill: String(parts[0]), level: level))
        }
        return levels
    }
}

/// `skillpath opportunities close ID`.
enum OpportunitiesCloseCommand: Command {
    static let spec = CommandSpec(
        path: ["opportunities", "close"], summary: "fill a seat (with an employee, who moves or starts the project, or from outside) or withdraw an opportunity",
        synopsis: "opportunities close ID (--filled-by EMPLOYEE | --external | --withdraw) [--date DATE] [--json]",
        options: [
            OptionSpec("filled-by", value: "EMPLOYEE", help: "the employee who takes a seat: their move is recorded"),
            OptionSpec("external", help: "a seat went to someone from outside"),
            OptionSpec("withdraw", help: "close it unfilled"),
            OptionSpec("date", value: "DATE", help: "the day (default today)"),
        ],
        positionals: ["ID"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath opportunities close 3 --filled-by e-005", "skillpath opportunities close 4 --withdraw"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let id = try positiveID(arguments.positionals[0], "ID", is: "an opportunity id")
        let filledBy = arguments.value("filled-by")
        let chosen = [filledBy != nil, arguments.flag("external"), arguments.flag("withdraw")].filter { $0 }.count
        guard chosen == 1 else { throw .usage("give exactly one of --filled-by EMPLOYEE, --external and --withdraw") }
        let closing: OpportunityClosing = filledBy.map(OpportunityClosing.filledBy) ?? (arguments.flag("external") ? .filledExternally : .withdrawn)
        let closed = try context.daemon().call(OpportunitiesClose.self, OpportunitiesClose.Params(id: id, closing: closing, date: try arguments.date("date")))
        if context.printedJSON(closed) { return .success }
        let shown = Shown()
        let opportunity = closed["opportunity"]
        context.console.line("Opportunity \(id) is \(shown.text(opportunity?["status"])) (\(Plural.count(opportunity?["seatsLeft"]?.intValue ?? 0, "seat")) left).")
        if let move = closed["move"], move != .null { context.console.line("Recorded \(MovesCommand.summary(move)).") }
        if let project = closed["project"], project != .null { context.console.line("Started \(ProjectsCommand.summary(project)).") }
        return .success
    }
}
