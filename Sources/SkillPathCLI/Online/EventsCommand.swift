import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath events`: the event log, a page of it or followed as it grows.
enum EventsCommand: Command {
    static let spec = CommandSpec(
        path: ["events"], summary: "what changed: the event log you may see, from a cursor, or followed as it grows (--follow)",
        synopsis: "events [--after ID] [--type TYPE]... [--employee ID] [--limit N] [--follow] [--json]",
        discussion: """
        Oldest first, after the cursor --after (default: the oldest kept; with --follow, from now). Each line:
        the event's id (the cursor), when, its type, whom it concerns and what happened. --follow stays
        connected and prints each event as it is recorded until interrupted; with --json, one JSON object per
        line. What you see: your own events, your subtree's, the openings you hire for, and the catalog and
        the internal market (docs/events.md). A cursor older than the log keeps is refused, saying which is
        the oldest.
        """,
        options: [
            OptionSpec("after", value: "ID", help: "events after this cursor"),
            OptionSpec("type", value: "TYPE", repeatable: true, help: "only this type (repeat for several): \(EventRecord.Kind.allCases.map(\.rawValue).joined(separator: ", "))"),
            OptionSpec("employee", value: "ID", help: "only events about this employee"),
            OptionSpec("limit", value: "N", help: "events (default 100, at most 1000; not with --follow)"),
            OptionSpec("follow", help: "stay connected and print events as they happen"),
        ],
        examples: ["skillpath events --type progress.recorded --limit 20", "skillpath events --follow --employee e-008", "skillpath events --after 1200 --json"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let after = try arguments.value("after").map { text throws(CLIError) -> Int64 in
            guard let cursor = Int64(text), cursor >= 0 else { throw .usage("--after must be a cursor (a whole number from 0), got '\(text)'") }
            return cursor
        }
        let kinds = try arguments.values("type").map { text throws(CLIError) -> EventRecord.Kind in
            guard let kind = EventRecord.Kind(rawValue: text) else {
                throw .usage("--type must be one of \(EventRecord.Kind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
            }
            return kind
        }
        let filter = EventsFilter(after: after, kinds: kinds, employee: arguments.value("employee"))
        if arguments.flag("follow") {
            guard arguments.value("limit") == nil else { throw .usage("--limit is for a page; --follow prints every event until interrupted") }
            return try follow(filter, context: context)
        }
        let page = try context.daemon().call(EventsList.self, EventsList.Params(filter: filter, limit: try arguments.positiveInteger("limit") ?? EventsList.defaultLimit))
        if context.printedJSON(page) { return .success }
        let console = context.console
        let events = page["events"]?.arrayValue ?? []
        guard !events.isEmpty else {
            console.line("No events after cursor \(filter.after ?? 0) that you may see (the newest is \(Shown().text(page["head"]))).")
            return .success
        }
        console.table(header: ["ID", "At", "Type", "Who", "What"], rows: events.map(row), rightAligned: [0], shrinkable: [4])
        if page["hasMore"]?.boolValue == true { console.note("More after cursor \(Shown().text(page["next"])): --after \(Shown().text(page["next"]))") }
        return .success
    }

    /// Subscribes and prints each event as it comes, until the daemon ends the subscription.
    static func follow(_ filter: EventsFilter, context: CommandContext) throws(CLIError) -> ExitCode {
        let daemon = context.daemon()
        let subscribed = try daemon.call(EventsSubscribe.self, EventsSubscribe.Params(filter: filter))
        let console = context.console
        if !context.wantsJSON { console.note("Following the event log after cursor \(Shown().text(subscribed["after"])); Ctrl-C to stop.") }
        var ending: CLIError?
        try daemon.notifications { message in
            switch message["method"]?.stringValue {
            case EventsSubscribe.eventNotification?:
                guard let event = message["params"] else { return true }
                if context.wantsJSON {
                    console.line(JSONWriter.string(event))
                } else {
                    console.line(row(event).joined(separator: "\t"))
                }
                console.flush()
                return true
            case EventsSubscribe.cutOffNotification?:
                let params = message["params"]
                ending = CLIError(.unavailable, "the daemon ended the subscription: \(params?["reason"]?.stringValue ?? "no reason given"); "
                    + "resume with --after \(Shown().text(params?["cursor"]))")
                return false
            default:
                return true
            }
        }
        if let ending { throw ending }
        throw CLIError(.unavailable, "skillpathd closed the connection")
    }

    /// `id, at, type, who, what` for one event.
    static func row(_ event: JSONValue) -> [String] {
        let shown = Shown()
        return [shown.text(event["id"]), event["at"]?.stringValue ?? "?", event["type"]?.stringValue ?? "?", event["employee"]?.stringValue ?? "—", what(event)]
    }

    /// One line on what happened, from the event's data.
    static func what(_ event: JSONValue) -> String {
        let shown = Shown()
        let data = event["data"]
        switch event["type"]?.stringValue.flatMap(EventRecord.Kind.init(rawValue:)) {
        case .assignmentCreated?: return "assignment \(shown.text(data?["assignment"])) to \(shown.text(data?["targetRole"])), \(shown.text(data?["hours"])) h"
        case .assignmentChanged?: return "assignment \(shown.text(data?["assignment"])) (\(shown.text(data?["targetRole"]))): \(shown.text(data?["change"]))"
        case .assignmentAtRisk?:
            return "assignment \(shown.text(data?["assignment"])) (\(shown.text(data?["targetRole"]))) is \(shown.text(data?["verdict"])): planned to finish "
                + "\(shown.text(data?["plannedCompletion"])), due \(shown.text(data?["dueDate"]))"
        case .progressRecorded?: return "\(shown.text(data?["status"])) \(shown.text(data?["course"]))"
        case .skillChanged?:
            let skills = (data?["skills"]?.arrayValue ?? []).map { skill in
                "\(shown.text(skill["skill"])) \(skill["from"]?["counts"].map(shown.text) ?? "0")→\(skill["to"]?["counts"].map(shown.text) ?? skill["to"]?["level"].map(shown.text) ?? "0")"
            }
            return skills.joined(separator: ", ") + " (\(shown.text(data?["cause"])))"
        case .opportunityOpened?: return "opportunity \(shown.text(data?["opportunity"])) opened: \(shown.text(data?["kind"])) \(shown.text(data?["role"]))"
        case .opportunityFilled?:
            let who = data?["employee"]?.stringValue ?? "from outside"
            return "opportunity \(shown.text(data?["opportunity"])) seat \(shown.text(data?["seat"])) filled by \(who)"
        case .opportunityClosed?: return "opportunity \(shown.text(data?["opportunity"])) withdrawn"
        case .applicationMoved?:
            return "application \(shown.text(data?["application"])) to opportunity \(shown.text(data?["opportunity"])): \(shown.text(data?["status"]))"
        case .moveRecorded?: return "\(shown.text(data?["from"])) → \(shown.text(data?["to"])) (\(shown.text(data?["kind"]))) on \(shown.text(data?["date"]))"
        case .catalogReloaded?: return "catalog \(shown.text(data?["from"])) → \(shown.text(data?["to"]))"
        case nil: return JSONWriter.string(data ?? .null)
        }
    }
}
