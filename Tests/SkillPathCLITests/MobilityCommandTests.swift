import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The mobility commands (moves, opportunities, suggest, candidates, report mobility) as a user runs them.
@Suite(.serialized) struct MobilityCommandTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess()
        _ = try daemon.client().result("employees.upsert", StoreTeam.rows)
    }

    func skillpath(_ arguments: String...) throws -> ProcessOutput {
        try ProcessRunner.run("skillpath", arguments + ["--no-color"], environment: ["SKILLPATH_SOCKET": daemon.socketPath, "COLUMNS": "200", "SKILLPATH_FORCE_TTY": "1"])
    }

    /// apply, applications, applications move and withdraw, mentors and mentoring, as a user runs them.
    @Test func applicationsAndMentorsFromTheCommandLine() throws {
        _ = try daemon.client().result("opportunities.create", .object([("role", "ml-engineer"), ("manager", "l")]))
        let applied = try skillpath("apply", "1", "--employee", "a1", "--note", "I want to build models", "--confidential")
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.hasPrefix("Applied to opportunity 1 (ml-engineer): application 1, confidential until shortlisted."), "\(applied.stdout)")
        let listed = try JSONParser.parse(skillpath("applications", "--opportunity", "1", "--json").stdout)
        #expect(listed["applications"]?.arrayValue?.map { $0["employee"] } == ["a1"])
        let table = try skillpath("applications", "--opportunity", "1")
        #expect(table.stdout.contains("applied (confidential)"), "\(table.stdout)")
        #expect(try skillpath("applications", "move", "1", "shortlisted", "--note", "strong").stdout == "Application 1 (a1 for opening 1) is now shortlisted.\n")
        #expect(try skillpath("applications", "move", "1", "hired").status == 64, "not a status")
        let skip = try skillpath("applications", "move", "1", "accepted")
        #expect(skip.status == 65 && skip.stderr.contains("it can move to offered, declined, withdrawn, not accepted"), "\(skip.stderr)")
        #expect(try skillpath("applications", "withdraw", "1").stdout == "Application 1 is withdrawn.\n")

        _ = try daemon.client().result("employees.setSkills", .object([("employee", "l"), ("skills", .array([.object([("skill", "python"), ("level", 3)])]))]))
        #expect(try skillpath("mentors", "offer", "--capacity", "2", "--employee", "l", "--skill", "python").status == 0)
        let mentors = try skillpath("mentors", "python", "--employee", "a1")
        #expect(mentors.status == 0 && mentors.stdout.contains("Python 1→2") && mentors.stdout.contains("Lead Person"), "\(mentors.stdout)")
        #expect(mentors.stdout.contains("(your line)"), "l manages a1's manager: inside a1's line")
        #expect(try skillpath("mentors").status == 64, "a skill or a role")
        #expect(try skillpath("mentoring", "start", "l", "python", "--learner", "a1").stdout.hasPrefix("Mentoring 1: l mentors a1 in python from "))
        #expect(try skillpath("mentoring", "--employee", "a1").stdout.contains("python"))
        #expect(try skillpath("mentoring", "end", "1").stdout.hasPrefix("Mentoring 1 ended on "))
    }

    @Test func projectGigsFromTheCommandLine() throws {
        let opened = try skillpath(
            "opportunities", "open", "analyst", "--project", "--manager", "l", "--weeks", "6", "--hours-per-week", "3", "--develops", "python:2,sql:2",
            "--title", "Churn model")
        #expect(opened.stdout.hasPrefix("Opened opportunity 1: analyst (project, 1 seat) from "), "\(opened.stderr)")
        #expect(try skillpath("opportunities", "--kind", "project").stdout.contains("project, 6 wk, 3 h/wk"))
        let bad = try skillpath("opportunities", "open", "analyst", "--project", "--weeks", "6", "--hours-per-week", "3", "--develops", "python=2")
        #expect(bad.status == 64 && bad.stderr.contains("--develops takes SKILL:LEVEL pairs"), "\(bad.stderr)")
        let tooMuch = try skillpath("opportunities", "open", "analyst", "--project", "--weeks", "6", "--hours-per-week", "41", "--develops", "sql:2")
        #expect(tooMuch.status == 64 && tooMuch.stderr.contains("--hours-per-week"), "the daemon's hoursPerWeek is the flag: \(tooMuch.stderr)")

        let candidates = try skillpath("candidates", "--opportunity", "1")
        #expect(candidates.status == 0 && candidates.stdout.contains("python 1→2, sql 0→2"), "\(candidates.stdout)")
        let suggested = try skillpath("suggest", "a2", "--kinds", "project")
        #expect(suggested.stdout.contains("Churn model") && suggested.stdout.contains("python 0→2"), "\(suggested.stdout)")

        let taken = try skillpath("opportunities", "close", "1", "--filled-by", "a1")
        #expect(taken.stdout.contains("Started project move 1: a1 on project 1, 3 h a week from"), "\(taken.stdout)")
        #expect(taken.stdout.contains("(role unchanged)"))
        let listed = try skillpath("projects")
        #expect(listed.stdout.contains("running") && listed.stdout.contains("python 2, sql 2"), "\(listed.stdout)")
        #expect(try skillpath("projects", "finish", "1").status == 64, "--completed or --stopped")
        let finished = try skillpath("projects", "finish", "1", "--completed", "--note", "shipped")
        #expect(finished.stdout.contains("Manager-confirmed evidence added: python 2, sql 2."), "\(finished.stdout) \(finished.stderr)")
        #expect(try skillpath("projects", "finish", "1", "--stopped").status == 65, "ends once")
        let report = try skillpath("report", "mobility", "--months", "1")
        #expect(report.stdout.contains("Project gigs (no change of role): 1 started; 1 completed, 0 stopped"), "\(report.stdout)")
    }

    @Test func aMoveAnOpeningAndTheReportReadAsSentences() throws {
        let recorded = try skillpath("moves", "record", "a1", "scientist", "--date", "2025-03-01")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout == "Recorded move 1: a1 analyst → scientist (promotion) on 2025-03-01.\n")
        let listed = try skillpath("moves")
        // The move's id leads its row: `moves end` takes it.
        #expect(listed.stdout.contains(" 1  2025-03-01  a1        analyst  scientist  promotion  kind from the catalog"), "\(listed.stdout)")
        #expect(listed.stdout.hasPrefix("ID  Date"), "\(listed.stdout)")
        #expect(try JSONParser.parse(skillpath("moves", "--json").stdout).arrayValue?.count == 1)

        let opened = try skillpath("opportunities", "open", "lead", "--manager", "l", "--headcount", "2", "--opens", "2025-01-01")
        #expect(opened.stdout == "Opened opportunity 1: lead (position, 2 seats) from 2025-01-01.\n", "\(opened.stderr)")
        let market = try skillpath("opportunities")
        #expect(market.stdout.contains("Data Lead") && market.stdout.contains("2 of 2"), "\(market.stdout)")
        let filled = try skillpath("opportunities", "close", "1", "--filled-by", "a2", "--date", "2025-04-01")
        #expect(filled.stdout == """
            Opportunity 1 is open (1 seat left).
            Recorded move 2: a2 analyst → lead (lateral) on 2025-04-01.

            """, "\(filled.stderr)")
        let again = try skillpath("opportunities", "close", "1", "--withdraw")
        #expect(again.stdout == "Opportunity 1 is closed (0 seats left).\n", "withdrawn: no seat is left to take")
        #expect(try skillpath("opportunities").stdout.contains("No open opportunities right now"))

        let report = try skillpath("report", "mobility", "--from", "2025-01-01", "--to", "2025-12-31", "--group-by", "quarter")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Moves: 2 (1 promotion, 1 lateral, 0 secondments)"), "one noun form a count: \(report.stdout)")
        #expect(report.stdout.contains("Internal fill rate: 1 of 1 (100%)"))
        #expect(report.stdout.contains("2025-Q2"))
        let lastYear = try skillpath("report", "mobility", "--json")
        let json = try JSONParser.parse(lastYear.stdout)
        #expect(json["to"] == json["asOf"], "the period ends today by default")
        let to = try #require(json["to"]?.stringValue.flatMap(CalendarDate.init(iso:)))
        #expect(json["from"]?.stringValue == to.adding(months: -12).adding(days: 1).description, "and covers the twelve months before")
    }

    /// A move is judged a year after it, so the default year shows none judged and says how to reach back;
    /// `--months 24` reaches a move of 400 days ago and judges it.
    @Test func successIsJudgedOnAPeriodThatReachesBackFarEnough() throws {
        let today = CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        #expect(try skillpath("moves", "record", "a1", "scientist", "--date", today.adding(days: -400).description).status == 0)
        #expect(try skillpath("moves", "record", "a2", "lead", "--date", today.adding(days: -30).description).status == 0)
        let lastYear = try skillpath("report", "mobility")
        #expect(lastYear.stdout.contains("Move success: — (0 of 0); 1 too recent to judge"), "\(lastYear.stdout)")
        #expect(lastYear.stdout.contains("(a move is judged 12 months after it: --months 24 reaches back to moves that can be)"))
        let twoYears = try skillpath("report", "mobility", "--months", "24")
        #expect(twoYears.status == 0, "\(twoYears.stderr)")
        #expect(twoYears.stdout.contains("Move success: 1 of 1 (100%); 1 too recent to judge"), "\(twoYears.stdout)")
        #expect(!twoYears.stdout.contains("reaches back"), "nothing to hint at once a move is judged")
        let json = try JSONParser.parse(skillpath("report", "mobility", "--months", "24", "--json").stdout)
        let to = try #require(json["to"]?.stringValue.flatMap(CalendarDate.init(iso:)))
        #expect(json["from"]?.stringValue == to.adding(months: -24).adding(days: 1).description)
    }

    @Test func suggestionsAndCandidatesAreTablesWithReasons() throws {
        let suggestions = try skillpath("suggest", "a1", "--sort", "hours")
        #expect(suggestions.status == 0, "\(suggestions.stderr)")
        let lines = suggestions.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Closest moves for a1 (now analyst)") == true)
        #expect(lines.dropFirst(2).first?.contains("scientist    Data Scientist  promotion") == true, "the id, then the title: \(suggestions.stdout)")
        #expect(lines.last?.contains("ml-engineer") == true && lines.last?.contains("ML Engineer") == true && lines.last?.contains("never") == true,
                "the unreachable role comes last, never ready: \(suggestions.stdout)")

        let candidates = try skillpath("candidates", "scientist")
        #expect(candidates.status == 0, "\(candidates.stderr)")
        let rows = candidates.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.first?.contains("a1") == true && rows.first?.contains("promotion") == true, "\(candidates.stdout)")
        #expect(!candidates.stdout.contains(" m "), "m holds the role already")
    }

    @Test func everyMisuseGetsTheDocumentedExitCode() throws {
        let cases: [([String], Int32, String)] = [
            (["moves", "end", "1", "--return", "--convert"], 64, "exactly one of --return and --convert"),
            (["moves", "end", "one", "--return"], 64, "MOVE must be a move id"),
            (["moves", "--from", "yesterday"], 64, "--from must be a date"),
            (["moves", "record", "a1"], 64, "missing ROLE"),
            (["moves", "record", "a1", "astronaut"], 3, "unknown role 'astronaut'"),
            (["moves", "end", "999", "--return"], 3, "no move 999 that you may see"),
            (["opportunities", "close", "1"], 64, "exactly one of --filled-by"),
            (["opportunities", "open", "lead", "--headcount", "0"], 64, "--headcount must be a positive whole number"),
            (["opportunities", "close", "77", "--external"], 3, "no opportunity 77"),
            (["candidates"], 64, "give a ROLE or --opportunity ID"),
            (["candidates", "astronaut"], 3, "unknown role 'astronaut'"),
            (["suggest", "ghost"], 3, "unknown employee 'ghost'"),
            (["suggest", "a1", "--hours-per-week", "500"], 64, "--hours-per-week must be"),
            (["report", "mobility", "--to", "2025-02-30"], 64, "--to must be a date"),
            // The daemon finds this one; it is still an invalid option value, named by its flag.
            (["report", "mobility", "--from", "2025-06-01", "--to", "2025-01-01"], 64, "--to is before from"),
            (["suggest", "a1", "--limit", "500"], 64, "--limit must be between 1 and 100, got 500"),
            (["path", "--target="], 64, "--target must not be empty"),
            (["report", "mobility", "--from", "2025-06-01", "--months", "3"], 64, "give --from or --months, not both"),
            (["report", "mobility", "--months", "0"], 64, "--months must be a whole number of months from 1 to 1200"),
        ]
        for (arguments, status, message) in cases {
            let result = try ProcessRunner.run("skillpath", arguments, environment: ["SKILLPATH_SOCKET": daemon.socketPath])
            #expect(result.status == status, "skillpath \(arguments.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains(message), "skillpath \(arguments.joined(separator: " ")): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        _ = try skillpath("opportunities", "open", "lead", "--manager", "l")
        _ = try skillpath("opportunities", "close", "1", "--external")
        let closedTwice = try ProcessRunner.run("skillpath", ["opportunities", "close", "1", "--external"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(closedTwice.status == 65, "a conflict is bad data: \(closedTwice.stderr)")
        #expect(closedTwice.stderr.contains("opportunity 1 is filled and can no longer change"))
    }
}

/// The store tests' team: l leads m (login root, so the tests run as a manager and administrator), who
/// manages a1 (Python 1) and a2.
enum StoreTeam {
    static let rows: JSONValue = .object([("employees", .array([
        .object([("id", "l"), ("name", "Lead Person"), ("role", "lead")]),
        .object([("id", "m"), ("name", "Manager Person"), ("login", "root"), ("role", "scientist"), ("manager", "l")]),
        .object([("id", "a1"), ("name", "Analyst One"), ("role", "analyst"), ("manager", "m"),
                 ("skills", .array([.object([("skill", "python"), ("level", 1)])]))]),
        .object([("id", "a2"), ("name", "Analyst Two"), ("role", "analyst"), ("manager", "m")]),
    ]))])
}
