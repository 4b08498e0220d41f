import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath apply OPPORTUNITY`: raise your hand for an open opportunity.
enum ApplyCommand: Command {
    static let spec = CommandSpec(
        path: ["apply"], summary: "apply to an open opportunity (see 'skillpath opportunities'), with an optional note",
        synopsis: "apply OPPORTUNITY [--note TEXT] [--confidential] [--employee ID] [--json]",
        discussion: """
        The hiring manager sees your application with how ready you are (your plan to the role, at your
        pace). Your own managers see it too, unless you say --confidential: then only once you are
        shortlisted. Withdraw it with 'skillpath applications withdraw ID'.
        """,
        options: [
            OptionSpec("note", value: "TEXT", help: "a note to the hiring manager"),
            OptionSpec("confidential", help: "hide it from your own managers until you are shortlisted"),
            OptionSpec("employee", value: "ID", help: "someone else (administrators)"),
        ],
        positionals: ["OPPORTUNITY"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath apply 4 --note 'I have built two pipelines on the side'", "skillpath apply 4 --confidential"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let opportunity = try positiveID(arguments.positionals[0], "OPPORTUNITY", is: "an opportunity id")
        let result = try context.daemon().call(OpportunitiesApply.self, OpportunitiesApply.Params(
            opportunity: opportunity, employee: arguments.value("employee"), note: arguments.value("note"), confidential: arguments.flag("confidential")))
        if context.printedJSON(result) { return .success }
        let shown = Shown()
        context.console.line("Applied to opportunity \(opportunity) (\(shown.text(result["role"]))): application \(shown.text(result["id"]))"
            + (result["confidential"]?.boolValue == true ? ", confidential until shortlisted." : "."))
        if let hours = result["hours"] {
            context.console.line("Your plan to the role: \(MobilityFlags.hours(result)) h, ready by \(result["readyBy"]?.stringValue ?? "never") at \(shown.text(result["hoursPerWeek"])) h a week (\(JSONWriter.string(hours)) h).")
        }
        return .success
    }
}

/// `skillpath applications`: the applications you may see, with each applicant's readiness.
enum ApplicationsCommand: Command {
    static let spec = CommandSpec(
        path: ["applications"], summary: "applications: yours, to your openings (ranked by readiness), or your reports'",
        synopsis: "applications [--opportunity ID] [--employee ID] [--status STATUS] [--limit N] [--json]",
        discussion: """
        For one opening (--opportunity), applicants are ranked by readiness: the hours of their plan to the
        role from their skills, and when they would be ready at their own pace. Move one on with
        'skillpath applications move ID shortlisted|offered|accepted|declined'; accepting fills a seat and
        records the move.
        """,
        options: [
            OptionSpec("opportunity", value: "ID", help: "only this opening's (ranked by readiness)"),
            OptionSpec("employee", value: "ID", help: "only this applicant's"),
            OptionSpec("status", value: "STATUS", help: "only applied, shortlisted, offered, accepted, declined, withdrawn or closed"),
            OptionSpec("limit", value: "N", help: "applications (default 200, at most 1000)"),
        ],
        examples: ["skillpath applications", "skillpath applications --opportunity 4", "skillpath applications --status shortlisted"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let result = try context.daemon().call(ApplicationsList.self, ApplicationsList.Params(
            opportunity: try arguments.positiveInteger("opportunity").map(Int64.init), employee: arguments.value("employee"),
            status: try arguments.choice("status", ApplicationRecord.Status.self), limit: try arguments.positiveInteger("limit") ?? ApplicationsList.defaultLimit))
        if context.printedJSON(result) { return .success }
        let applications = result["applications"]?.arrayValue ?? []
        guard !applications.isEmpty else {
            context.console.line("No applications you may see.")
            return .success
        }
        let shown = Shown()
        let gaps = AssignmentRenderer(console: context.console)
        let rows = applications.map { application -> [String] in
            [
                shown.text(application["id"]), shown.text(application["opportunity"]), application["role"]?.stringValue ?? "?",
                shown.text(application["employee"]), application["name"]?.stringValue ?? "?",
                (application["status"]?.stringValue ?? "?") + (application["confidential"]?.boolValue == true ? " (confidential)" : ""),
                application["hours"] == nil ? "—" : MobilityFlags.hours(application),
                application["grows"] != nil ? "project" : application["readyBy"]?.stringValue ?? "never",
                // A project's applicant: what it would grow for them, in place of a plan's gaps.
                application["grows"].map { grows in
                    "grows " + (grows.arrayValue ?? []).map { "\(shown.text($0["skill"])) \(shown.text($0["have"]))→\(shown.text($0["to"]))" }.joined(separator: ", ")
                } ?? gaps.openSkills(application["unmet"]),
            ]
        }
        context.console.table(
            header: ["ID", "Opening", "Role", "Employee", "Name", "Status", "Hours", "Ready by", "Gaps"], rows: rows, rightAligned: [0, 1, 6], shrinkable: [8, 4])
        let total = result["total"]?.intValue ?? applications.count
        if total > applications.count {
            context.console.note("Showing \(Plural.grouped(applications.count)) of \(Plural.count(total, "application")); --limit N (at most \(ApplicationsList.maximumLimit)) for more.")
        }
        return .success
    }
}

/// `skillpath applications move ID STATUS`: the hiring side's decision.
enum ApplicationsMoveCommand: Command {
    static let spec = CommandSpec(
        path: ["applications", "move"], summary: "shortlist, offer, accept or decline an application (hiring managers; administrators)",
        synopsis: "applications move ID (shortlisted|offered|accepted|declined) [--note TEXT] [--date DATE] [--json]",
        discussion: """
        applied → shortlisted → offered → accepted, or declined from any of them. Accepting fills a seat of
        the opening with the applicant and records their move (dated --date, default today); when the last
        seat is filled, the other open applications are closed.
        """,
        options: [
            OptionSpec("note", value: "TEXT", help: "why"),
            OptionSpec("date", value: "DATE", help: "for accepted: the day the move takes effect"),
        ],
        positionals: ["ID", "STATUS"], minimumPositionals: 2, maximumPositionals: 2,
        examples: ["skillpath applications move 1 shortlisted --note 'strong pipeline work'", "skillpath applications move 1 accepted"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let id = try positiveID(arguments.positionals[0], "ID", is: "an application id")
        guard let status = ApplicationRecord.Status(rawValue: arguments.positionals[1]), ApplicationsMove.decisions.contains(status) else {
            throw .usage("STATUS must be one of \(ApplicationsMove.decisions.map(\.rawValue).joined(separator: ", ")), got '\(arguments.positionals[1])'")
        }
        let result = try context.daemon().call(ApplicationsMove.self, ApplicationsMove.Params(
            id: id, to: status, note: arguments.value("note"), date: try arguments.date("date")))
        if context.printedJSON(result) { return .success }
        let shown = Shown()
        let application = result["application"]
        context.console.line("Application \(id) (\(shown.text(application?["employee"])) for opening \(shown.text(application?["opportunity"]))) is now \(shown.text(application?["status"])).")
        if let move = result["move"], move != .null {
            context.console.line("Move \(shown.text(move["id"])) recorded: \(shown.text(move["fromRole"])) → \(shown.text(move["toRole"])) (\(shown.text(move["kind"]))) on \(shown.text(move["date"])).")
        }
        return .success
    }
}

/// `skillpath applications withdraw ID`.
enum ApplicationsWithdrawCommand: Command {
    static let spec = CommandSpec(
        path: ["applications", "withdraw"], summary: "withdraw your application (until it is accepted)",
        synopsis: "applications withdraw ID [--note TEXT] [--json]",
        options: [OptionSpec("note", value: "TEXT", help: "why")],
        positionals: ["ID"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath applications withdraw 1"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let id = try positiveID(context.arguments.positionals[0], "ID", is: "an application id")
        let result = try context.daemon().call(ApplicationsWithdraw.self, ApplicationsWithdraw.Params(id: id, note: context.arguments.value("note")))
        if context.printedJSON(result) { return .success }
        context.console.line("Application \(id) is withdrawn.")
        return .success
    }

}
