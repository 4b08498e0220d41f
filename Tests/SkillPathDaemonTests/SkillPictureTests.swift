import Foundation
import SkillPathCore
import SkillPathFixtures
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

    /// Random organisations on the shipped catalog (a forest of managers, random skills, active assignments,
    /// open seats, leavers), every cell of every team and every total checked against a count made person by
    /// person from what the test itself wrote: for everyone, for the top of a tree and for a manager inside it.
    @Test(arguments: [UInt64(3), 17, 2026])
    func everyCellIsTheCountOfThePeopleInIt(seed: UInt64) throws {
        let catalog = try CatalogLoader.load(directory: "\(ProcessRunner.packageRoot)/Catalog")
        let planner = Planner(catalog: catalog)
        let daemon = try DaemonProcess(catalogFiles: nil)
        let client = try daemon.client()
        var random = SeededGenerator(seed: seed)
        let count = 40
        let ids = (0..<count).map { "p" + (($0 < 10) ? "0" : "") + String($0) }
        // Two trees: p00 and p20 head them; everyone else reports to someone earlier in their own tree.
        let managers: [Int?] = (0..<count).map { $0 == 0 || $0 == 20 ? nil : random.int(in: ($0 < 20 ? 0 : 20)...($0 - 1)) }
        var roles: [String] = []
        var levels: [[String: Int]] = []
        var rows: [JSONValue] = []
        for number in 0..<count {
            let role = random.pick(catalog.roles).id
            var held: [String: Int] = [:]
            for _ in 0..<random.int(in: 0...6) { held[random.pick(catalog.skills).id] = random.int(in: 1...5) }
            roles.append(role)
            levels.append(held)
            rows.append(.object([
                ("id", .string(ids[number])), ("name", .string("Person \(number)")), ("role", .string(role)),
                ("manager", managers[number].map { .string(ids[$0]) }),
                ("skills", .array(held.sorted { $0.key < $1.key }.map { .object([("skill", .string($0.key)), ("level", .int($0.value))]) })),
            ]))
        }
        _ = try client.result("employees.upsert", .object([("employees", .array(rows))]))
        var targets: [[String]] = Array(repeating: [], count: count)
        for number in 0..<count where random.chance(0.3) {
            let target = random.pick(catalog.roles).id
            if target != roles[number], (try? client.result("assignments.create", .object([("employee", .string(ids[number])), ("targetRole", .string(target))]))) != nil {
                targets[number].append(target)
            }
        }
        var seats: [(manager: Int, role: String)] = []
        for _ in 0..<4 {
            let manager = random.int(in: 0...(count - 1))
            let role = random.pick(catalog.roles).id
            _ = try client.result("opportunities.create", .object([("role", .string(role)), ("manager", .string(ids[manager]))]))
            seats.append((manager, role))
        }
        // Leavers are counted nowhere, managers among them: their reports stay under them in the tree, so a team
        // can be headed by someone who left (docs/reports.md), and it is shown while someone in it is counted.
        let leavers = Set((0..<count).filter { $0 != 0 && $0 != 20 && random.chance(0.15) })
        let yesterday = CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400) - 1).description
        for leaver in leavers.sorted() {
            _ = try client.result("employees.upsert", .object([("employees", .array([.object([("id", .string(ids[leaver])), ("leftOn", .string(yesterday))])]))]))
        }

        func needs(_ role: String) -> [(String, Int)] {
            (catalog.role(role)?.requires ?? []).filter { $0.importance == .essential }.map { ($0.skill, $0.level) }
        }
        func chain(_ number: Int) -> [Int] {
            var chain = [number]
            while let boss = managers[chain[chain.count - 1]] { chain.append(boss) }
            return chain
        }
        for scope in [nil, 20, managers[random.int(in: 21...(count - 1))] ?? 20] as [Int?] {
            // The team of each person in scope: the manager themself, else the direct report above them; for
            // everyone, the top of their tree.
            func team(_ number: Int, leaverToo: Bool = false) -> Int? {
                guard leaverToo || !leavers.contains(number) else { return nil }
                let up = chain(number)
                guard let scope else { return up.last }
                guard let at = up.firstIndex(of: scope) else { return nil }
                return at == 0 ? scope : up[at - 1]
            }
            var expected: [String: [String: [Int]]] = [:]
            func add(_ team: Int, _ skill: String, _ change: (inout [Int]) -> Void) {
                // needCurrent, needTarget, meet, shortfall, openSeats, hours, unclosable
                change(&expected[ids[team], default: [:]][skill, default: [0, 0, 0, 0, 0, 0, 0]])
            }
            for number in 0..<count {
                guard let home = team(number) else { continue }
                var highest: [String: (level: Int, current: Bool)] = [:]
                for (skill, level) in needs(roles[number]) { highest[skill] = (max(highest[skill]?.level ?? 0, level), true) }
                for target in targets[number] {
                    for (skill, level) in needs(target) { highest[skill] = (max(highest[skill]?.level ?? 0, level), highest[skill]?.current ?? false) }
                }
                for (skill, need) in highest {
                    let have = levels[number][skill] ?? 0
                    let hours = have >= need.level ? nil : planner.hoursToRaise(skill: skill, from: have, to: need.level)
                    add(home, skill) { cell in
                        cell[need.current ? 0 : 1] += 1
                        if have >= need.level { cell[2] += 1 } else { cell[3] += 1 }
                        if have < need.level, let hours { cell[5] += Int(hours.description) ?? -1_000 }
                        if have < need.level, hours == nil { cell[6] += 1 }
                    }
                }
            }
            for seat in seats {
                // A seat whose manager left is still open where they sat.
                guard let home = team(seat.manager, leaverToo: true) else { continue }
                for (skill, _) in needs(seat.role) { add(home, skill) { $0[4] += 1 } }
            }
            let report = try client.result("reports.skills", scope.map { .object([("manager", .string(ids[$0]))]) } ?? .object([]))
            func figures(_ cell: JSONValue) -> [Int] {
                ["needCurrent", "needTarget", "meet", "shortfall", "openSeats", "hours", "unclosable"].map { cell[$0]?.intValue ?? -1 }
            }
            let shownTeams = (report["teams"]?.arrayValue ?? []).compactMap { $0["team"]?.stringValue }
            #expect(Set(shownTeams) == Set((0..<count).compactMap { team($0) }.map { ids[$0] }), "seed \(seed), scope \(scope.map { ids[$0] } ?? "everyone"): the teams shown")
            var seen: [String: [String: [Int]]] = [:]
            for shown in report["teams"]?.arrayValue ?? [] {
                let id = shown["team"]?.stringValue ?? ""
                for cell in shown["skills"]?.arrayValue ?? [] { seen[id, default: [:]][cell["skill"]?.stringValue ?? ""] = figures(cell) }
                #expect(shown["people"]?.intValue == (0..<count).filter { team($0).map { ids[$0] } == id }.count, "seed \(seed), scope \(scope.map { ids[$0] } ?? "everyone"), team \(id)")
            }
            #expect(seen.filter { !$0.value.isEmpty } == expected.filter { shownTeams.contains($0.key) }, "seed \(seed), scope \(scope.map { ids[$0] } ?? "everyone")")
            var totals: [String: [Int]] = [:]
            for cells in expected.values {
                for (skill, cell) in cells { totals[skill] = zip(totals[skill] ?? [0, 0, 0, 0, 0, 0, 0], cell).map { $0 + $1 } }
            }
            let reported = Dictionary((report["totals"]?.arrayValue ?? []).map { ($0["skill"]?.stringValue ?? "", figures($0)) }, uniquingKeysWith: { first, _ in first })
            #expect(reported == totals, "seed \(seed), scope \(scope.map { ids[$0] } ?? "everyone"): totals")

            // With a limit, each list keeps its first rows and counts the rest.
            var limited = JSONObject(scope.map { [JSONMember("manager", .string(ids[$0]))] } ?? [])
            limited["limit"] = 3
            let short = try client.result("reports.skills", .object(limited))
            for (full, cut) in zip(report["teams"]?.arrayValue ?? [], short["teams"]?.arrayValue ?? []) {
                let all = full["skills"]?.arrayValue ?? []
                #expect(cut["skills"]?.arrayValue == Array(all.prefix(3)), "seed \(seed): the first three rows")
                #expect(cut["skillsLeftOut"]?.intValue == (all.count > 3 ? all.count - 3 : nil), "seed \(seed): \(cut)")
            }
            let allTotals = report["totals"]?.arrayValue ?? []
            #expect(short["totals"]?.arrayValue == Array(allTotals.prefix(3)) && short["totalsLeftOut"]?.intValue == (allTotals.count > 3 ? allTotals.count - 3 : nil))
            #expect(report["totalsLeftOut"] == nil, "the default limit lists everything here")
        }
    }
}
