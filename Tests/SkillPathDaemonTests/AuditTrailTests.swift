import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The audit trail, readable: old and new values for every change, reloads with who asked, filters and
/// pages that end, through the daemon and the CLI.
@Suite struct AuditTrailTests {
    @Test func changesCarryOldAndNewValuesAndReloadsWhoAsked() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "x1"), ("name", "X One"), ("role", "analyst"), ("skills", .array([.object([("skill", "sql"), ("level", 1)])]))]),
        ]))]))
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "x1"), ("role", "scientist"), ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]),
        ]))]))
        let entries = try client.result("audit.list", .object([("employee", "x1")]))["items"]?.arrayValue ?? []
        // Newest first; the role change's move is recorded with the update, in the same transaction.
        #expect(entries.map { $0["action"]?.stringValue ?? "" } == ["employee.update", "move.record", "employee.insert"], "newest first")
        let update = try #require(entries.first { $0["action"] == "employee.update" })
        #expect(update["detail"]?["changed"]?["role"] == .object([("from", "analyst"), ("to", "scientist")]))
        // A skill's change says its level, what it counts for and its source, before and after.
        #expect(update["detail"]?["changed"]?["skills.sql"] == .object([
            ("from", .object([("level", 1), ("counts", 1), ("source", "manager")])), ("to", .object([("level", 2), ("counts", 2), ("source", "manager")])),
        ]))
        #expect(update["actor"]?.stringValue?.isEmpty == false)

        _ = try client.result("catalog.reload")
        daemon.signal(SIGHUP)
        // The signal's reload is recorded when it has run: wait for it, not for a fixed time.
        var reloads: [JSONValue] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while reloads.count < 2 && ContinuousClock.now < deadline {
            reloads = try client.result("audit.list", .object([("kind", "catalog")]))["items"]?.arrayValue ?? []
            if reloads.count < 2 { usleep(20_000) }
        }
        #expect(reloads.count == 2)
        #expect(reloads.first?["actor"] == "SIGHUP")
        #expect(reloads.last?["detail"]?["changed"] == .bool(false))
        #expect(reloads.last?["subject"] == .string(daemon.catalogPath))

        // Pages follow the cursor to the end; filters combine.
        var seen: [Int] = []
        var cursor: JSONValue = .null
        repeat {
            let page = try client.result("audit.list", .object([("limit", 2), ("cursor", cursor)]))
            seen += (page["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }
            cursor = page["nextCursor"] ?? .null
        } while cursor != .null && seen.count < 100
        #expect(seen == seen.sorted(by: >) && Set(seen).count == seen.count && seen.count == 5, "\(seen)")
        #expect(try client.result("audit.list", .object([("kind", "employee"), ("employee", "x1")]))["items"]?.arrayValue?.count == 2)
        #expect(try client.result("audit.list", .object([("until", "2000-01-01")]))["items"]?.arrayValue?.isEmpty == true)
        let bad = try client.call("audit.list", .object([("cursor", "abc")]))
        #expect(bad["error"]?["code"] == .number("-32602"))

        let cli = try ProcessRunner.run("skillpath", ["audit", "--employee", "x1", "--no-color"], environment: ["SKILLPATH_SOCKET": daemon.socketPath, "COLUMNS": "200"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(cli.stdout.contains("role: analyst → scientist; skills.sql: 1 (manager) → 2 (manager)"), "\(cli.stdout)")
    }
}
