import Foundation
import SkillPathJSON
import SkillPathProtocol
import SystemSupport

/// `skillpath report succession`: who could succeed to each critical role, by when, and the risks.
enum SuccessionReportCommand: Command {
    static let spec = CommandSpec(
        path: ["report", "succession"], summary: "succession benches of the critical roles: who is ready now, within 6 and 12 months, the risks (managers; administrators)",
        synopsis: "report succession [--role ROLE] [--manager ID] [--limit N] [--json]",
        discussion: """
        Each band comes from the person's plan to the role, dated at their weekly budget as their
        assignments share it: ready now (no gap), within 6 months, within 12 months, later. Flags: nobody
        within 12 months, a single incumbent with nobody ready now, the whole bench in one team, bench
        members who said they want something else. Without --role, every critical role (`roles.critical`),
        a few at a time, with progress on a terminal. Definitions: docs/mobility.md, "Succession benches".
        """,
        options: [
            OptionSpec("role", value: "ROLE", help: "only this role, critical or not"),
            OptionSpec("manager", value: "ID", help: "this manager's subtree"),
            OptionSpec("limit", value: "N", help: "people listed per band (default 10, at most 100)"),
        ],
        examples: ["skillpath report succession", "skillpath report succession --role eng-manager --limit 3"])

    /// Roles asked for per call: each call reads the organisation once.
    static let rolesPerCall = 25

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let daemon = context.daemon()
        let limit = try arguments.positiveInteger("limit") ?? ReportsSuccession.defaultLimit
        var roles = arguments.value("role").map { [$0] } ?? []
        if roles.isEmpty {
            roles = (try daemon.call(RolesCritical.self, NoParams())["roles"]?.arrayValue ?? []).compactMap { $0["role"]?.stringValue }
        }
        var benches: [JSONValue] = []
        var asOf: JSONValue = .null
        let progress = ProgressBar(total: roles.count, enabled: Terminal.isTerminal(2) && !context.wantsJSON && roles.count > rolesPerCall)
        for start in stride(from: 0, to: roles.count, by: rolesPerCall) {
            let chunk = Array(roles[start..<min(start + rolesPerCall, roles.count)])
            let result = try daemon.call(ReportsSuccession.self, ReportsSuccession.Params(roles: chunk, manager: arguments.value("manager"), limit: limit))
            benches += result["roles"]?.arrayValue ?? []
            asOf = result["asOf"] ?? .null
            progress.update(start + chunk.count)
        }
        progress.finish()
        if context.printedJSON(.object([("asOf", asOf), ("manager", arguments.value("manager").map(JSONValue.string) ?? .null), ("roles", .array(benches))])) {
            return .success
        }
        guard !benches.isEmpty else {
            context.console.line("No critical roles: mark some in the catalog (critical: true) or with roles.setCritical, or name one with --role.")
            return .success
        }
        for (position, bench) in benches.enumerated() {
            if position > 0 { context.console.line() }
            show(bench, context: context)
        }
        return .success
    }

    static func show(_ bench: JSONValue, context: CommandContext) {
        let console = context.console
        let shown = Shown()
        let incumbents = (bench["incumbents"]?.arrayValue ?? []).map { "\(shown.text($0["name"])) (\(shown.text($0["employee"])))" }
        console.heading(always: true, "\(shown.text(bench["title"])) (\(shown.text(bench["role"])))", " · held by \(incumbents.isEmpty ? "nobody" : incumbents.joined(separator: ", "))")
        var rows: [[String]] = []
        for (band, label) in [("readyNow", "ready now"), ("within6Months", "within 6 months"), ("within12Months", "within 12 months"), ("later", "later")] {
            let entry = bench["bands"]?[band]
            let people = (entry?["people"]?.arrayValue ?? []).map { person in
                "\(shown.text(person["name"])) \(person["readyBy"]?.stringValue ?? "never")" + (person["reluctance"]?.stringValue.map { " (\($0))" } ?? "")
            }
            rows.append([label, shown.count(entry?["count"]), people.isEmpty ? "—" : people.joined(separator: "; ")])
        }
        console.table(header: ["Band", "People", "Nearest (ready by)"], rows: rows, rightAligned: [1], shrinkable: [2])
        let flags = bench["flags"]
        var risks: [String] = []
        if flags?["noneWithin12Months"]?.boolValue == true { risks.append("nobody is ready within 12 months") }
        if flags?["singleIncumbentNoneReadyNow"]?.boolValue == true { risks.append("a single incumbent and nobody ready now") }
        if let team = flags?["benchInOneTeam"]?.stringValue { risks.append("the whole bench is in \(team)'s team") }
        let unwilling = (flags?["notWanting"]?.arrayValue ?? []).compactMap(\.stringValue)
        if !unwilling.isEmpty { risks.append("\(unwilling.joined(separator: ", ")) said they want something else") }
        console.line("Risks: \(risks.isEmpty ? "none flagged" : risks.joined(separator: "; "))")
    }
}
