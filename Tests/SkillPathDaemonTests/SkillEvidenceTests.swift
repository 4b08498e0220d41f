import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Skill evidence through the daemon: what a course completion earned is not undone by a weaker source, and
/// plans use the levels the policy lets count, saying so; with the policy off, stored levels count as they are.
@Suite struct SkillEvidenceTests {
    static let person = JSONValue.object([("employees", .array([
        .object([("id", "p1"), ("name", "P One"), ("role", "analyst"), ("skills", .array([.object([("skill", "python"), ("level", 1)])]))]),
    ]))])

    func stored(_ client: RPCClient, _ skill: String) throws -> JSONValue? {
        try client.result("employees.get", .object([("id", "p1")]))["skills"]?.arrayValue?.first { $0["skill"]?.stringValue == skill }
    }

    @Test func aWeakerSourceDoesNotUndoWhatACourseEarned() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.person)
        _ = try client.result("progress.record", .object([("employee", "p1"), ("course", "sql1"), ("status", "completed")]))
        _ = try client.result("progress.record", .object([("employee", "p1"), ("course", "sql2"), ("status", "completed")]))
        #expect(try stored(client, "sql")?["level"] == .number("2"))
        #expect(try stored(client, "sql")?["source"] == "course")

        // An HRIS import a week behind says 1: kept, and reported per level.
        let importRow = JSONValue.object([("employees", .array([.object([("id", "p1"), ("skills", .array([.object([("skill", "sql"), ("level", 1)])]))])])), ("skillSource", "import")])
        let report = try client.result("employees.upsert", importRow)
        #expect(report["levels"] == .object([("set", 0), ("unchanged", 0), ("kept", 1)]))
        #expect(report["kept"]?.arrayValue?.first?["stored"]?["source"] == "course")
        #expect(report["unchanged"] == .number("1"))
        #expect(try stored(client, "sql")?["level"] == .number("2"), "the course's level stands")

        // Raising is always allowed; the same level from the same source changes nothing.
        let raise = JSONValue.object([("employees", .array([.object([("id", "p1"), ("skills", .array([.object([("skill", "python"), ("level", 2)])]))])])), ("skillSource", "import")])
        #expect(try client.result("employees.upsert", raise)["levels"] == .object([("set", 1), ("unchanged", 0), ("kept", 0)]))
        #expect(try client.result("employees.upsert", raise)["levels"] == .object([("set", 0), ("unchanged", 1), ("kept", 0)]))

        // overwrite lowers it, and the audit trail says from what to what.
        var forced = importRow.objectValue ?? JSONObject()
        forced["overwrite"] = JSONValue.bool(true)
        #expect(try client.result("employees.upsert", .object(forced))["levels"] == .object([("set", 1), ("unchanged", 0), ("kept", 0)]))
        #expect(try stored(client, "sql")?["level"] == .number("1"))
        #expect(try stored(client, "sql")?["source"] == "import")
    }

    @Test func plansUseEffectiveLevelsAndSaySoUnlessThePolicyIsOff() throws {
        let config = TemporaryDirectory()
        config.write(["cap.conf": "self_rating_cap = 2\n", "off.conf": "skill_policy = off\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/cap.conf"])
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.person)
        // A self-rating of 5 counts as 2 here (lead needs 3).
        _ = try client.result("employees.setSkills", .object([("employee", "p1"), ("skills", .array([.object([("skill", "python"), ("level", 5)])])), ("source", "self")]))
        // A course completed long ago: statistics 2, dated 2019-01-01, has faded to 1.
        _ = try client.result("progress.record", .object([("employee", "p1"), ("course", "stats-course"), ("status", "completed"), ("at", "2019-01-01")]))
        let plan = try client.result("paths.plan", .object([("employee", "p1"), ("targetRole", "lead")]))
        let gap = plan["gap"]?.arrayValue ?? []
        let python = try #require(gap.first { $0["skill"] == "python" } ?? nil)
        #expect(python["have"] == .number("2"))
        #expect(python["stated"] == .number("5"))
        #expect(python["evidence"]?.stringValue?.contains("self-rated, not confirmed") == true, "\(python)")
        let skills = try client.result("employees.get", .object([("id", "p1")]))["skills"]
        let statistics = try #require(gap.first { $0["skill"] == "statistics" } ?? nil, "\(String(describing: skills))")
        #expect(statistics["have"] == .number("1"))
        #expect(statistics["evidence"]?.stringValue?.contains("last evidence 2019-01-01") == true, "\(statistics)")
        let shown = try stored(client, "python")
        #expect(shown?["level"] == .number("5"))
        #expect(shown?["effectiveLevel"] == .number("2"))
        // Rankings read the same effective levels (the dates computed by SQLite, the cap in Swift).
        let ranked = try client.result("candidates.rank", .object([("role", "lead")]))["candidates"]?.arrayValue ?? []
        let unmet = ranked.first { $0["employee"] == "p1" }?["unmet"]?.arrayValue ?? []
        #expect(unmet.first { $0["skill"] == "python" }?["have"] == .number("2"), "\(unmet)")
        #expect(unmet.first { $0["skill"] == "statistics" }?["have"] == .number("1"), "\(unmet)")

        // Off: today's behaviour, levels as stored.
        let plain = try DaemonProcess(arguments: ["--config", "\(config.path)/off.conf"])
        let other = try plain.client()
        _ = try other.result("employees.upsert", Self.person)
        _ = try other.result("employees.setSkills", .object([("employee", "p1"), ("skills", .array([.object([("skill", "python"), ("level", 5)])])), ("source", "self")]))
        let unchanged = try other.result("paths.plan", .object([("employee", "p1"), ("targetRole", "lead")]))
        #expect((unchanged["gap"]?.arrayValue ?? []).contains { $0["skill"] == "python" } == false, "python 5 meets lead's 3")
    }

    @Test func aBadPolicySettingIsRefusedWithItsLine() throws {
        let config = TemporaryDirectory()
        config.write(["bad.conf": "skill_policy = on\nself_rating_cap = 7\n"])
        let daemon = try DaemonProcess(arguments: ["--config", "\(config.path)/bad.conf"], waitForSocket: false)
        #expect(daemon.waitForExit() == 78)
        #expect(daemon.log.contains("bad.conf:2: 'self_rating_cap' must be a whole number from 1 to 5, got '7'"), "\(daemon.log)")
    }
}
