import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Numbers crafted to break fixed-point parsing, in every decimal parameter and in a catalog file: the
/// daemon answers each with a clear error (or the exact value) and keeps serving.
@Suite struct ExtremeNumberTests {
    static let extreme = ["1e-9223372036854775808", "1e9223372036854775807", "-1e400", "1e400", "123456789012345678901234567890", "92233720368547758.07"]

    @Test func decimalParametersNeverTrap() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a1"), ("name", "Analyst One"), ("role", "analyst")]),
        ]))]))
        for literal in Self.extreme {
            let number = JSONValue.number(literal)
            let calls: [(String, JSONValue)] = [
                ("catalog.courses", .object([("maxHours", number)])),
                ("catalog.courses", .object([("maxCost", number)])),
                ("paths.plan", .object([("profile", .object([])), ("targetRole", "scientist"), ("options", .object([("maxCost", number)]))])),
                ("paths.plan", .object([("profile", .object([])), ("targetRole", "scientist"), ("options", .object([("hoursPerWeek", number)]))])),
                ("assignments.create", .object([("employee", "a1"), ("targetRole", "scientist"), ("options", .object([("hoursPerWeek", number)]))])),
            ]
            for (method, params) in calls {
                let reply = try client.call(method, params)
                if let error = reply["error"] {
                    #expect(error["code"] == .number("-32602"), "\(method) \(literal): \(reply)")
                    let message = error["message"]?.stringValue ?? ""
                    #expect(message.contains("maxHours") || message.contains("maxCost") || message.contains("hoursPerWeek"), "\(method) \(literal): \(message)")
                }
            }
        }
        #expect(try client.result("system.health")["status"] == "ok", "the daemon survives every one")
    }

    /// Every method that takes a pace (in its plan options, or as `hoursPerWeek` itself) refuses one longer
    /// than a week, naming the parameter.
    @Test func aPaceAboveAWeekIsRefusedByEveryMethod() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "a1"), ("name", "A"), ("role", "analyst")])]))]))
        let tooLong: JSONValue = 1000
        let options: JSONValue = .object([("hoursPerWeek", tooLong)])
        let calls: [(String, JSONValue, String)] = [
            ("paths.plan", .object([("profile", .object([])), ("targetRole", "scientist"), ("options", options)]), "options.hoursPerWeek"),
            ("paths.compare", .object([("profile", .object([])), ("targetRoles", .strings(["scientist"])), ("options", options)]), "options.hoursPerWeek"),
            ("roles.route", .object([("profile", .object([("role", "analyst")])), ("targetRole", "lead"), ("options", options)]), "options.hoursPerWeek"),
            ("assignments.create", .object([("employee", "a1"), ("targetRole", "scientist"), ("options", options)]), "options.hoursPerWeek"),
            ("roles.suggest", .object([("employee", "a1"), ("hoursPerWeek", tooLong)]), "hoursPerWeek"),
            ("candidates.rank", .object([("role", "scientist"), ("hoursPerWeek", tooLong)]), "hoursPerWeek"),
            ("employees.setPreferences", .object([("employee", "a1"), ("hoursPerWeek", tooLong)]), "hoursPerWeek"),
            ("employees.aspirations", .object([("employee", "a1"), ("hoursPerWeek", tooLong)]), "hoursPerWeek"),
            // A project gig's weekly hours are work beside one's role: at most a full working week.
            ("opportunities.create", .object([
                ("role", "analyst"), ("kind", "project"), ("durationWeeks", 4), ("hoursPerWeek", tooLong),
                ("develops", .array([.object([("skill", "sql"), ("level", 2)])])),
            ]), "hoursPerWeek"),
        ]
        let pacing = try client.result("rpc.discover")["methods"]?.arrayValue?.filter { method in
            let params = method["params"]?.arrayValue ?? []
            return params.contains { $0["name"] == "hoursPerWeek" || $0["name"] == "options" }
        }.compactMap { $0["name"]?.stringValue } ?? []
        try #require(!pacing.isEmpty)
        #expect(Set(pacing) == Set(calls.map(\.0)), "every method that takes a pace is tried here")
        for (method, params, field) in calls {
            let reply = try client.call(method, params)
            #expect(reply["error"]?["code"] == .number("-32602"), "\(method): \(reply)")
            #expect(reply["error"]?["data"]?["param"] == .string(field), "\(method): \(reply)")
            let limit = method == "opportunities.create" ? "must be at most 40" : "must be at most 168"
            #expect(reply["error"]?["message"]?.stringValue?.contains(limit) == true, "\(method): \(reply)")
        }
    }

    @Test func extremeNumbersInACatalogAreErrorsWithTheirPlace() throws {
        let directory = TemporaryDirectory()
        directory.write([
            "bad/skills.json": #"{"skills": [{"id": "python", "name": "Python"}]}"#,
            "bad/courses.json": """
            {"courses": [
              {"id": "tiny", "title": "T", "format": "video", "hours": 1e-9223372036854775808, "teaches": [{"skill": "python", "level": 1}]},
              {"id": "huge", "title": "H", "format": "video", "hours": 1e400, "teaches": [{"skill": "python", "level": 1}]},
              {"id": "dear", "title": "D", "format": "video", "hours": 2, "cost": 5000000000, "teaches": [{"skill": "python", "level": 1}]}
            ]}
            """,
        ])
        let check = try ProcessRunner.run("skillpath", ["catalog", "check", "\(directory.path)/bad", "--no-color"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("courses.json:2: error: course 'tiny': hours must be greater than 0, got 0 [invalid-hours]"), "\(check.stdout)")
        #expect(check.stdout.contains("courses.json:3: error: course 'huge': 'hours' is out of range: 1e400 (at most 10000000000) [invalid-field]"), "\(check.stdout)")
        #expect(check.stdout.contains("courses.json:4: error: course 'dear': cost must be at most 1000000000, got 5000000000 [invalid-field]"), "\(check.stdout)")

        // The daemon refuses such a catalog at start-up with the same errors, instead of crashing…
        let refused = try DaemonProcess(catalogFiles: nil, catalog: "\(directory.path)/bad", waitForSocket: false)
        #expect(refused.waitForExit(timeout: 60) == 1)
        #expect(refused.log.contains("course 'huge': 'hours' is out of range"))
        // …and on reload (by request or by SIGHUP) keeps serving the catalog it has.
        let daemon = try DaemonProcess()
        let hostile = #"{"courses": [{"id": "huge", "title": "H", "format": "video", "hours": 1e-9223372036854775808, "teaches": [{"skill": "python", "level": 1}]}]}"#
        try hostile.write(toFile: "\(daemon.catalogPath)/hostile.json", atomically: true, encoding: .utf8)
        let reload = try daemon.client().call("catalog.reload")
        #expect(reload["error"]?["data"]?["errors"]?.arrayValue?.first?.stringValue?.contains("hostile.json:1: error: course 'huge': hours must be greater than 0") == true, "\(reload)")
        daemon.signal(SIGHUP)
        #expect(try daemon.client().result("system.health")["catalog"]?["courses"] == .number("10"))
    }
}
