import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath moves`: role history — list it, record a move, end a secondment.
enum MovesCommand: Command {
    static let spec = CommandSpec(
        path: ["moves"], summary: "role history: promotions, lateral moves and secondments you may see, newest first",
        synopsis: "moves [--employee ID | --manager ID] [--from DATE] [--to DATE] [--limit N | --all] [--json]",
        options: [
            OptionSpec("employee", value: "ID", help: "only this employee's moves"),
            OptionSpec("manager", value: "ID", help: "only moves in this manager's subtree"),
            OptionSpec("from", value: "DATE", help: "moves on or after this day"),
            OptionSpec("to", value: "DATE", help: "moves on or before this day"),
            ListLimit.limitOption, ListLimit.allOption,
        ],
        examples: ["skillpath moves", "skillpath moves --employee e-005", "skillpath moves --manager e-002 --from 2026-01-01"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let (from, to) = (try arguments.date("from"), try arguments.date("to"))
        let limit = try ListLimit(arguments, json: context.wantsJSON)
        let listing = try context.daemon().pages(MovesList.self, noun: "moves", limit: limit.rows) { page in
            MovesList.Params(employee: arguments.value("employee"), manager: arguments.value("manager"), from: from, to: to, page: page)
        }
        let items = listing.items
        if context.printedJSON(.array(items)) { return .success }
        guard !items.isEmpty else {
            context.console.line("No moves recorded that you may see.")
            return .success
        }
        // The id first: `moves end MOVE` takes it.
        let rows = items.map { move in
            [
                text(move["id"]), move["date"]?.stringValue ?? "?", move["employee"]?.stringValue ?? "?", move["fromRole"]?.stringValue ?? "?",
                move["toRole"]?.stringValue ?? "?", move["source"]?.stringValue == "secondment-return" ? "return" : move["kind"]?.stringValue ?? "?", note(move),
            ]
        }
        context.console.table(header: ["ID", "Date", "Employee", "From", "To", "Kind", "Note"], rows: rows, rightAligned: [0], shrinkable: [6])
        if let footer = ListLimit.footer(shown: items.count, total: listing.total, more: listing.more, noun: "moves") { context.console.note(footer) }
        return .success
    }

    /// What a line in the history needs besides the roles: how a secondment went, what ended one.
    static func note(_ move: JSONValue) -> String {
        var parts: [String] = []
        if let outcome = move["outcome"]?.stringValue { parts.append("\(outcome) (move \(Self.text(move["endedBy"])))") }
        else if let end = move["endDate"]?.stringValue { parts.append("until \(end)") }
        switch move["source"]?.stringValue {
        case "secondment-return": parts.append("return from secondment \(Self.text(move["ends"]))")
        case "secondment-conversion": parts.append("secondment \(Self.text(move["ends"])) made permanent")
        default: break
        }
        if let opportunity = move["opportunity"], opportunity != .null { parts.append("filled opportunity \(Self.text(opportunity))") }
        if move["kindFrom"]?.stringValue == "transition" { parts.append("kind from the catalog") }
        return parts.isEmpty ? "" : parts.joined(separator: "; ")
    }

    static func text(_ value: JSONValue?) -> String { Shown().text(value) }

    static func summary(_ move: JSONValue) -> String {
        "move \(text(move["id"])): \(text(move["employee"])) \(text(move["fromRole"])) → \(text(move["toRole"])) (\(text(move["kind"]))) on \(text(move["date"]))"
            + (move["endDate"]?.stringValue.map { ", until \($0)" } ?? "")
    }
}

/// `skillpath moves record EMPLOYEE ROLE`.
enum MovesRecordCommand: Command {
    static let spec = CommandSpec(
        path: ["moves", "record"], summary: "record that a report moved to another role (managers; administrators)",
        synopsis: "moves record EMPLOYEE ROLE [--kind promotion|lateral|secondment] [--date DATE] [--end-date DATE] [--json]",
        discussion: """
        The kind comes from the catalog's transition between the two roles when there is one; --kind is used
        otherwise (and a secondment is always one). A secondment with --end-date returns home on that day.
        """,
        options: [
            OptionSpec("kind", value: "promotion|lateral|secondment", help: "the kind, when the catalog has no transition"),
            OptionSpec("date", value: "DATE", help: "the day it took effect (default today)"),
            OptionSpec("end-date", value: "DATE", help: "a secondment's planned end"),
        ],
        positionals: ["EMPLOYEE", "ROLE"], minimumPositionals: 2, maximumPositionals: 2,
        examples: ["skillpath moves record e-005 eng-senior --date 2026-03-01", "skillpath moves record e-008 people-analyst --kind secondment --end-date 2027-03-31"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let move = try context.daemon().call(MovesRecord.self, MovesRecord.Params(
            employee: arguments.positionals[0], toRole: arguments.positionals[1], kind: try arguments.choice("kind", Transition.Kind.self),
            date: try arguments.date("date"), endDate: try arguments.date("end-date")))
        if context.printedJSON(move) { return .success }
        context.console.line("Recorded \(MovesCommand.summary(move)).")
        return .success
    }
}

/// `skillpath moves end MOVE --return | --convert`.
enum MovesEndCommand: Command {
    static let spec = CommandSpec(
        path: ["moves", "end"], summary: "end a secondment: back to the home role, or made permanent",
        synopsis: "moves end MOVE (--return | --convert) [--date DATE] [--json]",
        options: [
            OptionSpec("return", help: "the employee goes back to the role they came from"),
            OptionSpec("convert", help: "the employee stays: the secondment becomes a permanent move"),
            OptionSpec("date", value: "DATE", help: "the day it ends (default today)"),
        ],
        positionals: ["MOVE"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath moves end 8 --return", "skillpath moves end 8 --convert --date 2026-12-01"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let id = try positiveID(arguments.positionals[0], "MOVE", is: "a move id")
        guard arguments.flag("return") != arguments.flag("convert") else { throw .usage("give exactly one of --return and --convert") }
        let ended = try context.daemon().call(MovesEnd.self, MovesEnd.Params(
            move: id, ending: arguments.flag("return") ? .return : .convert, date: try arguments.date("date")))
        if context.printedJSON(ended) { return .success }
        context.console.line("Secondment \(id) \(ended["secondment"]?["outcome"]?.stringValue ?? "ended"): recorded \(MovesCommand.summary(ended["move"] ?? .null)).")
        return .success
    }
}

/// `skillpath moves feedback MOVE --rating N [--comment TEXT]`.
enum MovesFeedbackCommand: Command {
    static let spec = CommandSpec(
        path: ["moves", "feedback"], summary: "rate how a move went, 1 to 5: the person who moved, or the manager they report to",
        synopsis: "moves feedback MOVE --rating 1-5 [--comment TEXT] [--json]",
        discussion: """
        From 30 days after the move. Rating again replaces your earlier rating. A rating of 2 or lower from
        either of you makes the move count as unsuccessful in `report mobility`; comments are shown to
        administrators only.
        """,
        options: [
            OptionSpec("rating", value: "1-5", help: "1 (it went badly) to 5 (it went very well)"),
            OptionSpec("comment", value: "TEXT", help: "what went well or not"),
        ],
        positionals: ["MOVE"], minimumPositionals: 1, maximumPositionals: 1,
        examples: ["skillpath moves feedback 7 --rating 4 --comment 'A steep first month, then it clicked'"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let id = try positiveID(arguments.positionals[0], "MOVE", is: "a move id")
        guard let text = arguments.value("rating") else { throw .usage("give --rating, a whole number from 1 to 5") }
        guard let rating = Int(text), MoveFeedback.ratings.contains(rating) else { throw .usage("--rating must be a whole number from 1 to 5, got '\(text)'") }
        let given = try context.daemon().call(MovesFeedback.self, MovesFeedback.Params(move: id, rating: rating, comment: arguments.value("comment")))
        if context.printedJSON(given) { return .success }
        context.console.line("Rated move \(id) \(rating) of 5 as its \(given["respondent"]?.stringValue ?? "respondent").")
        return .success
    }
}
