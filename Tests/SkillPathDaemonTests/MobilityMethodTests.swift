import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Moves, opportunities, suggestions, candidates and the mobility report through the real daemon and store.
@Suite struct MobilityMethodTests {
    /// The store tests' team: l leads m, who manages a1 (Python 1) and a2.
    static let team = StoreMethodTests.team

    /// A daemon with the team loaded; the daemon stops when this goes away, so tests keep it to the end.
    struct Running {
        let daemon: DaemonProcess
        let client: RPCClient
    }

    private func started() throws -> Running {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.team)
        return Running(daemon: daemon, client: client)
    }

    private func errorCode(_ reply: JSONValue) -> String? {
        reply["error"]?["data"]?["code"]?.stringValue ?? reply["error"]?["data"]?["param"].map { "param:\($0.stringValue ?? "")" }
    }

    /// `sort: relatedness` (the default): docs/mobility.md's worked example through the daemon, each entry with
    /// its score and a reason counting the skills held; `sort: hours` on request.
    @Test func suggestionsCanBeRankedByRelatedness() throws {
        let running = try started()
        let client = running.client
        _ = try client.result("employees.upsert", .object([("employees", .array([.object([
            ("id", "s1"), ("name", "Scientist"), ("role", "scientist"), ("manager", "m"),
            ("skills", .array([.object([("skill", "python"), ("level", 3)]), .object([("skill", "statistics"), ("level", 2)]), .object([("skill", "sql"), ("level", 1)])])),
        ])]))]))
        // Relatedness is the default.
        let related = try client.result("roles.suggest", .object([("employee", "s1"), ("includeOpportunities", false)]))
        let entries = related["suggestions"]?.arrayValue ?? []
        #expect(entries.map { $0["role"]?.stringValue ?? "" } == ["lead", "ml-engineer", "analyst"])
        #expect(entries.map { $0["relatedness"] } == [.double(1.022), .double(0.05), .double(-0.118)], "\(entries.map { $0["relatedness"] })")
        #expect(entries.first?["reason"]?.stringValue?.contains("holds 2 of its 3 skills at its level") == true, "\(entries.first?["reason"] ?? .null)")
        // From analyst, lead is two of the catalog's transitions away (analyst → scientist → lead): after the
        // two roles one transition away, and saying which role lies between.
        let fromAnalyst = try client.result("roles.suggest", .object([("employee", "a1"), ("includeOpportunities", false)]))["suggestions"]?.arrayValue ?? []
        #expect(fromAnalyst.map { $0["role"]?.stringValue ?? "" } == ["scientist", "ml-engineer", "lead"])
        #expect(fromAnalyst.last?["via"] == "scientist")
        #expect(fromAnalyst.last?["transitionDefined"] == false)
        #expect(fromAnalyst.last?["reason"]?.stringValue?.hasPrefix("two moves from analyst in the catalog, via Data Scientist (scientist)") == true, "\(fromAnalyst.last ?? .null)")
        let byHours = try client.result("roles.suggest", .object([("employee", "s1"), ("includeOpportunities", false), ("sort", "hours")]))
        #expect(byHours["suggestions"]?.arrayValue?.allSatisfy { $0["relatedness"] == nil } == true)
        let bad = try client.call("roles.suggest", .object([("employee", "s1"), ("sort", "cheapest")]))
        #expect(bad["error"]?["code"] == .number("-32602"))
    }

    @Test func aMoveTakesItsKindFromTheCatalogAndChangesTheRole() throws {
        let running = try started()
        let client = running.client
        let move = try client.result("moves.record", .object([("employee", "a1"), ("toRole", "scientist"), ("date", "2025-03-01")]))
        #expect(move["fromRole"] == "analyst")
        #expect(move["kind"] == "promotion")
        #expect(move["kindFrom"] == "transition")
        #expect(move["source"] == "moves.record")
        #expect(try client.result("employees.get", .object([("id", "a1")]))["role"] == "scientist")

        // No transition from scientist to analyst: the given kind counts, else lateral.
        let back = try client.result("moves.record", .object([("employee", "a1"), ("toRole", "analyst"), ("date", "2025-04-01")]))
        #expect(back["kind"] == "lateral")
        #expect(back["kindFrom"] == "default")

        let page = try client.result("moves.list", .object([("employee", "a1")]))
        #expect(page["total"] == .number("2"))
        #expect(page["items"]?.arrayValue?.map { $0["date"]?.stringValue ?? "" } == ["2025-04-01", "2025-03-01"], "newest first")
    }

    @Test func aSecondmentReturnsHomeOnItsEndDateOrBecomesPermanent() throws {
        let running = try started()
        let client = running.client
        // Ended in the past: the next read finds the employee home again, with both events kept.
        let away = try client.result("moves.record", .object([
            ("employee", "a2"), ("toRole", "ml-engineer"), ("kind", "secondment"), ("date", "2025-04-01"), ("endDate", "2025-06-01"),
        ]))
        #expect(away["kind"] == "secondment")
        #expect(away["kindFrom"] == "given")
        let history = try client.result("moves.list", .object([("employee", "a2")]))
        let items = try #require(history["items"]?.arrayValue)
        #expect(items.count == 2)
        #expect(items.first?["source"] == "secondment-return")
        #expect(items.first?["toRole"] == "analyst")
        #expect(items.first?["date"] == "2025-06-01")
        #expect(items.first?["ends"] == away["id"])
        #expect(items.last?["outcome"] == "returned")
        #expect(try client.result("employees.get", .object([("id", "a2")]))["role"] == "analyst")

        // Running until 2099, then made permanent: the role stays, the kind comes from the catalog.
        let runningSecondment = try client.result("moves.record", .object([
            ("employee", "a2"), ("toRole", "ml-engineer"), ("kind", "secondment"), ("date", "2025-07-01"), ("endDate", "2099-01-01"),
        ]))
        let converted = try client.result("moves.end", .object([("move", runningSecondment["id"] ?? .null), ("outcome", "convert"), ("date", "2025-09-01")]))
        #expect(converted["secondment"]?["outcome"] == "converted")
        #expect(converted["move"]?["source"] == "secondment-conversion")
        #expect(converted["move"]?["kind"] == "lateral", "the catalog's transition analyst → ml-engineer is lateral")
        #expect(try client.result("employees.get", .object([("id", "a2")]))["role"] == "ml-engineer")

        let twice = try client.call("moves.end", .object([("move", runningSecondment["id"] ?? .null), ("outcome", "return")]))
        #expect(errorCode(twice) == "conflict")
        #expect(twice["error"]?["message"]?.stringValue?.contains("already ended") == true)
    }

    @Test func badMovesAreRefusedWithTheReasonAndChangeNothing() throws {
        let running = try started()
        let client = running.client
        _ = try client.result("moves.record", .object([("employee", "a1"), ("toRole", "scientist"), ("date", "2025-03-01")]))
        let cases: [(JSONValue, String, String)] = [
            (.object([("employee", "a1"), ("toRole", "astronaut")]), "unknown-role", "unknown role 'astronaut'"),
            (.object([("employee", "zz"), ("toRole", "lead")]), "unknown-employee", "unknown employee 'zz'"),
            (.object([("employee", "a1"), ("toRole", "lead"), ("date", "2099-01-01")]), "param:date", "in the future"),
            (.object([("employee", "a1"), ("toRole", "lead"), ("date", "2025-01-01")]), "param:date", "before the employee's last move on 2025-03-01"),
            (.object([("employee", "a1"), ("toRole", "lead"), ("date", "2025-13-01")]), "param:date", "2025-13-01"),
            (.object([("employee", "a1"), ("toRole", "lead"), ("kind", "sideways")]), "param:kind", "sideways"),
            (.object([("employee", "a1"), ("toRole", "lead"), ("endDate", "2026-01-01")]), "param:endDate", "secondments only"),
            (.object([("employee", "a2"), ("toRole", "lead"), ("kind", "secondment"), ("date", "2025-05-01"), ("endDate", "2025-04-01")]), "param:endDate", "after the move's date"),
            (.object([("employee", "a1"), ("toRole", "scientist")]), "conflict", "already holds role 'scientist'"),
        ]
        for (params, code, text) in cases {
            let reply = try client.call("moves.record", params)
            #expect(errorCode(reply) == code, "\(params)")
            #expect(reply["error"]?["message"]?.stringValue?.contains(text) == true, "\(reply)")
        }
        let missing = try client.call("moves.end", .object([("move", 9999), ("outcome", "return")]))
        #expect(missing["error"]?["code"] == .number("-32007"))
        #expect(missing["error"]?["message"] == "no move 9999 that you may see")
        let notSecondment = try client.call("moves.end", .object([("move", 1), ("outcome", "return")]))
        #expect(errorCode(notSecondment) == "conflict")
        let badCursor = try client.call("moves.list", .object([("cursor", "yesterday")]))
        #expect(errorCode(badCursor) == "param:cursor")

        let history = try client.result("moves.list", .object([]))
        #expect(history["total"] == .number("1"), "no refused move left a trace")
        #expect(try client.result("employees.get", .object([("id", "a1")]))["role"] == "scientist")
        #expect(try client.result("employees.get", .object([("id", "a2")]))["role"] == "analyst")
    }

    @Test func pagesOfMovesFollowTheCursorWithoutRepeats() throws {
        let running = try started()
        let client = running.client
        let dates = ["2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10", "2025-05-10"]
        for (index, date) in dates.enumerated() {
            let role = index % 2 == 0 ? "scientist" : "analyst"
            _ = try client.result("moves.record", .object([("employee", "a1"), ("toRole", .string(role)), ("date", .string(date))]))
        }
        var seen: [String] = []
        var cursor: JSONValue = .null
        for _ in 0..<10 {
            var params: [(String, JSONValue)] = [("limit", 2)]
            if cursor != .null { params.append(("cursor", cursor)) }
            let page = try client.result("moves.list", .object(params))
            seen += page["items"]?.arrayValue?.compactMap { $0["date"]?.stringValue } ?? []
            cursor = page["nextCursor"] ?? .null
            if cursor == .null { break }
        }
        #expect(seen == dates.reversed())
        let bounded = try client.result("moves.list", .object([("from", "2025-02-01"), ("to", "2025-04-30")]))
        #expect(bounded["total"] == .number("3"))
    }

    @Test func aRoleChangeThroughUpsertIsAMoveRecordedOnce() throws {
        let running = try started()
        let client = running.client
        let promoted: JSONValue = .object([("employees", .array([
            .object([("id", "a1"), ("name", "Analyst One"), ("role", "scientist"), ("manager", "m"), ("roleSince", "2025-05-01")]),
        ]))])
        let first = try client.result("employees.upsert", promoted)
        #expect(first["updated"] == .number("1"))
        let again = try client.result("employees.upsert", promoted)
        #expect(again["unchanged"] == .number("1"))
        let moves = try client.result("moves.list", .object([("employee", "a1")]))
        #expect(moves["total"] == .number("1"), "sending the same row twice is not a second move")
        #expect(moves["items"]?.arrayValue?.first?["kind"] == "promotion")
        #expect(moves["items"]?.arrayValue?.first?["date"] == "2025-05-01")
        #expect(moves["items"]?.arrayValue?.first?["source"] == "employees.upsert")

        let bad = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a2"), ("name", "Analyst Two"), ("role", "lead"), ("manager", "m"), ("moveKind", "sideways")]),
            .object([("id", "a1"), ("name", "Analyst One"), ("role", "lead"), ("manager", "m"), ("roleSince", "2025-01-01")]),
        ]))]))
        let rejected = bad["rejected"]?.arrayValue?.compactMap { $0["field"]?.stringValue }
        #expect(rejected == ["moveKind", "roleSince"])
        #expect(try client.result("moves.list", .object([]))["total"] == .number("1"))
    }

    @Test func filledOpportunitiesRecordTheMoveAndLeaveTheMarket() throws {
        let running = try started()
        let client = running.client
        let position = try client.result("opportunities.create", .object([
            ("role", "scientist"), ("manager", "m"), ("headcount", 2), ("opens", "2025-01-15"),
        ]))
        #expect(position["status"] == "open")
        #expect(position["seatsLeft"] == .number("2"))
        let secondment = try client.result("opportunities.create", .object([
            ("role", "ml-engineer"), ("kind", "secondment"), ("manager", "l"), ("durationWeeks", 12), ("opens", "2025-02-01"),
        ]))
        #expect(try client.result("opportunities.list")["total"] == .number("2"))
        #expect(try client.result("opportunities.list", .object([("kind", "secondment")]))["total"] == .number("1"))

        let filled = try client.result("opportunities.close", .object([("id", position["id"] ?? .null), ("filledBy", "a1"), ("date", "2025-03-01")]))
        #expect(filled["opportunity"]?["seatsLeft"] == .number("1"))
        #expect(filled["opportunity"]?["status"] == "open")
        #expect(filled["move"]?["kind"] == "promotion")
        #expect(filled["move"]?["opportunity"] == position["id"])
        #expect(try client.result("employees.get", .object([("id", "a1")]))["role"] == "scientist")
        let external = try client.result("opportunities.close", .object([("id", position["id"] ?? .null), ("external", true), ("date", "2025-03-02")]))
        #expect(external["opportunity"]?["status"] == "filled")
        #expect(external["move"] == nil, "a seat filled from outside moves nobody")

        let away = try client.result("opportunities.close", .object([("id", secondment["id"] ?? .null), ("filledBy", "a2"), ("date", "2025-03-03")]))
        #expect(away["move"]?["kind"] == "secondment")
        #expect(away["move"]?["endDate"] == "2025-05-26", "twelve weeks after the move")

        #expect(try client.result("opportunities.list")["total"] == .number("0"))
        #expect(try client.result("opportunities.list", .object([("status", "all")]))["total"] == .number("2"))
        let closedAgain = try client.call("opportunities.close", .object([("id", position["id"] ?? .null), ("external", true)]))
        #expect(errorCode(closedAgain) == "conflict")
    }

    @Test func badOpportunitiesAreRefusedWithTheReason() throws {
        let running = try started()
        let client = running.client
        let open = try client.result("opportunities.create", .object([("role", "lead"), ("manager", "l"), ("opens", "2025-01-01")]))
        let creates: [(JSONValue, String)] = [
            (.object([("role", "astronaut")]), "unknown-role"),
            (.object([("role", "lead"), ("manager", "nobody")]), "unknown-employee"),
            (.object([("role", "lead"), ("durationWeeks", 4)]), "param:durationWeeks"),
            (.object([("role", "lead"), ("opens", "2025-05-01"), ("closes", "2025-04-01")]), "param:closes"),
            (.object([("role", "lead"), ("headcount", 0)]), "param:headcount"),
            (.object([("role", "lead"), ("kind", "gig")]), "param:kind"),
        ]
        for (params, code) in creates {
            #expect(errorCode(try client.call("opportunities.create", params)) == code, "\(params)")
        }
        let closes: [(JSONValue, String)] = [
            (.object([("id", 999), ("external", true)]), "not-found"),
            (.object([("id", open["id"] ?? .null), ("filledBy", "a1"), ("external", true)]), "param:external"),
            (.object([("id", open["id"] ?? .null), ("filledBy", "ghost")]), "unknown-employee"),
            (.object([("id", open["id"] ?? .null), ("filledBy", "a1"), ("date", "2024-12-31")]), "param:date"),
            (.object([("id", open["id"] ?? .null), ("filledBy", "l")]), "conflict"),
        ]
        for (params, code) in closes {
            #expect(errorCode(try client.call("opportunities.close", params)) == code, "\(params)")
        }
        let listed = try client.result("opportunities.list")
        #expect(listed["items"]?.arrayValue?.first?["seatsLeft"] == .number("1"), "no refused close took a seat")
        #expect(try client.result("moves.list", .object([]))["total"] == .number("0"))
        #expect(errorCode(try client.call("opportunities.list", .object([("status", "maybe")]))) == "param:status")
    }

    @Test func suggestionsRankReachableRolesByHoursWithOpportunitiesFirst() throws {
        let running = try started()
        let client = running.client
        _ = try client.result("opportunities.create", .object([("role", "scientist"), ("manager", "l")]))
        let reply = try client.result("roles.suggest", .object([("employee", "a1"), ("hoursPerWeek", 10), ("sort", "hours")]))
        #expect(reply["currentRole"] == "analyst")
        let entries = try #require(reply["suggestions"]?.arrayValue)
        #expect(entries.map { "\($0["type"]?.stringValue ?? ""):\($0["role"]?.stringValue ?? "")" } == [
            "opportunity:scientist", "role:scientist", "role:lead", "role:ml-engineer",
        ])
        let scientist = entries[1]
        #expect(scientist["move"] == "promotion")
        #expect(scientist["complete"] == .bool(true))
        #expect(scientist["readyBy"]?.stringValue != nil)
        #expect(scientist["reason"]?.stringValue?.hasPrefix("promotion from analyst;") == true)
        let hours = entries.dropFirst().compactMap { $0["hours"]?.doubleValue }
        #expect(hours.count == 3)
        #expect(hours[0] <= hours[1], "reachable roles by plan hours")
        let ml = entries[3]
        #expect(ml["complete"] == .bool(false), "nothing teaches Kubernetes")
        #expect(ml["readyBy"] == nil || ml["readyBy"] == .null, "never ready: no date")
        #expect(ml["cannotClose"]?.arrayValue?.contains("kubernetes") == true)
        #expect(ml["reason"]?.stringValue?.contains("no course in the catalog can close") == true)
        #expect(entries[2]["transitionDefined"] == .bool(false))

        let promotions = try client.result("roles.suggest", .object([("employee", "a1"), ("kinds", .array(["promotion"]))]))
        #expect(promotions["suggestions"]?.arrayValue?.compactMap { $0["role"]?.stringValue } == ["scientist", "scientist"])
        #expect(errorCode(try client.call("roles.suggest", .object([("employee", "ghost")]))) == "unknown-employee")
        #expect(errorCode(try client.call("roles.suggest", .object([("employee", "a1"), ("kinds", .array(["upward"]))]))) == "param:kinds[0]")
        #expect(errorCode(try client.call("roles.suggest", .object([("employee", "a1"), ("hoursPerWeek", 1000)]))) == "param:hoursPerWeek")
    }

    /// a3: an analyst with Python 2 and Statistics 2, closer to a scientist than anyone on the team.
    func addAnalystThree(_ client: RPCClient) throws {
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a3"), ("name", "Analyst Three"), ("role", "analyst"), ("manager", "m"),
                     ("skills", .array([.object([("skill", "python"), ("level", 2)]), .object([("skill", "statistics"), ("level", 2)])]))]),
        ]))]))
    }

    @Test func candidatesAreRankedByReadinessLevelByLevel() throws {
        let running = try started()
        let client = running.client
        try addAnalystThree(client)
        let ranking = try client.result("candidates.rank", .object([("role", "scientist")]))
        let ids = ranking["candidates"]?.arrayValue?.compactMap { $0["employee"]?.stringValue }
        #expect(ids == ["a3", "a1", "a2", "l"], "m holds the role already; a3 is closest, then a1 (Python 1), then a2 (nothing)")
        let first = ranking["candidates"]?.arrayValue?.first
        #expect(first?["transition"] == "promotion")
        #expect(first?["unmetEssential"] == .number("2"), "Python 2 of 3 is still a gap, and SQL")
        #expect(first?["unmet"]?.arrayValue?.contains { $0["skill"] == "python" && $0["have"] == .number("2") && $0["need"] == .number("3") } == true)

        let scoped = try client.result("candidates.rank", .object([("role", "scientist"), ("manager", "m"), ("limit", 1)]))
        #expect(scoped["candidates"]?.arrayValue?.count == 1)
        let opportunity = try client.result("opportunities.create", .object([("role", "lead"), ("manager", "l")]))
        let forOpening = try client.result("candidates.rank", .object([("opportunity", opportunity["id"] ?? .null)]))
        #expect(forOpening["role"] == "lead")
        #expect(errorCode(try client.call("candidates.rank", .object([("role", "astronaut")]))) == "unknown-role")
        #expect(errorCode(try client.call("candidates.rank", .object([]))) == "param:role")
        #expect(errorCode(try client.call("candidates.rank", .object([("role", "lead"), ("opportunity", 1)]))) == "param:opportunity")
        #expect(errorCode(try client.call("candidates.rank", .object([("opportunity", 77)]))) == "not-found")
    }

    /// "When would they be ready at their pace": each person's own weekly hours date them, unless the call
    /// names one pace for everyone.
    @Test func eachCandidateIsDatedAtTheirOwnPaceUnlessTheCallNamesOne() throws {
        let running = try started()
        let client = running.client
        try addAnalystThree(client)
        _ = try client.result("employees.setPreferences", .object([("employee", "a3"), ("hoursPerWeek", 10)]))
        func candidate(_ id: String, _ ranking: JSONValue) -> JSONValue? {
            ranking["candidates"]?.arrayValue?.first { $0["employee"]?.stringValue == id }
        }
        let own = try client.result("candidates.rank", .object([("role", "scientist")]))
        #expect(candidate("a3", own)?["hoursPerWeek"] == .number("10"))
        #expect(candidate("a1", own)?["hoursPerWeek"] == .number("4"), "no preference: the default")
        let named = try client.result("candidates.rank", .object([("role", "scientist"), ("hoursPerWeek", 4)]))
        #expect(named["candidates"]?.arrayValue?.allSatisfy { $0["hoursPerWeek"] == .number("4") } == true)
        let fast = try #require(candidate("a3", own)?["readyBy"]?.stringValue)
        let slow = try #require(candidate("a3", named)?["readyBy"]?.stringValue)
        #expect(fast < slow, "at 10 hours a week a3 is ready before the date 4 hours a week gives: \(fast) vs \(slow)")
        // The ranking itself does not depend on the pace.
        #expect(own["candidates"]?.arrayValue?.map { $0["employee"] } == named["candidates"]?.arrayValue?.map { $0["employee"] })
    }

    @Test func theMobilityReportCountsMovesInThePeriod() throws {
        let running = try started()
        let client = running.client
        _ = try client.result("moves.record", .object([("employee", "a1"), ("toRole", "scientist"), ("date", "2025-02-01")]))
        _ = try client.result("moves.record", .object([
            ("employee", "a2"), ("toRole", "ml-engineer"), ("kind", "secondment"), ("date", "2025-05-01"), ("endDate", "2025-07-01"),
        ]))
        let report = try client.result("reports.mobility", .object([("from", "2025-01-01"), ("to", "2025-06-30"), ("groupBy", "quarter"), ("manager", "l")]))
        #expect(report["figures"]?["moves"]?["total"] == .number("2"))
        #expect(report["figures"]?["moves"]?["promotion"] == .number("1"))
        #expect(report["figures"]?["moves"]?["secondment"] == .number("1"))
        #expect(report["figures"]?["moveSuccess"]?["successful"] == .number("1"), "a1 stayed a scientist for twelve months")
        #expect(report["figures"]?["moveSuccess"]?["judged"] == .number("1"), "secondments are not judged")
        #expect(report["periods"]?.arrayValue?.map { $0["period"]?.stringValue ?? "" } == ["2025-Q1", "2025-Q2"])
        #expect(report["teams"]?.arrayValue?.first?["manager"] == "m")
        #expect(errorCode(try client.call("reports.mobility", .object([("from", "2025-06-01"), ("to", "2025-01-01")]))) == "param:to")
        #expect(errorCode(try client.call("reports.mobility", .object([("to", "2025-01-01")]))) == "param:from")
        #expect(errorCode(try client.call("reports.mobility", .object([("from", "2025-01-01"), ("to", "2025-02-01"), ("groupBy", "week")]))) == "param:groupBy")
    }
}
