import Foundation
import SkillPathCore
import SkillPathFixtures
import SkillPathJSON
import SkillPathProtocol
import SkillPathTestSupport
import SystemSupport
import Testing

/// Career aspirations through the real daemon: who may write and read them, what they change in suggestions
/// and rankings, the picture of docs/mobility.md's worked example, and the seams with moves and departures.
@Suite struct AspirationTests {
    /// docs/mobility.md's team: l leads m, who manages a1 (Python 1) and a2, each saying what they want.
    static let team: JSONValue = .object([("employees", .array([
        .object([("id", "l"), ("name", "Lead"), ("role", "lead")]),
        .object([("id", "m"), ("name", "Manager"), ("role", "scientist"), ("manager", "l"),
                 ("aspirations", .object([("roles", .strings(["lead"])), ("notLooking", true)]))]),
        .object([("id", "a1"), ("name", "Analyst One"), ("role", "analyst"), ("manager", "m"),
                 ("skills", .array([.object([("skill", "python"), ("level", 1)])])),
                 ("aspirations", .object([("roles", .strings(["scientist", "lead"])), ("skills", .strings(["statistics"])), ("openTo", .strings(["promotion"]))]))]),
        .object([("id", "a2"), ("name", "Analyst Two"), ("role", "analyst"), ("manager", "m"),
                 ("aspirations", .object([("roles", .strings(["ml-engineer", "scientist"])), ("openTo", .strings(["lateral", "project"]))]))]),
    ]))])

    struct Running {
        let daemon: DaemonProcess
        let client: RPCClient
    }

    func started() throws -> Running {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let upsert = try client.result("employees.upsert", Self.team)
        #expect(upsert["inserted"] == .number("4"), "\(upsert)")
        return Running(daemon: daemon, client: client)
    }

    /// The day `hours` of learning at `pace` a week end on, counting today as the first day.
    static func readyBy(hours: Double, pace: Double = 4) -> String {
        let today = CalendarDate(daysSinceEpoch: LocalClock.todayDaysSinceEpoch())
        return today.adding(days: Int((hours * 7 / pace).rounded(.up)) - 1).description
    }

    @Test func theWorkedExampleOfTheDocs() throws {
        let running = try started()
        let report = try running.client.result("reports.aspirations")
        #expect(report["people"] == .number("4"))
        #expect(report["withAspirations"] == .number("3"))
        #expect(report["notLooking"] == .number("1"))
        #expect(report["openTo"] == .object([("promotion", 1), ("lateral", 1), ("secondment", 0), ("project", 1)]))
        let today = CalendarDate(daysSinceEpoch: LocalClock.todayDaysSinceEpoch())
        #expect(report["horizon"]?.stringValue == today.adding(months: 6).description)
        let roles = report["roles"]?.arrayValue ?? []
        #expect(roles.map { $0["role"]?.stringValue ?? "" } == ["lead", "scientist", "ml-engineer"])
        func figures(_ role: JSONValue) -> [Int?] {
            ["wantedBy", "firstChoice", "holders", "readyWithin"].map { role[$0]?.intValue }
        }
        #expect(roles.map(figures) == [[2, 1, 1, 2], [2, 1, 1, 2], [1, 1, 0, 0]])
        #expect(roles[0]["nearest"] == .object([("employee", "a1"), ("readyBy", .string(Self.readyBy(hours: 32)))]))
        #expect(roles[1]["nearest"] == .object([("employee", "a1"), ("readyBy", .string(Self.readyBy(hours: 27)))]))
        #expect(roles[2]["nearest"] == nil, "nothing teaches Kubernetes: a2 is never ready for ml-engineer")
        #expect(report["outOfReach"]?.arrayValue?.map { $0["role"] } == ["ml-engineer"])
        #expect(report["leastWanted"]?.arrayValue?.map { $0["role"] } == ["analyst", "lead", "scientist"])
        #expect(report["leastWanted"]?.arrayValue?.first?["wantedBy"] == .number("0"))
        #expect(report["skills"] == .array([.object([("skill", "statistics"), ("wantedBy", 1)])]))
        // Each wish as the table of the docs has it: hours and the day the last hour falls on.
        let team = report["team"]?.arrayValue ?? []
        #expect(team.map { $0["employee"]?.stringValue ?? "" } == ["a1", "a2", "m"])
        func wishes(_ person: JSONValue) -> [String] {
            (person["wanted"]?.arrayValue ?? []).map { "\($0["role"]?.stringValue ?? "") \($0["hours"]?.intValue ?? -1) \($0["readyBy"]?.stringValue ?? "never")" }
        }
        #expect(wishes(team[0]) == ["scientist 27 \(Self.readyBy(hours: 27))", "lead 32 \(Self.readyBy(hours: 32))"])
        #expect(wishes(team[1]) == ["ml-engineer 10 never", "scientist 31 \(Self.readyBy(hours: 31))"])
        #expect(wishes(team[2]) == ["lead 36 \(Self.readyBy(hours: 36))"])
        #expect(Self.readyBy(hours: 27) == today.adding(days: 47).description, "47.25 days: the 48th day, today being the first")

        // A manager sees their own subtree: m's has m, a1 and a2.
        let scoped = try running.client.result("reports.aspirations", .object([("manager", "m"), ("months", 1)]))
        #expect(scoped["people"] == .number("3"))
        #expect(scoped["roles"]?.arrayValue?.allSatisfy { $0["readyWithin"] == .number("0") } == true, "nobody is ready within a month")
    }

    /// roles.suggest: wanted roles first in the person's order, then roles growing a wanted skill, each
    /// saying so; candidates.rank marks who wants the role and can keep only them.
    @Test func suggestionsAndRankingsFollowWhatPeopleWant() throws {
        let running = try started()
        let client = running.client
        for sort in ["relatedness", "hours"] {
            let suggestions = try client.result("roles.suggest", .object([("employee", "a1"), ("sort", .string(sort)), ("includeOpportunities", false)]))
            let entries = suggestions["suggestions"]?.arrayValue ?? []
            #expect(entries.map { $0["role"]?.stringValue ?? "" } == ["scientist", "lead", "ml-engineer"], "\(sort)")
            #expect(entries.map { $0["wanted"]?.intValue } == [1, 2, nil])
            #expect(entries.first?["reason"]?.stringValue?.contains("you want this role (choice 1)") == true, "\(entries.first ?? .null)")
        }
        // a2 wants no skill; give them one only a role they do not want needs above their level.
        _ = try client.result("employees.setAspirations", .object([("employee", "a2"), ("roles", .null), ("skills", .strings(["python"]))]))
        let grown = try client.result("roles.suggest", .object([("employee", "a2"), ("sort", "hours")]))["suggestions"]?.arrayValue ?? []
        #expect(grown.allSatisfy { $0["grows"] == .strings(["python"]) }, "every other role needs Python above 0: \(grown)")
        #expect(grown.first?["reason"]?.stringValue?.contains("grows Python, which you want to grow") == true)

        let ranking = try client.result("candidates.rank", .object([("role", "scientist")]))
        let byID = Dictionary(uniqueKeysWithValues: (ranking["candidates"]?.arrayValue ?? []).map { ($0["employee"]?.stringValue ?? "", $0) })
        #expect(byID["a1"]?["wants"] == .number("1"))
        #expect(byID["a2"]?["wants"] == nil, "a2 cleared their roles")
        #expect(byID["l"]?["wants"] == nil)
        let lead = try client.result("candidates.rank", .object([("role", "lead")]))["candidates"]?.arrayValue ?? []
        #expect(lead.first { $0["employee"] == "m" }?["notLooking"] == .bool(true))
        #expect(lead.first { $0["employee"] == "m" }?["wants"] == .number("1"))
        let wanting = try client.result("candidates.rank", .object([("role", "lead"), ("wanting", true)]))
        #expect(wanting["candidates"]?.arrayValue?.map { $0["employee"] } == ["a1", "m"])
        let scoped = try client.result("candidates.rank", .object([("role", "lead"), ("wanting", true), ("manager", "a1")]))
        #expect(scoped["candidates"]?.arrayValue?.map { $0["employee"] } == ["a1"], "a1's subtree is a1 alone: m wants it too but is outside")
    }

    /// Only the employee writes; bad input is refused naming the field, and nothing is stored or audited.
    @Test func badAspirationsAreRefusedAndNothingIsWritten() throws {
        let running = try started()
        let client = running.client
        let before = try client.result("employees.aspirations", .object([("employee", "a1")]))["aspirations"]
        let audited = try client.result("audit.list", .object([("employee", "a1")]))["items"]?.arrayValue?.count
        let cases: [(JSONValue, String, String)] = [
            (.object([("roles", .strings(["scientist", "scientist"]))]), "-32602", "roles[1]"),
            (.object([("roles", .strings(["analyst", "lead", "scientist", "ml-engineer", "a", "b"]))]), "-32602", "roles"),
            (.object([("roles", .strings(["astronaut"]))]), "-32002", "roles[0]"),
            (.object([("skills", .strings(["juggling"]))]), "-32005", "skills[0]"),
            (.object([("openTo", .strings(["sabbatical"]))]), "-32602", "openTo[0]"),
            (.object([("notLooking", "yes")]), "-32602", "notLooking"),
            (.object([("wishes", .strings(["lead"]))]), "-32602", "wishes"),
            (.object([("roles", .array([.string("lead\u{0}")]))]), "-32602", "roles[0]"),
        ]
        for (params, code, field) in cases {
            var object = params.objectValue ?? JSONObject()
            object["employee"] = "a1"
            let error = try client.call("employees.setAspirations", .object(object))["error"]
            #expect(error?["code"] == .number(code), "\(params): \(String(describing: error))")
            let named = error?["data"]?["param"]?.stringValue ?? error?["data"]?["field"]?.stringValue ?? error?["message"]?.stringValue ?? ""
            #expect(named.contains(field), "\(params) names \(field): \(String(describing: error))")
        }
        #expect(try client.result("employees.aspirations", .object([("employee", "a1")]))["aspirations"] == before)
        #expect(try client.result("audit.list", .object([("employee", "a1")]))["items"]?.arrayValue?.count == audited)

        // The employee writes their own (here a service-like admin acting for a1); not a peer's.
        let own = try client.result("employees.setAspirations", .object([("actor", "a1"), ("openTo", .strings(["lateral"]))]))
        #expect(own["aspirations"]?["openTo"] == .strings(["lateral"]))
        #expect(own["aspirations"]?["roles"] == .strings(["scientist", "lead"]), "fields left out are kept")
        let peer = try client.call("employees.setAspirations", .object([("actor", "a2"), ("employee", "a1"), ("roles", .strings(["lead"]))]))
        #expect(peer["error"]?["code"] == -32001)
        #expect(try client.call("employees.aspirations", .object([("actor", "a2"), ("employee", "a1")]))["error"]?["code"] == -32001, "a peer may not read them")
        #expect(try client.call("employees.aspirations", .object([("actor", "m"), ("employee", "a1")]))["result"] != nil, "the manager may")
        let trail = try client.result("audit.list", .object([("employee", "a1")]))["items"]?.arrayValue ?? []
        let entry = trail.first { $0["action"] == "aspirations.set" }
        #expect(entry?["detail"]?["changed"]?["aspirations"]?["to"]?["openTo"] == .strings(["lateral"]), "\(trail)")

        // An import row with an unknown wanted role is rejected by its field, and writes nothing.
        let rejected = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a2"), ("aspirations", .object([("roles", .strings(["astronaut"]))]))]),
        ]))]))
        #expect(rejected["rejected"]?.arrayValue?.first?["field"] == "aspirations.roles[0]", "\(rejected)")
        #expect(try client.result("employees.aspirations", .object([("employee", "a2")]))["aspirations"]?["roles"] == .strings(["ml-engineer", "scientist"]))
    }

    /// A promotion into a wanted role reaches it: no longer wanted, counted or suggested. Someone who has
    /// left is not in the picture.
    /// What the store keeps reads back as it was written, on random aspirations; a form this daemon did not
    /// write (a newer one's, or damaged) reads as no aspirations rather than as part of one.
    @Test func storedAspirationsReadBackAsWritten() {
        var random = SeededGenerator(seed: 21)
        for _ in 0..<300 {
            let written = Aspirations(
                roles: (0..<random.int(in: 0...3)).map { "role-\($0)-\(random.int(in: 0...99))" }, skills: (0..<random.int(in: 0...3)).map { "https://x/skill/\($0)" },
                openTo: Aspirations.Move.allCases.filter { _ in random.int(in: 0...1) == 0 }, notLooking: random.int(in: 0...2) == 0)
            #expect(Aspirations.stored(JSONWriter.string(written.json)) == written)
        }
        for unreadable in [
            nil, "", "[]", "{", #"{"roles": "lead"}"#, #"{"roles": [1]}"#, #"{"openTo": ["sideways"]}"#, #"{"notLooking": "yes"}"#,
            #"{"roles": ["lead"], "wishes": []}"#,
        ] {
            #expect(Aspirations.stored(unreadable) == Aspirations(), "\(unreadable ?? "nil")")
        }
        #expect(Aspirations.stored(#"{"roles": null, "skills": ["sql"], "openTo": null, "notLooking": null}"#) == Aspirations(skills: ["sql"]))
    }

    @Test func aMoveIntoAWantedRoleReachesItAndLeaversDropOut() throws {
        let running = try started()
        let client = running.client
        _ = try client.result("moves.record", .object([("employee", "a1"), ("toRole", "scientist")]))
        let own = try client.result("employees.aspirations", .object([("employee", "a1")]))
        #expect(own["reached"] == .strings(["scientist"]))
        #expect(own["wanted"]?.arrayValue?.map { $0["role"] } == ["lead"])
        let report = try client.result("reports.aspirations")
        let scientist = report["roles"]?.arrayValue?.first { $0["role"] == "scientist" }
        #expect(scientist?["wantedBy"] == .number("1"), "only a2 still wants it: \(String(describing: scientist))")
        #expect(scientist?["holders"] == .number("2"), "m and, now, a1")
        let suggestions = try client.result("roles.suggest", .object([("employee", "a1")]))["suggestions"]?.arrayValue ?? []
        #expect(suggestions.first?["role"] == "lead")
        #expect(suggestions.first?["wanted"] == .number("2"))

        _ = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "a2"), ("leftOn", "2026-01-01")])]))]))
        let after = try client.result("reports.aspirations")
        #expect(after["people"] == .number("3"))
        #expect(after["roles"]?.arrayValue?.contains { $0["role"] == "ml-engineer" } == false, "a2 left")
    }

    /// The picture against an independent count: random wishes over a random team, each person's own view
    /// (employees.aspirations, planned one by one) summed by hand.
    @Test(arguments: 1...8)
    func thePictureAgreesWithEachPersonsOwnView(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let roles = ["analyst", "scientist", "ml-engineer", "lead"]
        let skills = ["python", "sql", "statistics", "kubernetes", "ml", "data-viz"]
        var rows: [JSONValue] = [.object([("id", "boss"), ("name", "Boss"), ("role", "lead")])]
        for index in 0..<12 {
            let wanted = roles.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))
            let levels = skills.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)).map {
                JSONValue.object([("skill", .string($0)), ("level", .int(Int.random(in: 1...3, using: &random)))])
            }
            rows.append(.object([
                ("id", .string("p\(index)")), ("name", .string("P\(index)")), ("role", .string(roles.randomElement(using: &random) ?? "analyst")),
                ("manager", "boss"), ("skills", .array(levels)),
                ("aspirations", .object([("roles", .strings(Array(wanted))), ("notLooking", .bool(Bool.random(using: &random)))])),
            ]))
        }
        _ = try client.result("employees.upsert", .object([("employees", .array(rows))]))
        for index in 0..<12 where Bool.random(using: &random) {
            _ = try client.result("employees.setPreferences", .object([("employee", .string("p\(index)")), ("hoursPerWeek", .int(Int.random(in: 1...10, using: &random)))]))
        }
        let months = JSONValue.int(Int.random(in: 1...12, using: &random))
        let report = try client.result("reports.aspirations", .object([("months", months)]))
        let horizon = try #require(report["horizon"]?.stringValue)
        #expect(report["readyCounted"] == .bool(true), "a small scope is counted")
        // Asked again, the picture comes from the plans the first call remembered: the same, byte for byte.
        #expect(JSONWriter.string(try client.result("reports.aspirations", .object([("months", months)]))) == JSONWriter.string(report))
        // Not counted: the same roles, nearest and out of reach; no count, and the reply says so.
        let uncounted = try client.result("reports.aspirations", .object([("months", months), ("countReady", false)]))
        #expect(uncounted["readyCounted"] == .bool(false))
        #expect(uncounted["roles"]?.arrayValue?.allSatisfy { $0["readyWithin"] == nil } == true)
        #expect(uncounted["roles"]?.arrayValue?.map { $0["nearest"] } == report["roles"]?.arrayValue?.map { $0["nearest"] })
        #expect(uncounted["outOfReach"] == report["outOfReach"])
        var expected: [String: [Int]] = [:]
        var nearest: [String: (date: String, hours: Double, id: String)] = [:]
        for index in 0..<12 {
            let id = "p\(index)"
            let own = try client.result("employees.aspirations", .object([("employee", .string(id))]))
            for wish in own["wanted"]?.arrayValue ?? [] {
                let role = wish["role"]?.stringValue ?? ""
                var figures = expected[role] ?? [0, 0, 0]
                figures[0] += 1
                if wish["choice"] == .number("1") { figures[1] += 1 }
                if let ready = wish["readyBy"]?.stringValue {
                    if ready <= horizon { figures[2] += 1 }
                    let key = (ready, wish["hours"]?.doubleValue ?? 0, id)
                    if nearest[role].map({ (key.0, key.1, key.2) < ($0.date, $0.hours, $0.id) }) ?? true { nearest[role] = key }
                }
                expected[role] = figures
            }
        }
        let actual = Dictionary(uniqueKeysWithValues: (report["roles"]?.arrayValue ?? []).map { role in
            (role["role"]?.stringValue ?? "", ["wantedBy", "firstChoice", "readyWithin"].map { role[$0]?.intValue ?? -1 })
        })
        #expect(!expected.isEmpty, "seed \(seed) gave nobody a wish")
        #expect(actual == expected, "seed \(seed)")
        for role in report["roles"]?.arrayValue ?? [] {
            let name = role["role"]?.stringValue ?? ""
            #expect(role["nearest"]?["employee"]?.stringValue == nearest[name]?.id, "seed \(seed), \(name)")
            #expect(role["nearest"]?["readyBy"]?.stringValue == nearest[name]?.date, "seed \(seed), \(name)")
        }
        #expect(Set(report["outOfReach"]?.arrayValue?.compactMap { $0["role"]?.stringValue } ?? []) == Set(expected.filter { $0.value[2] == 0 }.keys))
    }

    /// A burst of changes to what people want is planned in the background once it settles (a check finds no
    /// newer change), not at the next ten-minute turn, and each warm-up is logged with why: the team's upsert,
    /// which said what three people want, is warmed once; a later change once more, and only once.
    @Test func aBurstOfAspirationChangesIsWarmedOnceItSettles() throws {
        let running = try started()
        let line = #"aspiration picture warmed reason="aspirations changed""#
        func warmUps() -> Int { running.daemon.log.components(separatedBy: line).count - 1 }
        #expect(running.daemon.logEventually(contains: line, timeout: 60), "\(running.daemon.log)")
        let first = warmUps()
        _ = try running.client.result("employees.setAspirations", .object([("employee", "a1"), ("roles", .strings(["scientist"]))]))
        let deadline = ContinuousClock.now + .seconds(60)
        while warmUps() == first, ContinuousClock.now < deadline { usleep(20_000) }
        #expect(warmUps() == first + 1, "one warm-up for the change, not one per check: \(running.daemon.log)")
    }
}
