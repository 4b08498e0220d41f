import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// `reports.skills` on a small organisation, every figure worked by hand (docs/reports.md has the same
/// example), and the CLI's heat map and CSV.
///
/// b (lead: python 3, sql 2, statistics 2) manages t1 and t2 (analysts: sql 2). t1 holds sql 2; t2 holds
/// sql 1 and is assigned to scientist (python 3, statistics 2, sql 1). An open analyst seat sits in t1's team.
/// Hours come from the fixture catalog (py1 4 → py2 6 → py3 10; sql1 3 → sql2 5, after sql1; stats-course
/// 8, needs python 2), for someone with no other skills:
/// - team b: python 0→3 = 20 h, sql 0→2 = 8 h, statistics 0→2 = 8 + py1 + py2 = 18 h;
/// - team t1: sql met; one open seat needs sql;
/// - team t2: sql 1→2 = sql1 + sql2 = 8 h (sql2 comes after sql1); python 0→3 = 20 h and statistics 18 h
///   for the target role (needTarget).
@Suite struct SkillPictureTests {
    @Test func everyFigureIsWhatTheHandWorkedExampleSays() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "b"), ("name", "Boss"), ("role", "lead")]),
            .object([("id", "t1"), ("name", "Team One"), ("role", "analyst"), ("manager", "b"), ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]),
            .object([("id", "t2"), ("name", "Team Two"), ("role", "analyst"), ("manager", "b"), ("skills", .array([.object([("skill", "sql"), ("level", 1)])]))]),
        ]))]))
        _ = try client.result("assignments.create", .object([("employee", "t2"), ("targetRole", "scientist")]))
        _ = try client.result("opportunities.create", .object([("role", "analyst"), ("manager", "t1")]))
        let report = try client.result("reports.skills", .object([("manager", "b")]))
        let teams = report["teams"]?.arrayValue ?? []
        #expect(teams.map { $0["team"]?.stringValue ?? "" } == ["b", "t1", "t2"])
        func cell(_ team: String, _ skill: String) -> [Int] {
            let found = teams.first { $0["team"]?.stringValue == team }?["skills"]?.arrayValue?.first { $0["skill"]?.stringValue == skill }
            return ["needCurrent", "needTarget", "meet", "shortfall", "openSeats", "hours", "unclosable"].map { found?[$0]?.intValue ?? -1 }
        }
        //                                       current target meet short seats hours unclosable
        #expect(cell("b", "python") == [1, 0, 0, 1, 0, 20, 0])
        #expect(cell("b", "sql") == [1, 0, 0, 1, 0, 8, 0])
        #expect(cell("b", "statistics") == [1, 0, 0, 1, 0, 18, 0])
        #expect(cell("t1", "sql") == [1, 0, 1, 0, 1, 0, 0])
        #expect(cell("t2", "sql") == [1, 0, 0, 1, 0, 8, 0])
        #expect(cell("t2", "python") == [0, 1, 0, 1, 0, 20, 0])
        #expect(cell("t2", "statistics") == [0, 1, 0, 1, 0, 18, 0])
        let totals = report["totals"]?.arrayValue ?? []
        #expect(totals.first { $0["skill"] == "sql" }?["shortfall"] == .number("2"))
        #expect(totals.first { $0["skill"] == "sql" }?["hours"] == .number("16"))
        // Biggest shortfall first.
        #expect(totals.map { $0["shortfall"]?.intValue ?? 0 } == totals.map { $0["shortfall"]?.intValue ?? 0 }.sorted(by: >))

        // Filters: one skill, and needs from one role only.
        let sqlOnly = try client.result("reports.skills", .object([("manager", "b"), ("skills", .strings(["sql"]))]))
        #expect(sqlOnly["totals"]?.arrayValue?.map { $0["skill"]?.stringValue ?? "" } == ["sql"])
        let leadOnly = try client.result("reports.skills", .object([("manager", "b"), ("roles", .strings(["lead"]))]))
        #expect(leadOnly["totals"]?.arrayValue?.compactMap { $0["need"]?.intValue } == [1, 1, 1])
        let unknown = try client.call("reports.skills", .object([("roles", .strings(["astronaut"]))]))
        #expect(unknown["error"]?["code"] == .number("-32002"))

        // The CLI: a heat map, and CSV a spreadsheet reads.
        let environment = ["SKILLPATH_SOCKET": daemon.socketPath, "COLUMNS": "120"]
        let map = try ProcessRunner.run("skillpath", ["report", "skills", "--manager", "b"], environment: environment)
        #expect(map.status == 0, "\(map.stderr)")
        #expect(map.stdout.contains("SQL"), "\(map.stdout)")
        #expect(map.stdout.split(separator: "\n").contains { $0.hasPrefix("SQL") && $0.contains("0/1") && $0.contains("1/1+1") }, "\(map.stdout)")
        #expect(!map.stdout.contains("\u{1B}["), "no colour into a pipe")
        let csv = try ProcessRunner.run("skillpath", ["report", "skills", "--manager", "b", "--csv"], environment: environment)
        let rows = csv.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "team,team_name,skill,skill_name,need_current,need_target,need,meet,shortfall,open_seats,hours,unclosable")
        #expect(rows.contains("t2,Team Two,sql,SQL,1,0,1,0,1,0,8,0"), "\(csv.stdout)")
        #expect(rows.contains("ALL,all teams,sql,SQL,3,0,3,1,2,1,16,0"), "\(csv.stdout)")
    }
}
