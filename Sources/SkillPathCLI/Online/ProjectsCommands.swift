import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath projects`: the project gigs people took — list them, say how one went.
enum ProjectsCommand: Command {
    static let spec = CommandSpec(
        path: ["projects"], summary: "project gigs taken (project moves) you may see, latest start first",
        synopsis: "projects [--employee ID | --manager ID | --opportunity ID] [--from DATE] [--to DATE] [--limit N | --all] [--json]",
        discussion: """
        Each says where it stands: running, awaiting confirmation (past its planned end, its owner has
        not said how it went), completed or stopped. The owner ends one with `skillpath projects finish`.
        """,
        options: [
            OptionSpec("employee", value: "ID", help: "only this employee's"),
            OptionSpec("manager", value: "ID", help: "only people in this manager's subtree"),
            OptionSpec("opportunity", value: "ID", help: "only this project's (its owner sees everyone on it)"),
            OptionSpec("from", value: "DATE", help: "started on or after this day"),
            OptionSpec("to", value: "DATE", help: "started on or before this day"),
            ListLimit.limitOption, ListLimit.allOption,
        ],
        examples: ["skillpath projects", "skillpath projects --employee e-009", "skillpath projects --opportunity 5"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let (from, to) = (try arguments.date("from"), try arguments.date("to"))
        let opportunity = try arguments.value("opportunity").map { (text: String) throws(CLIError) in try positiveID(text, "--opportunity", is: "an opportunity id") }
        let limit = try ListLimit(arguments, json: context.wantsJSON)
        let listing = try context.daemon().pages(ProjectsList.self, noun: "project moves", limit: limit.rows) { page in
            ProjectsList.Params(employee: arguments.value("employee"), manager: arguments.value("manager"), opportunity: opportunity, from: from, to: to, page: page)
        }
        let items = listing.items
        if context.printedJSON(.array(items)) { return .success }
        guard !items.isEmpty else {
            context.console.line("No project gigs taken that you may see.")
            return .success
        }
        let shown = Shown()
        // The id first: `projects finish ID` takes it.
        let rows = items.map { project in
            [
                shown.text(project["id"]), shown.text(project["employee"]), "\(shown.text(project["opportunity"])) \(project["title"]?.stringValue ?? "")",
                shown.text(project["start"]), shown.text(project["plannedEnd"]), "\(shown.text(project["hoursPerWeek"])) h", Self.status(project),
                Self.develops(project["develops"]),
            ]
        }
        context.console.table(
            header: ["ID", "Employee", "Project", "Start", "Planned end", "Week", "Status", "Develops"], rows: rows, rightAligned: [0], shrinkable: [2, 7])
        if let footer = ListLimit.footer(shown: items.count, total: listing.total, more: listing.more, noun: "project moves") { context.console.note(footer) }
        return .success
    }

    /// "completed 2026-12-01", "awaiting confirmation", "running".
    static func status(_ project: JSONValue) -> String {
        let status = (project["status"]?.stringValue ?? "?").replacingOccurrences(of: "-", with: " ")
        return project["finishedOn"]?.stringValue.map { "\(status) \($0)" } ?? status
    }

    /// "sql 4, data-visualization 3".
    static func develops(_ value: JSONValue?) -> String {
        let shown = Shown()
        return (value?.arrayValue ?? []).map { "\(shown.text($0["skill"])) \(shown.text($0["level"]))" }.joined(separator: ", ")
    }

    static func summary(_ project: JSONValue) -> String {
        let shown = Shown()
        return "project move \(shown.text(project["id"])): \(shown.text(project["employee"])) on project \(shown.text(project["opportunity"])), "
            + "\(shown.text(project["hoursPerWeek"])) h a week from \(shown.text(project["start"])) to \(shown.text(project["plannedEnd"])) (role unchanged)"
    }
}

/// `skillpath projects finish ID`.
enum ProjectsFinishCommand: Command {
    static let spec = CommandSpec(
        path: ["projects", "finish"], summary: "say how a project gig went (its owner: the project's manager, their managers; administrators)",
        synopsis: "projects finish ID (--completed | --stopped) [--date DATE] [--note TEXT] [--json]",
        discussion: """
        --completed adds manager-confirmed evidence of every skill the project develops, at its level
        (evidence only adds: a higher level held stays); --stopped adds none. Nobody confirms their own gig.
        """,
        options: [
            OptionSpec("completed", help: "it was done: confirm the skills it develops"),
            OptionSpec("stopped", help: "it ended without being done"),
            OptionSpec("date", value: "DATE", help: "the day it ended (default today)"),
            OptionSpec("note", value: "TEXT", help: "what you say about it"),
        ],
        positionals: ["ID"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath projects finish 1 --completed --note 'shipped the dashboard'", "skillpath projects finish 2 --stopped"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let id = try positiveID(arguments.positionals[0], "ID", is: "a project move id")
        guard arguments.flag("completed") != arguments.flag("stopped") else { throw .usage("give exactly one of --completed and --stopped") }
        let finished = try context.daemon().call(ProjectsFinish.self, ProjectsFinish.Params(
            id: id, outcome: arguments.flag("completed") ? .completed : .stopped, date: try arguments.date("date"), note: arguments.value("note")))
        if context.printedJSON(finished) { return .success }
        let shown = Shown()
        context.console.line("Project move \(id) of \(shown.text(finished["employee"])) \(ProjectsCommand.status(finished)).")
        if finished["outcome"]?.stringValue == "completed" {
            context.console.line("Manager-confirmed evidence added: \(ProjectsCommand.develops(finished["develops"])).")
        }
        return .success
    }
}
