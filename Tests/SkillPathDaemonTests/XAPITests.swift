import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// `progress.xapi` with statements shaped as the xAPI 1.0.3 specification's examples: actors by mbox and by
/// account, the ADL verbs, activities matched by `externalIds.xapi` and by `url`, timestamps with offsets,
/// idempotency by statement id, and one result per statement whatever the others do.
@Suite struct XAPITests {
    static let catalog = Fixtures.files.merging(["courses/lms.json": """
        {"courses": [
          {"id": "sql-lms", "title": "SQL on the LMS", "format": "video", "hours": 3, "teaches": [{"skill": "sql", "level": 3}],
           "externalIds": {"xapi": "http://example.adlnet.gov/xapi/example/sql"}},
          {"id": "viz-lms", "title": "Charts on the LMS", "format": "video", "hours": 2, "teaches": [{"skill": "data-viz", "level": 1}],
           "url": "https://lms.example.com/courses/viz"}
        ]}
        """]) { $1 }

    static func statement(id: String?, actor: JSONValue, verb: String, object: String, timestamp: String? = nil) -> JSONValue {
        .object([
            ("id", id.map(JSONValue.string)), ("timestamp", timestamp.map(JSONValue.string)), ("actor", actor),
            ("verb", .object([("id", .string("http://adlnet.gov/expapi/verbs/\(verb)")), ("display", .object([("en-US", .string(verb))]))])),
            ("object", .object([("id", .string(object)), ("objectType", "Activity"), ("definition", .object([("name", .object([("en-US", "An activity")]))]))])),
            ("result", .object([("completion", true), ("success", true), ("score", .object([("scaled", .number("0.95"))]))])),
        ])
    }

    static let sally = JSONValue.object([("objectType", "Agent"), ("name", "Sally Glider"), ("mbox", "mailto:Sally@Example.com")])
    static let account = JSONValue.object([("objectType", "Agent"), ("account", .object([("homePage", "http://www.example.com"), ("name", "bob")]))])

    @Test func statementsFromTheSpecificationAreRecordedOneResultEach() throws {
        let daemon = try DaemonProcess(catalogFiles: Self.catalog)
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "s1"), ("name", "Sally Glider"), ("role", "analyst"), ("email", "sally@example.com")]),
            .object([("id", "b1"), ("name", "Bob"), ("role", "analyst"), ("login", "bob")]),
        ]))]))
        let batch: [JSONValue] = [
            Self.statement(id: "fd41c918-b88b-4b20-a0a5-a4c32391aaa0", actor: Self.sally, verb: "completed",
                           object: "http://example.adlnet.gov/xapi/example/sql", timestamp: "2015-11-18T12:17:00+00:00"),
            Self.statement(id: "7ccd3322-e1a5-411a-a67d-6a735c76f119", actor: Self.account, verb: "experienced",
                           object: "https://lms.example.com/courses/viz", timestamp: "2026-11-20T09:30:00.250-05:00"),
            Self.statement(id: "a1", actor: Self.account, verb: "failed", object: "http://example.adlnet.gov/xapi/example/sql"),
            Self.statement(id: "a2", actor: .object([("mbox", "mailto:nobody@example.com")]), verb: "completed", object: "https://lms.example.com/courses/viz"),
            Self.statement(id: "a3", actor: Self.sally, verb: "completed", object: "http://example.com/activities/solo-hang-gliding"),
            Self.statement(id: "a4", actor: Self.sally, verb: "created", object: "https://lms.example.com/courses/viz"),
            Self.statement(id: nil, actor: Self.sally, verb: "completed", object: "https://lms.example.com/courses/viz"),
            Self.statement(id: "a5", actor: Self.sally, verb: "passed", object: "https://lms.example.com/courses/viz", timestamp: "yesterday"),
            .string("not a statement"),
        ]
        let reply = try client.result("progress.xapi", .object([("statements", .array(batch))]))
        let results = reply["results"]?.arrayValue ?? []
        #expect(results.count == batch.count)
        #expect(results.map { $0["outcome"]?.stringValue ?? "" } == ["recorded", "recorded", "recorded", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected"])
        #expect(results[0]["employee"] == "s1" && results[0]["course"] == "sql-lms" && results[0]["status"] == "completed")
        #expect(results[0]["at"] == "2015-11-18T12:17:00Z")
        // A completion of 2015 is evidence from 2015: it has faded to 1 (SQL 3, half-life five years), and the
        // level it raises sql to says so.
        #expect(results[0]["skillsRaised"] == .array([.object([("skill", "sql"), ("from", 0), ("to", 1)])]))
        #expect(results[1]["employee"] == "b1" && results[1]["status"] == "started" && results[1]["at"] == "2026-11-20T14:30:00Z", "offset turned into UTC")
        #expect(results[2]["status"] == "started", "failed counts as started, not completed")
        #expect(results[3]["reason"]?.stringValue?.hasPrefix("unknown actor") == true)
        #expect(results[4]["reason"]?.stringValue?.hasPrefix("unknown activity") == true)
        #expect(results[5]["reason"]?.stringValue?.hasPrefix("unsupported verb 'http://adlnet.gov/expapi/verbs/created'") == true)
        #expect(results[6]["reason"]?.stringValue?.contains("no statement id") == true)
        #expect(results[7]["reason"]?.stringValue?.contains("timestamp 'yesterday'") == true)
        #expect(reply["recorded"] == .number("3") && reply["rejected"] == .number("6"))

        // The LMS retries: the same statements are duplicates, nothing is recorded twice.
        let again = try client.result("progress.xapi", .object([("statements", batch[0])]))
        #expect(again["results"]?.arrayValue?.first?["outcome"] == "duplicate")
        let sally = try client.result("employees.get", .object([("id", "s1")]))
        #expect(sally["completed"]?.arrayValue?.count == 1)
        #expect(sally["skills"]?.arrayValue?.first?["setAt"] == "2015-11-18T12:17:00Z", "a completion is evidence dated when it happened")
    }

    /// From the command line: an LRS reply's statements, a summary, and each rejection with its position.
    @Test func theCommandLineImportsAnLRSExport() throws {
        let daemon = try DaemonProcess(catalogFiles: Self.catalog)
        _ = try daemon.client().result("employees.upsert", .object([("employees", .array([
            .object([("id", "s1"), ("name", "Sally Glider"), ("role", "analyst"), ("email", "sally@example.com")]),
        ]))]))
        let export = JSONValue.object([("statements", .array([
            Self.statement(id: "c1", actor: Self.sally, verb: "completed", object: "http://example.adlnet.gov/xapi/example/sql"),
            Self.statement(id: "c2", actor: Self.sally, verb: "created", object: "http://example.adlnet.gov/xapi/example/sql"),
        ])), ("more", "")])
        let directory = TemporaryDirectory()
        directory.write(["lrs.json": JSONWriter.string(export)])
        let environment = ["SKILLPATH_SOCKET": daemon.socketPath]
        let first = try ProcessRunner.run("skillpath", ["import", "xapi", "\(directory.path)/lrs.json", "--no-color"], environment: environment)
        #expect(first.status == 65, "one statement was rejected: \(first.stderr)")
        #expect(first.stdout.hasPrefix("Imported xAPI statements from \(directory.path)/lrs.json: 2 statements: 1 recorded, 0 duplicate, 1 rejected."), "\(first.stdout)")
        #expect(first.stdout.contains("lrs.json: statement 2 (c2): unsupported verb"), "\(first.stdout)")
        let again = try ProcessRunner.run("skillpath", ["import", "xapi", "\(directory.path)/lrs.json", "--json"], environment: environment)
        let summary = try JSONParser.parse(again.stdout)
        #expect(summary["duplicate"] == .number("1") && summary["recorded"] == .number("0"))
        // `-` reads the statements from stdin, as the other imports do.
        let piped = try ProcessRunner.run("skillpath", ["import", "xapi", "-", "--no-color"], environment: environment, stdin: JSONWriter.string(export))
        #expect(piped.stdout.hasPrefix("Imported xAPI statements from stdin: 2 statements: 0 recorded, 1 duplicate, 1 rejected."), "\(piped.stdout) \(piped.stderr)")
        let malformed = try ProcessRunner.run("skillpath", ["import", "xapi", "-"], environment: environment, stdin: "{bad")
        #expect(malformed.status == 65 && malformed.stderr.hasPrefix("Error: stdin:1:2: malformed JSON"), "\(malformed.stderr)")
    }

    @Test func batchesAreBoundedAndOnlyServicesAndAdministratorsMaySend() throws {
        let daemon = try DaemonProcess(catalogFiles: Self.catalog)
        let client = try daemon.client()
        let tooMany = try client.call("progress.xapi", .object([("statements", .array(Array(repeating: .object([("id", "x")]), count: 1_001)))]))
        #expect(tooMany["error"]?["code"] == .number("-32602"))
        #expect(tooMany["error"]?["message"]?.stringValue?.contains("1001 statements") == true)
        let empty = try client.call("progress.xapi", .object([("statements", .array([]))]))
        #expect(empty["error"]?["code"] == .number("-32602"))
        let wrong = try client.call("progress.xapi", .object([("statements", "x")]))
        #expect(wrong["error"]?["code"] == .number("-32602"))
    }
}
