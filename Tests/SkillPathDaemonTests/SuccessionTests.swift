import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Succession benches through the real daemon: critical roles from the catalog and from an administrator,
/// the bench of each in scope, the CLI, and every refusal with nothing written.
@Suite struct SuccessionTests {
    @Test func criticalRolesAndTheirBenchesThroughRPCAndTheCommandLine() throws {
        var files = Fixtures.files
        // The test catalog with `lead` marked critical.
        files["roles.json"] = files["roles.json"]?.replacingOccurrences(of: #"{"id": "lead", "title": "Data Lead","#, with: #"{"id": "lead", "title": "Data Lead", "critical": true,"#)
        let daemon = try DaemonProcess(catalogFiles: files)
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        #expect(try client.result("roles.critical")["roles"] == .array([.object([("role", "lead"), ("title", "Data Lead"), ("source", "catalog")])]))
        // An administrator adds scientist and takes lead's mark off; the catalog's word is kept beside it.
        #expect(try client.result("roles.setCritical", .object([("role", "scientist"), ("critical", true)]))["catalog"] == .bool(false))
        #expect(try client.result("roles.setCritical", .object([("role", "lead"), ("critical", false)]))["catalog"] == .bool(true))
        #expect(try client.result("roles.critical")["roles"]?.arrayValue?.compactMap { $0["role"]?.stringValue } == ["scientist"])

        // m holds scientist; a1 (Python 1), a2 and l are its bench. From nothing it is 4 + 6 + 10 + 8 + 3 = 31 h,
        // under 8 weeks at the default 4 h a week: everyone is within 6 months, a1 (with Python 1) first.
        let report = try client.result("reports.succession")
        let bench = try #require(report["roles"]?.arrayValue?.first)
        #expect(bench["role"] == "scientist" && bench["critical"] == .bool(true))
        #expect(bench["incumbents"] == .array([.object([("employee", "m"), ("name", "Manager")])]))
        #expect(bench["considered"] == .number("3"))
        #expect(bench["bands"]?["within6Months"]?["count"] == .number("3"), "\(bench)")
        #expect(bench["bands"]?["within6Months"]?["people"]?.arrayValue?.first?["employee"] == "a1", "a1 has Python 1 already")
        #expect(bench["flags"]?["singleIncumbentNoneReadyNow"] == .bool(true))
        // m sees their own subtree: a1 and a2, both in m's team.
        let mine = try client.result("reports.succession", .object([("actor", "m"), ("roles", .strings(["scientist"]))]))
        #expect(mine["roles"]?.arrayValue?.first?["considered"] == .number("2"))
        #expect(mine["roles"]?.arrayValue?.first?["flags"]?["benchInOneTeam"] == "m")

        let cli = try ProcessRunner.run("skillpath", ["report", "succession"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(cli.status == 0)
        #expect(cli.stdout.contains("Data Scientist (scientist)") && cli.stdout.contains("within 6 months\t3"), "\(cli.stdout)")
        #expect(cli.stdout.contains("Risks: a single incumbent and nobody ready now"), "\(cli.stdout)")
    }

    @Test func badRequestsAreRefusedAndNothingIsMarked() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        func code(_ reply: JSONValue) -> JSONValue? { reply["error"]?["code"] }
        #expect(code(try client.call("roles.setCritical", .object([("role", "nope"), ("critical", true)]))) == .int(-32002))
        #expect(code(try client.call("roles.setCritical", .object([("role", "lead"), ("critical", "yes")]))) == .int(-32602))
        #expect(code(try client.call("roles.setCritical", .object([("role", "lead")]))) == .int(-32602))
        #expect(code(try client.call("roles.setCritical", .object([("actor", "m"), ("role", "lead"), ("critical", true)]))) == .int(-32001))
        #expect(try client.result("roles.critical")["roles"] == .array([]), "nothing was marked")
        let unknown = try client.call("reports.succession", .object([("roles", .strings(["lead", "nope"]))]))
        #expect(code(unknown) == .int(-32002) && unknown["error"]?["data"]?["field"] == "roles[1]", "\(unknown)")
        #expect(code(try client.call("reports.succession", .object([("roles", .array([]))]))) == .int(-32602))
        #expect(code(try client.call("reports.succession", .object([("roles", .strings((0...100).map { "r\($0)" }))]))) == .int(-32602))
        #expect(code(try client.call("reports.succession", .object([("actor", "a1")]))) == .int(-32001))
        // No critical role yet: an empty report, not an error.
        #expect(try client.result("reports.succession")["roles"] == .array([]))
    }
}
