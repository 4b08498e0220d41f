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
            OptionSpec("out", value: "FILE", help: "where to write the page (default skillpath-report.html)"),
            OptionSpec("employee", value: "ID", help: "whose path (default yours)"),
            OptionSpec("target", value: "ROLE", help: "plan the path to this role instead of showing the active assignment"),
            OptionSpec("manager", value: "ID", help: "whose team (default yours, when you have reports)"),
            OptionSpec("hours-per-week", value: "H", help: "the pace that dates the path"),
        ],
        examples: ["skillpath report --out me.html", "skillpath report --target data-scientist --out path.html", "skillpath report --manager e-003 --out team.html"])

    static let defaultPace = 5

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let daemon = context.daemon()
        let out = arguments.value("out") ?? "skillpath-report.html"
        var report = HTMLReport(title: "SkillPath report", generated: context.today)
        let employee = arguments.value("employee") ?? (try? ownID(daemon, unless: nil))
        // The path.
        if let employee {
            if let target = arguments.value("target") {
                var options = PlanOptions()
                options.hoursPerWeek = try arguments.pace()
                var plan = try daemon.call(PathsPlan.self, PathsPlan.Params(subject: .employee(employee), targetRole: target, options: options))
                var note = "Dated at \(plan["schedule"]?["hoursPerWeek"].map { JSONWriter.string($0) } ?? "") h a week."
                if plan["schedule"] == nil || plan["schedule"] == .null {
                    options.hoursPerWeek = Quantity(defaultPace)
                    plan = try daemon.call(PathsPlan.self, PathsPlan.Params(subject: .employee(employee), targetRole: target, options: options))
                    note = "Dated at \(defaultPace) h a week (no pace given or preferred)."
                }
                let bars = (plan["steps"]?.arrayValue ?? []).compactMap { step -> HTMLReport.Bar? in
                    guard let start = step["start"]?.stringValue.flatMap(CalendarDate.init(iso:)), let end = step["end"]?.stringValue.flatMap(CalendarDate.init(iso:)) else { return nil }
                    return HTMLReport.Bar(label: step["title"]?.stringValue ?? step["course"]?.stringValue ?? "?", start: start, end: end, done: false)
                }
                let unmet = (plan["unmet"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
                if !unmet.isEmpty { note += " No course sequence closes: \(unmet.joined(separator: ", "))." }
                let hours = plan["totals"]?["hours"].map { JSONWriter.string($0) } ?? "?"
                report.path = ("\(employee) → \(plan["targetTitle"]?.stringValue ?? target): \(bars.count) courses, \(hours) h", bars, note)
            } else {
                let list = try daemon.call(AssignmentsList.self, AssignmentsList.Params(employee: employee))
                if let active = (list["assignments"]?.arrayValue ?? []).first(where: { $0["status"] == "active" }), let id = active["id"]?.intValue {
                    let assignment = try daemon.call(AssignmentsGet.self, AssignmentID(Int64(id)))
                    let bars = (assignment["steps"]?.arrayValue ?? []).compactMap { step -> HTMLReport.Bar? in
                        guard let start = step["plannedStart"]?.stringValue.flatMap(CalendarDate.init(iso:)),
                              let end = step["plannedEnd"]?.stringValue.flatMap(CalendarDate.init(iso:)) else { return nil }
                        let done = step["completedAt"].map { !$0.isNull } ?? false
                        return HTMLReport.Bar(label: step["course"]?.stringValue ?? "?", start: start, end: end, done: done)
                    }
                    let progress = assignment["progress"]?.stringValue ?? "?"
                    report.path = ("\(employee) → \(assignment["targetRole"]?.stringValue ?? "?"): assignment \(id), \(progress), due \(assignment["dueDate"]?.stringValue ?? "—")",
                                   bars, "Grey bars are done; blue ones are still to take.")
                } else {
                    report.omissions.append("No path: \(employee) has no active assignment (give --target ROLE to plan one).")
                }
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
        do {
            try report.render().write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError(.failure, "cannot write \(out): \(error.localizedDescription)")
        }
        let parts = [report.path == nil ? nil : "path", report.team == nil ? nil : "team", report.skills == nil ? nil : "skills"].compactMap { $0 }
        context.console.line("Wrote \(out) (\(parts.isEmpty ? "nothing to show" : parts.joined(separator: ", "))).")
        for omission in report.omissions { context.console.line(context.console.styled("  " + omission, .dim)) }
        return .success
    }
}
