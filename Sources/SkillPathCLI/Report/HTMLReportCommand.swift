import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// `skillpath report`: one self-contained HTML page with a path's timeline, a team's progress and the skills
/// heat map, for people who would rather look than read.
enum HTMLReportCommand: Command {
    static let spec = CommandSpec(
        path: ["report"], summary: "write an HTML page: a path's timeline, your team's progress, the skills heat map",
        synopsis: "report [--out FILE] [--employee ID] [--target ROLE] [--manager ID] [--hours-per-week H]",
        discussion: """
        The page is one file with inline CSS and SVG: no scripts, nothing fetched from the network, so it can be
        mailed or archived. The path is the plan to --target (dated at your preferred pace, or --hours-per-week,
        or 5 h a week), or else your active assignment with what is done. The team and the heat map are for
        --manager, or for you when you have reports. A part you may not see is left out with the reason.
        'skillpath report mobility' and 'skillpath report skills' are the same figures as text.
        """,
        options: [
            OptionSpec("out", value: "FILE", help: "where to write the page (default skillpath-report.html; - for standard output)"),
            OptionSpec("employee", value: "ID", help: "whose path (default yours)"),
            OptionSpec("target", value: "ROLE", help: "plan the path to this role instead of showing the active assignment"),
            OptionSpec("manager", value: "ID", help: "whose team (default yours, when you have reports)"),
            OptionSpec("hours-per-week", value: "H", help: "the pace that dates the path"),
        ],
        examples: ["skillpath report --out me.html", "skillpath report --target data-scientist --out path.html", "skillpath report --manager e-003 --out team.html"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        // A page is HTML: --json is refused rather than ignored, and says where the figures are as JSON.
        if arguments.flag("json") {
            throw .usage("'report' writes an HTML page, not JSON; for the figures as JSON use 'report mobility --json' or 'report skills --json'")
        }
        let daemon = context.daemon()
        let out = arguments.value("out") ?? "skillpath-report.html"
        guard !out.isEmpty else { throw .usage("--out needs a file name, or - for standard output") }
        var report = HTMLReport(title: "SkillPath report", generated: context.today)
        if let employee = arguments.value("employee") ?? (try? ownID(daemon, unless: nil)) {
            if let target = arguments.value("target") {
                report.path = try plannedPath(of: employee, to: target, pace: try arguments.pace(), daemon: daemon)
            } else if let path = try assignedPath(of: employee, daemon: daemon) {
                report.path = path
            } else {
                report.omissions.append("No path: \(employee) has no active assignment (give --target ROLE to plan one).")
            }
        } else {
            report.omissions.append("No path: you are not an employee here (give --employee ID).")
        }
        // The team and the skills, for a manager.
        let manager = arguments.value("manager")
        do {
            let team = try daemon.call(ReportsTeam.self, ReportsTeam.Params(manager: manager))
            if (team["reports"]?.arrayValue ?? []).isEmpty {
                report.omissions.append("No team: \(team["manager"]?.stringValue ?? "you") has no reports.")
            } else {
                report.team = team
            }
        } catch where error.exitCode == .forbidden || error.exitCode == .dataError {
            report.omissions.append("No team progress: \(error.message).")
        }
        do {
            report.skills = try daemon.call(ReportsSkills.self, ReportsSkills.Params(manager: manager))
        } catch where error.exitCode == .forbidden {
            report.omissions.append("No skills heat map: \(error.message).")
        }
        let parts = [report.path == nil ? nil : "path", report.team == nil ? nil : "team", report.skills == nil ? nil : "skills"].compactMap { $0 }
        let summary = ["(\(parts.isEmpty ? "nothing to show" : parts.joined(separator: ", ")))."] + report.omissions.map { "  " + $0 }
        // `--out -`: the page on stdout, alone, and what it holds on stderr.
        if out == "-" {
            let page = report.render()
            context.console.line(page.hasSuffix("\n") ? String(page.dropLast()) : page)
            FileHandle.standardError.write(Data((["Wrote the page to standard output " + summary[0]] + summary.dropFirst()).joined(separator: "\n").utf8 + [0x0A]))
            return .success
        }
        try OutputFile.write(report.render(), to: out)
        context.console.line("Wrote \(out) \(summary[0])")
        for omission in report.omissions { context.console.line(context.console.styled("  " + omission, .dim)) }
        return .success
    }

    /// The plan to `target`, dated as the daemon dates it: at the pace given, else the employee's stored
    /// pace, else the default every view uses.
    static func plannedPath(of employee: String, to target: String, pace: Quantity?, daemon: DaemonClient) throws(CLIError) -> (heading: String, bars: [HTMLReport.Bar], note: String) {
        var options = PlanOptions()
        options.hoursPerWeek = pace
        let plan = try daemon.call(PathsPlan.self, PathsPlan.Params(subject: .employee(employee), targetRole: target, options: options))
        var note = "Dated at \(plan["schedule"]?["hoursPerWeek"].map { JSONWriter.string($0) } ?? "?") h a week\(pace == nil ? " (the stored pace, else the default)" : "")."
        let bars = (plan["steps"]?.arrayValue ?? []).compactMap { step -> HTMLReport.Bar? in
            guard let start = step["start"]?.stringValue.flatMap(CalendarDate.init(iso:)), let end = step["end"]?.stringValue.flatMap(CalendarDate.init(iso:)) else { return nil }
            return HTMLReport.Bar(label: step["title"]?.stringValue ?? step["course"]?.stringValue ?? "?", start: start, end: end, done: false)
        }
        let unmet = (plan["unmet"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        if !unmet.isEmpty { note += " No course sequence closes: \(unmet.joined(separator: ", "))." }
        let hours = plan["totals"]?["hours"].map { JSONWriter.string($0) } ?? "?"
        return ("\(employee) → \(plan["targetTitle"]?.stringValue ?? target): \(Plural.count(bars.count, "course")), \(hours) h", bars, note)
    }

    /// The employee's active assignment, with the dates and verdict every other view shows.
    static func assignedPath(of employee: String, daemon: DaemonClient) throws(CLIError) -> (heading: String, bars: [HTMLReport.Bar], note: String)? {
        let list = try daemon.call(AssignmentsList.self, AssignmentsList.Params(employee: employee))
        guard let active = (list["assignments"]?.arrayValue ?? []).first(where: { $0["status"] == "active" }), let id = active["id"]?.intValue else { return nil }
        let assignment = try daemon.call(AssignmentsGet.self, AssignmentID(Int64(id)))
        let bars = (assignment["steps"]?.arrayValue ?? []).compactMap { step -> HTMLReport.Bar? in
            let completed = step["completedAt"]?.stringValue.flatMap { CalendarDate(iso: String($0.prefix(10))) }
            // A done step is drawn on the day it was done; the plan's dates are for what is still to do.
            guard let start = completed ?? step["plannedStart"]?.stringValue.flatMap(CalendarDate.init(iso:)),
                  let end = completed ?? step["plannedEnd"]?.stringValue.flatMap(CalendarDate.init(iso:)) else { return nil }
            return HTMLReport.Bar(label: step["title"]?.stringValue ?? step["course"]?.stringValue ?? "?", start: start, end: end, done: completed != nil)
        }
        let heading = "\(employee) → \(assignment["targetRole"]?.stringValue ?? "?"): assignment \(id), \(assignment["progress"]?.stringValue ?? "?"), "
            + "planned to finish \(assignment["plannedCompletion"]?.stringValue ?? "—"), due \(assignment["dueDate"]?.stringValue ?? "—")"
        return (heading, bars, "Grey bars are done; blue ones are still to take.")
    }
}
