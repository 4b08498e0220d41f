import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Issue 18's repros, each where two features meet: event ids from different senders, self-reported
/// completions, backdated and future evidence, and the audit of every level change; through the real daemon
/// on the shipped catalog, as the LMS (a service), an employee and an administrator (real Unix users).
@Suite(.serialized, .enabled(if: TestUsers.canCreate, "needs root to create Unix users and switch to them"))
struct RecordTruthTests {
    /// e-008 (Dana) and e-009 (no logins); e-010 is sp-employee, holding statistics 2 from an LMS completion
    /// of statistics-201 this year.
    static let daemon: Result<DaemonProcess, any Error> = Result {
        try TestUsers.ensure()
        let config = TemporaryDirectory()
        config.write(["truth.conf": "socket_mode = 0666\nadmins = @\(TestUsers.adminGroup)\nservices = \(TestUsers.service)\nsample_organisation = no\n"])
        let daemon = try DaemonProcess(catalogFiles: nil, arguments: ["--config", "\(config.path)/truth.conf"])
        daemon.stopAtExit()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "e-008"), ("name", "Dana Ortiz"), ("role", "data-analyst"), ("email", "dana@example.com"),
                     ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]),
            .object([("id", "e-009"), ("name", "Grace Li"), ("role", "data-analyst"), ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]),
            .object([("id", "e-010"), ("name", "You"), ("role", "data-analyst"), ("login", .string(TestUsers.employee)),
                     ("skills", .array([.object([("skill", "statistics"), ("level", 1)])]))]),
        ]))]))
        _ = try client.result("progress.record", .object([
            ("employee", "e-010"), ("course", "statistics-201"), ("status", "completed"), ("at", "2026-06-01"), ("eventId", "setup-1"),
        ]))
        return daemon
    }

    /// `skillpath rpc METHOD PARAMS` as `user`: the reply's result, or its error object.
    func rpc(_ user: String, _ method: String, _ params: JSONValue) throws -> JSONValue {
        let daemon = try Self.daemon.get()
        let output = try TestUsers.run(user, "skillpath", ["--socket", daemon.socketPath, "rpc", method, "-"], stdin: JSONWriter.string(params))
        if output.status == 0 { return try JSONParser.parse(output.stdout) }
        return .object([("status", .int(Int(output.status))), ("stderr", .string(output.stderr))])
    }

    func effective(_ employee: String, _ skill: String) throws -> JSONValue? {
        let client = try Self.daemon.get().client()
        return try client.result("employees.get", .object([("id", .string(employee))]))["skills"]?.arrayValue?.first { $0["skill"] == .string(skill) }
    }

    @Test func aReusedEventIdIsAConflictNamingWhatItWasFirstRecordedFor() throws {
        let lms = TestUsers.service
        let first = try rpc(lms, "progress.record", .object([("employee", "e-008"), ("course", "sql-301"), ("status", "completed"), ("eventId", "lms-42")]))
        #expect(first["recorded"] == .bool(true), "\(first)")
        let again = try rpc(lms, "progress.record", .object([("employee", "e-008"), ("course", "sql-301"), ("status", "completed"), ("eventId", "lms-42")]))
        #expect(again["duplicate"] == .bool(true), "the same event again is a retry: \(again)")
        let other = try rpc(lms, "progress.record", .object([("employee", "e-009"), ("course", "sql-301"), ("status", "completed"), ("eventId", "lms-42")]))
        #expect(other["status"] == .number("65"), "\(other)")
        #expect(other["stderr"]?.stringValue?.contains("event id 'lms-42' was first recorded for e-008's completion of sql-301") == true, "\(other)")
        let client = try Self.daemon.get().client()
        let grace = try client.result("employees.get", .object([("id", "e-009")]))
        #expect(grace["completed"]?.arrayValue?.isEmpty == true, "nothing was stored for e-009")
    }

    @Test func anEmployeesIdsNeverShadowTheLMSs() throws {
        let claimed = try TestUsers.run(TestUsers.employee, "skillpath", ["--socket", try Self.daemon.get().socketPath, "progress", "python-101", "--started", "--event-id", "lms-601"])
        #expect(claimed.status == 0, "\(claimed.stderr)")
        let report = try rpc(TestUsers.service, "progress.record", .object([("employee", "e-008"), ("course", "sql-101"), ("status", "completed"), ("eventId", "lms-601")]))
        #expect(report["recorded"] == .bool(true) && report["duplicate"] == .bool(false), "the LMS's own id: \(report)")
    }

    @Test func xAPIStatementsThatDidNotSucceedRaiseNothing() throws {
        func statement(_ id: String, verb: String, success: Bool) -> JSONValue {
            .object([
                ("id", .string(id)), ("actor", .object([("mbox", "mailto:dana@example.com")])),
                ("verb", .object([("id", .string("http://adlnet.gov/expapi/verbs/\(verb)"))])),
                ("object", .object([("id", "https://learning.example.com/courses/python-101")])),
                ("result", .object([("success", .bool(success))])),
            ])
        }
        let reply = try rpc(TestUsers.service, "progress.xapi", .object([("statements", .array([
            statement("x-1", verb: "completed", success: false), statement("x-2", verb: "failed", success: false),
            statement("x-3", verb: "passed", success: false),
        ]))]))
        let results = reply["results"]?.arrayValue ?? []
        try #require(results.count == 3, "\(reply)")
        #expect(results.allSatisfy { $0["status"] == "started" && $0["skillsRaised"] == nil }, "\(results)")
        #expect(try effective("e-008", "python") == nil, "no python evidence from attempts")
        let reused = try rpc(TestUsers.service, "progress.xapi", .object([("statements", .array([statement("x-1", verb: "completed", success: true)]))]))
        let result = reused["results"]?.arrayValue?.first
        #expect(result?["outcome"] == "rejected", "\(reused)")
        #expect(result?["reason"]?.stringValue?.contains("was first recorded for e-008's start of python-101") == true, "\(reused)")
    }

    @Test func aSelfReportedCompletionCountsAsTheEmployeesWordAndIsFlagged() throws {
        let reply = try rpc(TestUsers.employee, "progress.record", .object([("employee", "e-010"), ("course", "python-501"), ("status", "completed")]))
        #expect(reply["evidence"]?.stringValue == "completed without python 4", "\(reply)")
        let python = try #require(try effective("e-010", "python"))
        #expect(python["level"] == .number("5") && python["effectiveLevel"] == .number("3"), "stated 5, counts as a self-rating: \(python)")
        #expect(python["evidence"]?.stringValue?.contains("completed without python 4") == true, "\(python)")
        // An assessment confirms it.
        _ = try Self.daemon.get().client().result("employees.setSkills", .object([
            ("employee", "e-010"), ("skills", .array([.object([("skill", "python"), ("level", 5)])])), ("source", "assessment"),
        ]))
        #expect(try effective("e-010", "python")?["effectiveLevel"] == .number("5"))
    }

    @Test func backdatedEvidenceNeverLowersALevel() throws {
        let daemon = try Self.daemon.get()
        #expect(try effective("e-010", "statistics")?["effectiveLevel"] == .number("2"))
        let backfill = try ProcessRunner.run(
            "skillpath", ["progress", "statistics-301", "--completed", "--at", "2014-01-01", "--employee", "e-010", "--no-color"],
            environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(backfill.status == 0, "\(backfill.stderr)")
        #expect(!backfill.stdout.contains("↑ statistics"), "a completion of 2014 raises nothing today: \(backfill.stdout)")
        let statistics = try #require(try effective("e-010", "statistics"))
        #expect(statistics["effectiveLevel"] == .number("2"), "the newer evidence still stands: \(statistics)")
        #expect(statistics["pieces"]?.arrayValue?.count == 3, "a rating, the 2026 course and the 2014 course: \(statistics)")
        let audit = try daemon.client().result("audit.list", .object([("employee", "e-010"), ("kind", "progress")]))["items"]?.arrayValue ?? []
        let entry = try #require(audit.first { $0["detail"]?["course"] == "statistics-301" }, "\(audit)")
        #expect(entry["detail"]?["changed"] == nil, "no level changed, so none is recorded as changed: \(entry)")
    }

    @Test func anEventDatedInTheFutureIsRefused() throws {
        let daemon = try Self.daemon.get()
        let later = try ProcessRunner.run(
            "skillpath", ["progress", "sql-101", "--completed", "--at", "2099-01-01", "--employee", "e-009"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        // An invalid option value, found by the daemon and named by its flag (exit 64, docs/cli.md).
        #expect(later.status == 64, "\(later.stderr)")
        #expect(later.stderr.contains("--at is in the future"), "\(later.stderr)")
        #expect(try daemon.client().result("employees.get", .object([("id", "e-009")]))["completed"]?.arrayValue?.isEmpty == true)
    }

    @Test func theAuditShowsEveryLevelChangeWithItsSource() throws {
        let client = try Self.daemon.get().client()
        _ = try rpc(TestUsers.employee, "employees.setSkills", .object([("employee", "e-010"), ("skills", .array([.object([("skill", "sql"), ("level", 4)])]))]))
        _ = try client.result("employees.setSkills", .object([
            ("employee", "e-010"), ("skills", .array([.object([("skill", "sql"), ("level", 4)])])), ("source", "manager"),
        ]))
        let entries = try client.result("audit.list", .object([("employee", "e-010"), ("kind", "skills")]))["items"]?.arrayValue ?? []
        try #require(entries.count >= 2, "\(entries)")
        #expect(entries[0]["detail"]?["changed"]?["skills.sql"] == .object([
            ("from", .object([("level", 4), ("counts", 3), ("source", "self")])), ("to", .object([("level", 4), ("counts", 4), ("source", "manager")])),
        ]), "a manager's confirmation of a self-rating: \(entries[0])")
        let completions = try client.result("audit.list", .object([("employee", "e-010"), ("kind", "progress")]))["items"]?.arrayValue ?? []
        let first = try #require(completions.last, "the set-up completion of statistics-201")
        #expect(first["detail"]?["changed"]?["skills.statistics"]?["to"]?["source"] == "course", "\(first)")
    }
}
