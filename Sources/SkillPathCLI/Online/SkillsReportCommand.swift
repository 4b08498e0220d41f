import Foundation
import SkillPathJSON
import SkillPathProtocol

/// `skillpath report skills`: the organisation's skill picture as a heat map (teams across, skills down),
/// or as CSV for a spreadsheet.
enum SkillsReportCommand: Command {
    static let spec = CommandSpec(
        path: ["report", "skills"], summary: "the skill picture: per team and skill, who needs it, who meets it, the shortfall",
        synopsis: "report skills [--manager ID] [--role ROLE]... [--skill SKILL]... [--csv | --json]",
        discussion: """
        A heat map: one row per skill (biggest shortfall first), one column per team (the manager themself and
        each direct report's subtree), each cell 'met/needed', coloured by the share met on a terminal (green
        all, yellow half or more, red less; never with NO_COLOR or --no-color). '+N' counts open seats whose role
        needs the skill. The last columns total the shortfall and the course hours that would close it.
        --csv writes one line per team and skill, with a header, for spreadsheets. docs/reports.md defines each
        figure.
        """,
        options: [
            OptionSpec("manager", value: "ID", help: "this manager's subtree (default: yours; administrators: everyone)"),
            OptionSpec("role", value: "ROLE", repeatable: true, help: "only needs coming from these roles"),
            OptionSpec("skill", value: "SKILL", repeatable: true, help: "only these skills"),
            OptionSpec("csv", help: "CSV for spreadsheets instead of the heat map"),
        ],
        examples: ["skillpath report skills --manager e-003", "skillpath report skills --skill sql,python --csv > skills.csv"])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        if arguments.flag("csv") && context.wantsJSON { throw .usage("--csv and --json do not combine: choose one") }
        let roles = arguments.values("role")
        let skills = arguments.values("skill")
        let report = try context.daemon().call(ReportsSkills.self, ReportsSkills.Params(
            manager: arguments.value("manager"), roles: roles.isEmpty ? nil : roles, skills: skills.isEmpty ? nil : skills,
            // The heat map and the CSV show every skill of every team: a skill left out of one team would read as not needed there.
            limit: ReportsSkills.maximumLimit))
        if context.printedJSON(report) { return .success }
        if arguments.flag("csv") {
            csv(report).forEach(context.console.line)
            return .success
        }
        heatMap(report, console: context.console).forEach(context.console.line)
        return .success
    }

    static func csv(_ report: JSONValue) -> [String] {
        let fields = ["needCurrent", "needTarget", "need", "meet", "shortfall", "openSeats", "hours", "unclosable"]
        var lines = ["team,team_name,skill,skill_name,need_current,need_target,need,meet,shortfall,open_seats,hours,unclosable"]
        func row(_ team: String, _ name: String, _ cell: JSONValue) -> String {
            ([team, name, cell["skill"]?.stringValue ?? "", cell["name"]?.stringValue ?? ""].map(quoted)
                + fields.map { cell[$0].map { JSONWriter.string($0) } ?? "" }).joined(separator: ",")
        }
        for team in report["teams"]?.arrayValue ?? [] {
            for cell in team["skills"]?.arrayValue ?? [] {
                lines.append(row(team["team"]?.stringValue ?? "", team["name"]?.stringValue ?? "", cell))
            }
        }
        for cell in report["totals"]?.arrayValue ?? [] { lines.append(row("ALL", "all teams", cell)) }
        return lines
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func heatMap(_ report: JSONValue, console: Console) -> [String] {
        let teams = report["teams"]?.arrayValue ?? []
        let totals = report["totals"]?.arrayValue ?? []
        let scope = report["manager"]?.stringValue.map { "the subtree of \($0)" } ?? "everyone"
        guard !totals.isEmpty else { return ["No skill needs in \(scope) (with these filters)."] }
        // Skill names and team names in full where the terminal has room (and always into a pipe); on a
        // narrow terminal, names cut and as many team columns as it holds beside the totals.
        let longestSkill = totals.compactMap { $0["name"]?.stringValue?.count }.max() ?? 10
        let nameWidth = console.forPeople ? min(max(28, console.width / 4), longestSkill) : longestSkill
        let longestTeam = teams.compactMap { ($0["name"]?.stringValue ?? $0["team"]?.stringValue)?.count }.max() ?? 7
        let room = (console.width - nameWidth - 2 - 2 * 9) / max(teams.count, 1)
        let cellWidth = max(9, min(longestTeam + 2, room))
        let fitting = max(1, (console.width - nameWidth - 2 - 2 * 9) / cellWidth)
        let shown = Array(teams.prefix(fitting))
        var lines = [console.styled("Skills in \(scope): met/needed per team", .bold) + console.styled(" (+N open seats needing it)", .dim)]
        lines.append(TextLayout.pad("", nameWidth) + "  " + shown.map { team in
            TextLayout.pad(TextLayout.truncate(team["name"]?.stringValue ?? team["team"]?.stringValue ?? "?", cellWidth - 1), cellWidth)
        }.joined() + TextLayout.pad("short", 9) + "hours")
        for total in totals {
            let skill = total["skill"]?.stringValue ?? ""
            var line = TextLayout.pad(TextLayout.truncate(total["name"]?.stringValue ?? skill, nameWidth), nameWidth) + "  "
            for team in shown {
                let cell = team["skills"]?.arrayValue?.first { $0["skill"]?.stringValue == skill }
                let need = cell?["need"]?.intValue ?? 0
                let meet = cell?["meet"]?.intValue ?? 0
                let seats = cell?["openSeats"]?.intValue ?? 0
                var text = need == 0 ? "·" : "\(meet)/\(need)"
                if seats > 0 { text += "+\(seats)" }
                let padded = TextLayout.pad(text, cellWidth)
                guard need > 0 else {
                    line += console.styled(padded, .dim)
                    continue
                }
                line += console.styled(padded, meet == need ? .green : meet * 2 >= need ? .yellow : .red)
            }
            let shortfall = total["shortfall"]?.intValue ?? 0
            let hours = total["hours"].map { JSONWriter.string($0) } ?? "0"
            let unclosable = total["unclosable"]?.intValue ?? 0
            line += TextLayout.pad(String(shortfall), 9) + (shortfall == 0 ? "—" : hours + (unclosable > 0 ? " (\(unclosable) no course closes)" : ""))
            lines.append(line)
        }
        if shown.count < teams.count {
            lines.append(console.styled("… \(Plural.count(teams.count - shown.count, "more team")) than the terminal is wide: --csv or --json lists them all", .dim))
        }
        return lines
    }
}
