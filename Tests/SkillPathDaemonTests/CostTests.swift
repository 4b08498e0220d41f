import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// What it costs (issue 22 §3) through the real daemon: training spend per team and target role in each
/// currency, building versus buying in the candidates and the mobility report, and the refusals.
@Suite struct CostTests {
    /// The fixture catalog with py2 priced in euros: a catalog of two currencies.
    static var files: [String: String] {
        var files = Fixtures.files
        files["courses/python.json"] = files["courses/python.json"]?.replacingOccurrences(of: #""hours": 6, "cost": 100,"#, with: #""hours": 6, "cost": 100, "currency": "EUR","#)
        return files
    }

    /// l leads m's team of two ML engineers, b1 and b2, who hold none of the skills analysts need.
    static let team: JSONValue = .object([("employees", .array([
        .object([("id", "l"), ("name", "Lead"), ("role", "lead")]),
        .object([("id", "m"), ("name", "Manager"), ("role", "scientist"), ("manager", "l")]),
        .object([("id", "b1"), ("name", "Builder One"), ("role", "ml-engineer"), ("manager", "m")]),
        .object([("id", "b2"), ("name", "Builder Two"), ("role", "ml-engineer"), ("manager", "m")]),
    ]))])

    static func money(_ pairs: [(String, Int)]) -> JSONValue {
        .array(pairs.map { .object([("currency", .string($0.0)), ("amount", .int($0.1))]) })
    }

    /// Worked by hand (docs/reports.md, "Training spend"): b1 is assigned analyst (sql1 free, sql2 20 USD)
    /// and completes sql1; b2 completes py2 (100 EUR) on their own; l, with no manager, completes
    /// data-video (10 USD). Then a reload drops data-video: its completion is unpriced, never free.
    @Test func trainingSpendPerTeamAndRoleInEachCurrency() throws {
        let daemon = try DaemonProcess(catalogFiles: Self.files)
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.team)
        let assignment = try client.result("assignments.create", .object([("employee", "b1"), ("targetRole", "analyst")]))
        #expect(assignment["plan"]?["steps"]?.arrayValue?.compactMap { $0["course"]?.stringValue } == ["sql1", "sql2"], "\(assignment)")
        for (employee, course) in [("b1", "sql1"), ("b2", "py2"), ("l", "data-video")] {
            _ = try client.result("progress.record", .object([("employee", .string(employee)), ("course", .string(course)), ("status", "completed")]))
        }
        let report = try client.result("reports.spend")
        #expect(report["total"]?["completed"] == .object([("courses", 3), ("cost", Self.money([("EUR", 100), ("USD", 10)])), ("unpriced", 0)]), "\(report)")
        #expect(report["total"]?["planned"] == .object([("courses", 1), ("cost", Self.money([("USD", 20)])), ("unpriced", 0)]))
        let teams = report["teams"]?.arrayValue ?? []
        #expect(teams.map { $0["manager"] } == ["m", .null], "m's team, then the people with no manager")
        #expect(teams.first?["name"] == "Manager")
        #expect(teams.first?["completed"]?["cost"] == Self.money([("EUR", 100), ("USD", 0)]))
        #expect(teams.first?["planned"]?["cost"] == Self.money([("USD", 20)]))
        #expect(teams.last?["completed"]?["cost"] == Self.money([("USD", 10)]))
        let roles = report["roles"]?.arrayValue ?? []
        #expect(roles.map { $0["role"] } == ["analyst", .null])
        #expect(roles.first?["title"] == "Data Analyst")
        #expect(roles.first?["completed"] == .object([("courses", 1), ("cost", Self.money([("USD", 0)])), ("unpriced", 0)]))
        #expect(roles.last?["completed"]?["cost"] == Self.money([("EUR", 100), ("USD", 10)]), "own learning: py2 and data-video")

        // m sees their own subtree: b1 and b2, not l.
        let mine = try client.result("reports.spend", .object([("actor", "m")]))
        #expect(mine["total"]?["completed"]?["courses"] == .int(2) && mine["teams"]?.arrayValue?.count == 1, "\(mine)")
        // A period before anything was completed: nothing completed, the same planned.
        let before = try client.result("reports.spend", .object([("from", "2020-01-01"), ("to", "2020-12-31")]))
        #expect(before["total"]?["completed"]?["courses"] == .int(0) && before["total"]?["planned"]?["courses"] == .int(1))

        var files = Self.files
        files["courses/data.json"] = files["courses/data.json"]?.replacingOccurrences(of: #""id": "data-video""#, with: #""id": "data-video-2""#)
        daemon.directory.write(Dictionary(uniqueKeysWithValues: files.map { ("catalog/\($0.key)", $0.value) }))
        _ = try client.result("catalog.reload")
        let after = try client.result("reports.spend")
        #expect(after["total"]?["completed"] == .object([("courses", 3), ("cost", Self.money([("EUR", 100), ("USD", 0)])), ("unpriced", 1)]), "\(after)")

        let cli = try ProcessRunner.run("skillpath", ["report", "spend"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(cli.status == 0)
        #expect(cli.stdout.contains("Completed: 100 EUR + 0 USD (3 courses, 1 unpriced)"), "\(cli.stdout)")
        #expect(cli.stdout.contains("Planned:   20 USD (1 course)"), "\(cli.stdout)")
    }

    /// The configuration prices hires (a default, and one for analyst in euros); an opening overrides both;
    /// what nobody said stays unknown.
    @Test func buildingVersusBuyingInTheCandidatesAndTheReport() throws {
        let config = TemporaryDirectory()
        config.write(["hire.conf": "sample_organisation = no\nexternal_hire_cost = 50000 USD\nexternal_hire_cost.analyst = 30000 EUR\nexternal_hire_cost.nope = 1 USD\n"])
        let daemon = try DaemonProcess(catalogFiles: Self.files, arguments: ["--config", "\(config.path)/hire.conf"])
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.team)
        #expect(daemon.logEventually(contains: "external hire figures for roles the catalog does not have") && daemon.log.contains("roles=nope"))

        // scientist: the default cost, no time to fill. b1 plans py2 (100 EUR), py3 or the bootcamp, stats: a
        // plan with euros is not compared with dollars.
        let scientist = try client.result("candidates.rank", .object([("role", "scientist")]))
        #expect(scientist["external"] == .object([
            ("cost", .object([("amount", 50000), ("currency", "USD")])), ("costSource", "configuration"), ("daysToFill", .null), ("daysSource", .null),
        ]))
        for candidate in scientist["candidates"]?.arrayValue ?? [] {
            let comparison = candidate["buildVersusBuy"]
            #expect(comparison?["sooner"] == "unknown" && comparison?["unknownBecause"]?.stringValue?.contains("the external time to fill is unknown") == true)
            let currencies = comparison?["buildCost"]?.arrayValue?.compactMap { $0["currency"]?.stringValue } ?? []
            #expect(comparison?["cheaper"] == (currencies.contains("EUR") ? "unknown" : "build"), "\(candidate)")
        }

        // An opening for analyst with its own time to fill: the role's cost (euros) and the opening's days.
        let opening = try client.result("opportunities.create", .object([("role", "analyst"), ("manager", "m"), ("externalDaysToFill", 30)]))
        #expect(opening["externalDaysToFill"] == .int(30) && opening["externalCost"] == .null)
        let listed = try client.result("opportunities.list")["items"]?.arrayValue?.first
        #expect(listed?["externalDaysToFill"] == nil, "the list every employee reads does not show the estimate")
        let ranked = try client.result("candidates.rank", .object([("opportunity", opening["id"] ?? .null)]))
        #expect(ranked["external"]?["costSource"] == "role" && ranked["external"]?["daysSource"] == "opening")
        // b1 and b2 plan sql1 + sql2 (8 h, 20 USD) at 4 h a week: two weeks of learning, the last on day 13
        // (readyBy), dollars against euros.
        let a1 = ranked["candidates"]?.arrayValue?.first { $0["employee"] == "b1" }
        #expect(a1?["buildVersusBuy"]?["buildCost"] == Self.money([("USD", 20)]), "\(ranked)")
        #expect(a1?["buildVersusBuy"]?["buildDays"] == .int(13) && a1?["buildVersusBuy"]?["sooner"] == "build", "\(a1 ?? .null)")
        #expect(a1?["buildVersusBuy"]?["cheaper"] == "unknown" && a1?["buildVersusBuy"]?["unknownBecause"] == "the plan costs USD, the hire EUR")

        // Filled from outside today: the report prices it at the role's estimate; a second, for scientist
        // with the opening's own cost.
        let id = opening["id"] ?? .null
        _ = try client.result("opportunities.close", .object([("id", id), ("external", true)]))
        let second = try client.result("opportunities.create", .object([
            ("role", "scientist"), ("manager", "m"), ("externalCost", .object([("amount", .number("61000.5")), ("currency", "USD")])),
        ]))
        _ = try client.result("opportunities.close", .object([("id", second["id"] ?? .null), ("external", true)]))
        let today = try client.result("reports.spend")["to"]?.stringValue ?? ""
        let report = try client.result("reports.mobility", .object([("from", .string(today)), ("to", .string(today))]))
        #expect(report["figures"]?["buildVersusBuy"]?["external"] == .object([
            ("fills", 2), ("medianDaysToFill", 0),
            ("cost", .array([.object([("currency", "EUR"), ("amount", 30000)]), .object([("currency", "USD"), ("amount", .number("61000.5"))])])),
            ("costUnknown", 0),
        ]), "\(report)")
    }

    @Test func badCostInputIsRefusedAndNothingIsWritten() throws {
        let daemon = try DaemonProcess(catalogFiles: Self.files)
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.team)
        func refusal(_ method: String, _ params: JSONValue) throws -> (code: JSONValue?, message: String) {
            let reply = try client.call(method, params)
            return (reply["error"]?["code"], reply["error"]?["message"]?.stringValue ?? "")
        }
        let bad: [(JSONValue, String)] = [
            (.object([("amount", 5), ("currency", "usd")]), "externalCost.currency must be a currency code such as USD"),
            (.object([("amount", -5), ("currency", "USD")]), "externalCost.amount"),
            (.object([("amount", 2_000_000_000), ("currency", "USD")]), "externalCost.amount must be at most 1000000000"),
            (.object([("currency", "USD")]), "externalCost.amount"),
            (.string("45000 USD"), "externalCost"),
        ]
        for (cost, expected) in bad {
            let (code, message) = try refusal("opportunities.create", .object([("role", "analyst"), ("manager", "m"), ("externalCost", cost)]))
            #expect(code == .int(-32602) && message.contains(expected), "\(cost): \(message)")
        }
        for days in [JSONValue.int(0), .int(3651), .string("soon")] {
            #expect(try refusal("opportunities.create", .object([("role", "analyst"), ("externalDaysToFill", days)])).code == .int(-32602))
        }
        let project = try refusal("opportunities.create", .object([
            ("role", "analyst"), ("kind", "project"), ("hoursPerWeek", 2), ("durationWeeks", 4), ("develops", .array([.object([("skill", "sql"), ("level", 2)])])),
            ("externalCost", .object([("amount", 5), ("currency", "USD")])),
        ]))
        #expect(project.message.contains("a project is not a hire"))
        #expect(try client.result("opportunities.list", .object([("status", "all")]))["items"] == .array([]), "nothing was opened")
        #expect(try refusal("reports.spend", .object([("from", "2026-02-01"), ("to", "2026-01-01")])).code == .int(-32602))
        #expect(try refusal("reports.spend", .object([("from", "2026-02-30")])).code == .int(-32602))
        let nobody = try refusal("reports.spend", .object([("manager", "nobody")]))
        #expect(nobody.code == .int(-32003) && nobody.message.contains("nobody"), "\(nobody)")
        #expect(try refusal("reports.spend", .object([("actor", "b1")])).code == .int(-32001), "b1 manages nobody")
    }
}
