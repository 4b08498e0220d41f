import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// A reload that retires a course an active assignment still plans: the reload says so, the plan stays
/// frozen, and the LMS's completion of that course lands, as evidence of what the frozen step taught.
@Suite struct RetiredCourseTests {
    @Test func aCompletionOfARetiredCourseStillLandsOnThePlanThatFrozeIt() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a1"), ("name", "Engineer One"), ("role", "ml-engineer")]),
            .object([("id", "a2"), ("name", "Analyst Two"), ("role", "analyst")]),
        ]))]))
        let assignment = try client.result("assignments.create", .object([("employee", "a1"), ("targetRole", "analyst")]))
        let id = try #require(assignment["id"]?.intValue)
        #expect(assignment["steps"]?.arrayValue?.compactMap { $0["course"]?.stringValue }.contains("sql2") == true, "\(assignment)")

        // sql2 leaves the catalog; sql1 stays.
        var files = Fixtures.files
        var lines = (files["courses/data.json"] ?? "").components(separatedBy: "\n")
        if let line = lines.firstIndex(where: { $0.contains(#""id": "sql2""#) }) { lines.removeSubrange(line...line + 1) }
        files["courses/data.json"] = lines.joined(separator: "\n")
        #expect(files["courses/data.json"]?.contains("sql2") == false, "the fixture text changed; update this replacement")
        daemon.directory.write(Dictionary(uniqueKeysWithValues: files.map { ("catalog/\($0.key)", $0.value) }))
        let reload = try ProcessRunner.run("skillpath", ["reload"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(reload.status == 0, "\(reload.stderr)")
        #expect(reload.stdout.contains("Active assignments still plan 1 course this catalog no longer has"), "\(reload.stdout)")
        #expect(reload.stdout.contains("  sql2: 1 assignment"), "\(reload.stdout)")
        #expect(daemon.logEventually(contains: "active assignments plan courses the catalog no longer has"))

        _ = try client.result("progress.record", .object([("employee", "a1"), ("course", "sql1"), ("status", "completed"), ("eventId", "lms-1")]))
        let landed = try client.result("progress.record", .object([("employee", "a1"), ("course", "sql2"), ("status", "completed"), ("eventId", "lms-2")]))
        #expect(landed["recorded"] == .bool(true), "\(landed)")
        #expect(landed["skillsRaised"] == .array([.object([("skill", "sql"), ("from", 1), ("to", 2)])]), "\(landed)")
        let after = try client.result("assignments.get", .object([("id", .int(id))]))
        #expect(after["steps"]?.arrayValue?.first { $0["course"] == "sql2" }?["completedAt"] != nil, "\(after)")
        let sql = try client.result("employees.get", .object([("id", "a1")]))["skills"]?.arrayValue?.first { $0["skill"] == "sql" }
        #expect(sql?["level"] == .number("2"))

        // Nobody else's plan names it, and no plan names a course that never existed: both stay unknown.
        for (employee, course) in [("a2", "sql2"), ("a1", "sql9")] {
            let refused = try client.call("progress.record", .object([("employee", .string(employee)), ("course", .string(course)), ("status", "completed")]))
            #expect(refused["error"]?["data"]?["code"] == "unknown-course", "\(employee) \(course): \(refused)")
        }
    }
}
