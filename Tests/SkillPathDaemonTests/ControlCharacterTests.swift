import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// U+0000 and the other C0 controls (tab aside) are refused at every entry point, naming the field, and
/// never reach the store: an id `"g-0\u0000zzz"` must not update `g-0`, nor a login `"rt_bob\u0000junk"`
/// claim the Unix user `rt_bob`, nor two event ids that differ after a NUL collide.
@Suite struct ControlCharacterTests {
    static func employee(_ id: String, name: String = "Grace", login: String? = nil) -> JSONValue {
        .object([("id", .string(id)), ("name", .string(name)), ("role", "analyst"), ("login", login.map(JSONValue.string))])
    }

    static func upsert(_ client: RPCClient, _ rows: [JSONValue]) throws -> JSONValue {
        try client.result("employees.upsert", .object([("employees", .array(rows))]))
    }

    @Test func aNULInAnIdOrALoginRejectsThatRowByNameAndLeavesOthersAlone() throws {
        let daemon = try DaemonProcess(catalogFiles: Fixtures.files)
        let client = try daemon.client()
        _ = try Self.upsert(client, [Self.employee("g-0", login: "rt_bob")])
        let reply = try Self.upsert(client, [
            Self.employee("g-0\u{0}zzz", name: "Mallory"), Self.employee("g-1", name: "Bob", login: "rt_bob\u{0}junk"),
            Self.employee("a"), Self.employee("a\u{0}b"), Self.employee("g-2", name: "Eve\u{1B}[2J"), Self.employee("g-3", name: "Ada\tLovelace"),
        ])
        let rejected = reply["rejected"]?.arrayValue ?? []
        try #require(rejected.count == 4, "\(JSONWriter.string(reply))")
        #expect(rejected.map { $0["index"]?.intValue ?? -1 } == [0, 1, 3, 4])
        #expect(rejected.map { $0["field"]?.stringValue ?? "" } == ["id", "login", "id", "name"])
        #expect(rejected[0]["reason"]?.stringValue == "must not contain control characters (U+0000 at character 4)")
        #expect(rejected[3]["reason"]?.stringValue?.contains("U+001B") == true)
        // Nothing the rejected rows named changed, the clean rows landed, and no SQL text came back.
        let grace = try client.result("employees.get", .object([("id", "g-0")]))
        #expect(grace["name"] == "Grace" && grace["login"] == "rt_bob")
        #expect(try client.result("employees.get", .object([("id", "a")]))["id"] == "a")
        #expect(try client.result("employees.get", .object([("id", "g-3")]))["name"] == "Ada\tLovelace", "a tab is text")
        #expect(!JSONWriter.string(reply).contains("INSERT"))
    }

    @Test func eventIdsAndLookupsWithANULAreInvalidParamsNamingTheField() throws {
        let daemon = try DaemonProcess(catalogFiles: Fixtures.files)
        let client = try daemon.client()
        _ = try Self.upsert(client, [Self.employee("g-0")])
        let first = try client.result("progress.record", .object([("employee", "g-0"), ("course", "sql1"), ("status", "started"), ("eventId", "lms-1")]))
        #expect(first["recorded"] == true)
        for (params, field) in [
            (JSONValue.object([("employee", "g-0"), ("course", "sql2"), ("status", "started"), ("eventId", "lms-1\u{0}x")]), "eventId"),
            (.object([("employee", "g-0\u{0}"), ("course", "sql1"), ("status", "started")]), "employee"),
            (.object([("employee", "g-0"), ("course", "sql1\u{7}"), ("status", "started")]), "course"),
        ] {
            let error = try client.call("progress.record", params)["error"]
            #expect(error?["code"] == -32602, "\(field)")
            #expect(error?["message"]?.stringValue?.contains("\(field) must not contain control characters") == true, "\(String(describing: error))")
        }
        let lookup = try client.call("employees.get", .object([("id", "g-0\u{0}")]))["error"]
        #expect(lookup?["code"] == -32602 && lookup?["message"]?.stringValue?.contains("id must not contain control characters") == true)
        // The first record is the only one: the NUL'd event id neither collided with it nor was stored.
        let audit = try client.result("audit.list", .object([("employee", "g-0"), ("kind", "progress")]))
        #expect(audit["items"]?.arrayValue?.count == 1, "\(JSONWriter.string(audit))")
    }

    @Test func anXAPIStatementWithANULIsRejectedNamingItsField() throws {
        let daemon = try DaemonProcess(catalogFiles: Fixtures.files)
        let client = try daemon.client()
        _ = try Self.upsert(client, [Self.employee("g-0", login: "grace")])
        let statement = JSONValue.object([
            ("id", "st-1\u{0}"), ("actor", .object([("account", .object([("homePage", "http://lms"), ("name", "grace")]))])),
            ("verb", .object([("id", "http://adlnet.gov/expapi/verbs/completed")])), ("object", .object([("id", "sql1")])),
        ])
        let reply = try client.result("progress.xapi", .object([("statements", .array([statement]))]))
        let result = reply["results"]?.arrayValue?.first
        #expect(result?["outcome"] == "rejected")
        #expect(result?["reason"]?.stringValue == "id must not contain control characters (U+0000 at character 5)", "\(String(describing: result))")
    }
}
