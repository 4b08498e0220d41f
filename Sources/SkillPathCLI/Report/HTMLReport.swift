import SkillPathCore
import SkillPathJSON

/// One self-contained HTML page (inline CSS and SVG; no scripts, no links out) holding what people would
/// rather look at than read: a path as a dated timeline, a team's progress, and the skills heat map. Each
/// part is built from the daemon's replies, so the page shows exactly what the API says.
struct HTMLReport {
    /// A path step with dates: from a plan's schedule, or an assignment's planned dates.
    struct Bar {
        var label: String
        var start: CalendarDate
        var end: CalendarDate
        var done: Bool
    }

    var title: String
    var generated: CalendarDate
    var path: (heading: String, bars: [Bar], note: String)?
    var team: JSONValue?
    var skills: JSONValue?
    /// Parts left out, and why ("no assignment to show", "forbidden: …").
    var omissions: [String] = []

    func render() -> String {
        var body = HTMLText.text("h1", title) + HTMLText.text("p", [("class", "meta")], "Generated \(generated) by skillpath \(SkillPathVersion.current).")
        if let path { body += section("Path", HTMLText.text("p", path.heading) + gantt(path.bars) + HTMLText.text("p", [("class", "meta")], path.note)) }
        if let team { body += section("Team progress", teamTable(team)) }
        if let skills { body += section("Skills", heatMap(skills)) }
        for omission in omissions { body += HTMLText.text("p", [("class", "meta")], omission) }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head><meta charset="utf-8"/><title>\(HTMLText.escape(title))</title><style>\(Self.style)</style></head>
            <body>\(body)</body>
            </html>

            """
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\
        .meta{color:#666;font-size:.9em}table{border-collapse:collapse}td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left}\
        .on-track,.role-reached{color:#1a7f37}.late,.at-risk,.courses-done{color:#9a6700}.overdue{color:#cf222e}.completed{color:#555}\
        .heat td{text-align:center;min-width:5em}.heat td.skill{text-align:left}
        """

    func section(_ heading: String, _ content: String) -> String {
        HTMLText.element("section", [], HTMLText.text("h2", heading) + content)
    }

    /// The steps as bars on a time axis, one row each, with a tick at each month's start.
    func gantt(_ bars: [Bar]) -> String {
        guard let first = bars.map(\.start).min(), let last = bars.map(\.end).max() else { return HTMLText.text("p", "No steps.") }
        let days = Double(max(1, last.daysSinceEpoch - first.daysSinceEpoch + 1))
        let labelWidth = 260.0, chartWidth = 640.0, row = 22.0, top = 24.0
        let height = top + Double(bars.count) * row + 8
        func x(_ date: CalendarDate) -> Double { labelWidth + Double(date.daysSinceEpoch - first.daysSinceEpoch) / days * chartWidth }
        var shapes = ""
        var month = first.startOfMonth.adding(months: 1)
        while month <= last {
            shapes += HTMLText.element("line", [("x1", HTMLText.coordinate(x(month))), ("y1", "16"), ("x2", HTMLText.coordinate(x(month))), ("y2", HTMLText.coordinate(height)), ("stroke", "#ddd")])
            shapes += HTMLText.text("text", [("x", HTMLText.coordinate(x(month) + 2)), ("y", "12"), ("font-size", "10"), ("fill", "#666")], String(month.description.prefix(7)))
            month = month.adding(months: 1)
        }
        for (position, bar) in bars.enumerated() {
            let y = top + Double(position) * row
            let width = max(2, x(bar.end.adding(days: 1)) - x(bar.start))
            shapes += HTMLText.text("text", [("x", "0"), ("y", HTMLText.coordinate(y + 14)), ("font-size", "12")], TextLayout.truncate(bar.label, 40))
            shapes += HTMLText.element("rect", [
                ("x", HTMLText.coordinate(x(bar.start))), ("y", HTMLText.coordinate(y + 3)), ("width", HTMLText.coordinate(width)), ("height", "14"),
                ("rx", "3"), ("fill", bar.done ? "#8c959f" : "#0969da"),
            ], HTMLText.text("title", "\(bar.label): \(bar.start) → \(bar.end)\(bar.done ? " (done)" : "")"))
        }
        return HTMLText.element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", HTMLText.coordinate(labelWidth + chartWidth + 10)), ("height", HTMLText.coordinate(height)),
            ("role", "img"), ("aria-label", "timeline of the path"),
        ], shapes)
    }

    func teamTable(_ team: JSONValue) -> String {
        var rows = HTMLText.element("tr", [], ["Person", "Role", "Assignment", "Done", "Progress", "Planned finish", "Due", "Skills the plan cannot close"].map { HTMLText.text("th", $0) }.joined())
        for report in team["reports"]?.arrayValue ?? [] {
            let who = "\(report["name"]?.stringValue ?? "?") (\(report["id"]?.stringValue ?? "?"))"
            let assignments = report["assignments"]?.arrayValue ?? []
            if assignments.isEmpty {
                rows += HTMLText.element("tr", [], [who, report["role"]?.stringValue ?? "", "—", "", "", "", "", ""].map { HTMLText.text("td", $0) }.joined())
            }
            for assignment in assignments {
                let progress = assignment["progress"]?.stringValue ?? "?"
                let unmet = (assignment["unmet"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }.joined(separator: ", ")
                rows += HTMLText.element("tr", [], [
                    HTMLText.text("td", who), HTMLText.text("td", report["role"]?.stringValue ?? ""),
                    HTMLText.text("td", assignment["targetRole"]?.stringValue ?? "?"),
                    HTMLText.text("td", "\(assignment["percentComplete"].map { JSONWriter.string($0) } ?? "0")%"),
                    HTMLText.text("td", [("class", progress)], progress), HTMLText.text("td", assignment["plannedCompletion"]?.stringValue ?? "—"),
                    HTMLText.text("td", assignment["dueDate"]?.stringValue ?? "—"),
                    HTMLText.text("td", unmet),
                ].joined())
            }
        }
        let summary = team["summary"]
        let counts = TeamCommand.verdicts.compactMap { key, label in
            (summary?[key]?.intValue ?? 0) > 0 || key == "onTrack" ? "\(summary?[key]?.intValue ?? 0) \(label)" : nil
        }
        let line = "\(Plural.count(summary?["people"]?.intValue ?? 0, "person", plural: "people")), \(Plural.count(summary?["assignments"]?.intValue ?? 0, "assignment")): " + counts.joined(separator: ", ") + "."
        return HTMLText.text("p", line) + HTMLText.element("table", [], rows)
    }

    /// Teams across, skills down; each cell met/needed on a background from red (none met) to green (all).
    func heatMap(_ report: JSONValue) -> String {
        let teams = report["teams"]?.arrayValue ?? []
        let totals = report["totals"]?.arrayValue ?? []
        guard !totals.isEmpty else { return HTMLText.text("p", "No skill needs here.") }
        var rows = HTMLText.element("tr", [], HTMLText.text("th", "Skill") + teams.map { HTMLText.text("th", $0["name"]?.stringValue ?? $0["team"]?.stringValue ?? "?") }.joined()
            + HTMLText.text("th", "Shortfall") + HTMLText.text("th", "Hours to close"))
        for total in totals {
            let skill = total["skill"]?.stringValue ?? ""
            var cells = HTMLText.text("td", [("class", "skill")], total["name"]?.stringValue ?? skill)
            for team in teams {
                let cell = team["skills"]?.arrayValue?.first { $0["skill"]?.stringValue == skill }
                let need = cell?["need"]?.intValue ?? 0
                let meet = cell?["meet"]?.intValue ?? 0
                let seats = cell?["openSeats"]?.intValue ?? 0
                guard need > 0 else {
                    cells += HTMLText.text("td", seats > 0 ? "+\(seats)" : "·")
                    continue
                }
                // Hue 0 (red) at none met to 120 (green) at all met.
                let hue = 120 * meet / need
                cells += HTMLText.text("td", [("style", "background:hsl(\(hue),70%,85%)"), ("title", "\(meet) of \(need) meet it")], "\(meet)/\(need)\(seats > 0 ? " +\(seats)" : "")")
            }
            cells += HTMLText.text("td", String(total["shortfall"]?.intValue ?? 0)) + HTMLText.text("td", total["hours"].map { JSONWriter.string($0) } ?? "0")
            rows += HTMLText.element("tr", [], cells)
        }
        return HTMLText.element("table", [("class", "heat")], rows)
    }
}
