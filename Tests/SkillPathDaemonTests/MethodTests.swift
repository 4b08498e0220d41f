import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The catalog and planning methods, each as a client calls it.
@Suite(.serialized) struct MethodTests {
    let daemon: DaemonProcess
    let client: RPCClient

    init() throws {
        daemon = try DaemonProcess()
        client = try daemon.client()
    }

    @Test func healthReportsVersionUptimeAndTheCatalog() throws {
        let health = try client.result("system.health")
        #expect(health["status"] == "ok")
        #expect(health["version"] == "1.0.0")
        #expect((health["uptimeSeconds"]?.doubleValue ?? -1) >= 0)
        #expect(health["catalog"]?["skills"] == .number("6"))
        #expect(health["catalog"]?["courses"] == .number("10"))
        #expect(health["catalog"]?["roles"] == .number("4"))
        #expect(health["catalog"]?["version"]?.stringValue?.hasPrefix("sha256:") == true)
        // The fixture's 'ml-adv' needs Kubernetes, which no course teaches: one course takeable only with experience.
        #expect(health["catalog"]?["warningsByKind"]?["unreachable-requirement"] == .number("1"))
        #expect(health["store"]?["schemaVersion"]?.intValue ?? 0 >= 1)
    }

    @Test func discoverDescribesEveryMethodTheServerAnswers() throws {
        let document = try client.result("rpc.discover")
        #expect(document["openrpc"] == "1.2.6")
        let methods = try #require(document["methods"]?.arrayValue)
        let names = methods.compactMap { $0["name"]?.stringValue }
        #expect(names == names.sorted())
        #expect(Set(names).isSuperset(of: [
            "system.health", "rpc.discover", "catalog.skills", "catalog.courses", "catalog.roles", "catalog.get", "catalog.search",
            "catalog.reload", "paths.plan", "paths.compare", "roles.route",
        ]))
        for method in methods {
            let name = method["name"]!.stringValue!
            #expect(method["paramStructure"] == "by-name")
            #expect(method["params"]?.arrayValue?.contains { $0["name"] == "actor" } == true, "\(name) describes actor")
            #expect(method["examples"]?.arrayValue?.isEmpty == false, "\(name) has an example")
            // Every described method is served: calling it never gives "method not found".
            let reply = try client.call(name, .object([]))
            #expect(reply["error"]?["code"] != .number("-32601"), "\(name)")
        }
        let protocolDocs = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/docs/protocol.md", encoding: .utf8)
        for name in names {
            #expect(protocolDocs.contains("### `\(name)`"), "docs/protocol.md documents \(name)")
        }
    }

    /// The rules of the OpenRPC 1.2.6 meta-schema that a document can break without breaking JSON: method
    /// names unique; within a method, parameter names unique (the spec's "params ... MUST be unique"), each
    /// with a schema; a result with a name and a schema; examples whose params are declared parameters; errors
    /// with an integer code and a message.
    @Test func discoverFollowsTheOpenRPCRules() throws {
        let document = try client.result("rpc.discover")
        #expect(document["info"]?["title"]?.stringValue?.isEmpty == false)
        #expect(document["info"]?["version"]?.stringValue?.isEmpty == false)
        let methods = try #require(document["methods"]?.arrayValue)
        let names = methods.compactMap { $0["name"]?.stringValue }
        #expect(names.count == methods.count && Set(names).count == names.count, "method names are unique")
        for method in methods {
            let name = method["name"]?.stringValue ?? "?"
            let params = method["params"]?.arrayValue ?? []
            let paramNames = params.compactMap { $0["name"]?.stringValue }
            #expect(paramNames.count == params.count, "\(name): every parameter has a name")
            #expect(Set(paramNames).count == paramNames.count, "\(name): parameter names are unique: \(paramNames)")
            for param in params {
                #expect(param["schema"]?.objectValue != nil, "\(name).\(param["name"]?.stringValue ?? "?") has a schema")
                if let required = param["required"] { #expect(required.boolValue != nil, "\(name): required is a boolean") }
            }
            #expect(method["result"]?["name"]?.stringValue?.isEmpty == false, "\(name): the result is named")
            #expect(method["result"]?["schema"]?.objectValue != nil, "\(name): the result has a schema")
            for example in method["examples"]?.arrayValue ?? [] {
                #expect(example["name"]?.stringValue?.isEmpty == false, "\(name): every example is named")
                for given in example["params"]?.arrayValue ?? [] {
                    let key = given["name"]?.stringValue ?? "?"
                    #expect(paramNames.contains(key), "\(name): the example's param '\(key)' is declared")
                }
            }
            for error in method["errors"]?.arrayValue ?? [] {
                #expect(error["code"]?.intValue != nil && error["message"]?.stringValue?.isEmpty == false, "\(name): \(error)")
            }
        }
    }

    @Test func listsFilterAndPageByCursor() throws {
        let first = try client.result("catalog.courses", .object([("limit", 4)]))
        #expect(first["total"] == .number("10"))
        #expect(first["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["data-video", "data-workshop", "ml-adv", "py1"])
        #expect(first["nextCursor"] == "py1")
        let second = try client.result("catalog.courses", .object([("limit", 4), ("cursor", "py1")]))
        #expect(second["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["py2", "py3", "py3-bootcamp", "sql1"])
        let last = try client.result("catalog.courses", .object([("limit", 4), ("cursor", "sql1")]))
        #expect(last["nextCursor"] == .null)
        let python3 = try client.result("catalog.courses", .object([("skill", "python"), ("minLevel", 3)]))
        #expect(python3["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["py3", "py3-bootcamp"])
        let german = try client.result("catalog.courses", .object([("language", "de")]))
        #expect(german["total"] == .number("1"))
        let cheap = try client.result("catalog.courses", .object([("maxCost", 0), ("format", "video")]))
        #expect(cheap["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["py1", "stats-course"])
        let data = try client.result("catalog.skills", .object([("category", "data")]))
        #expect(data["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["sql"])
        let roles = try client.result("catalog.roles", .object([("skill", "statistics")]))
        #expect(roles["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["lead", "scientist"])
        let unknown = try client.call("catalog.courses", .object([("skill", "cobol")]))
        #expect(unknown["error"]?["data"]?["code"] == "unknown-skill")
        let tooMany = try client.call("catalog.roles", .object([("limit", 5000)]))
        #expect(tooMany["error"]?["data"]?["param"] == "limit")
    }

    @Test func getReturnsAnItemWithItsLinks() throws {
        let role = try client.result("catalog.get", .object([("kind", "role"), ("id", "scientist")]))
        #expect(role["item"]?["title"] == "Data Scientist")
        #expect(role["transitionsFrom"]?.arrayValue?.first?["to"] == "lead")
        #expect(role["transitionsTo"]?.arrayValue?.first?["from"] == "analyst")
        let skill = try client.result("catalog.get", .object([("kind", "skill"), ("id", "python")]))
        #expect(skill["taughtBy"] == .strings(["py1", "py2", "py3", "py3-bootcamp"]))
        let course = try client.result("catalog.get", .object([("kind", "course"), ("id", "sql1")]))
        #expect(course["followedBy"] == .strings(["sql2"]))
        let missing = try client.call("catalog.get", .object([("kind", "course"), ("id", "sql3")]))
        #expect(missing["error"]?["code"] == .number("-32007"))
        #expect(missing["error"]?["message"] == "no course 'sql3' (did you mean 'sql1'?)")
        let badKind = try client.call("catalog.get", .object([("kind", "thing"), ("id", "x")]))
        #expect(badKind["error"]?["data"]?["param"] == "kind")
    }

    @Test func searchRanksExactAndPrefixMatchesFirst() throws {
        let results = try client.result("catalog.search", .object([("query", "python")]))["results"]?.arrayValue ?? []
        #expect(results.first?["kind"] == "skill")
        #expect(results.first?["id"] == "python")
        #expect(results.first?["score"] == .number("100"))
        let aliases = try client.result("catalog.search", .object([("query", "py"), ("kinds", .strings(["skill"]))]))["results"]?.arrayValue ?? []
        #expect(aliases.first?["matched"] == "alias")
        let nothing = try client.result("catalog.search", .object([("query", "zzz")]))
        #expect(nothing["results"] == .array([]))
    }

    @Test func planIsTheSameObjectTheCLIPrints() throws {
        let directory = TemporaryDirectory()
        let profile = #"{"skills": [{"skill": "python", "level": 1}], "completed": ["sql1"], "role": "analyst"}"#
        directory.write(["me.json": profile])
        let options = #"{"objective": "cost", "hoursPerWeek": 4, "startDate": "2027-03-01", "deadline": "2027-06-01"}"#
        let rpc = try client.result("paths.plan", .object([
            ("profile", try JSONParser.parse(profile)), ("targetRole", "scientist"), ("options", try JSONParser.parse(options)),
        ]))
        let cli = try ProcessRunner.run("skillpath", [
            "plan", "--catalog", daemon.catalogPath, "--profile", "\(directory.path)/me.json", "--target", "scientist",
            "--objective", "cost", "--hours-per-week", "4", "--start", "2027-03-01", "--deadline", "2027-06-01", "--json",
        ])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(JSONWriter.string(rpc, style: .pretty) + "\n" == cli.stdout)
        #expect(rpc["schedule"]?["meetsDeadline"] == .bool(true))
    }

    @Test func aPaceWithoutAStartDateStartsToday() throws {
        let plan = try client.result("paths.plan", .object([
            ("profile", .object([])), ("targetRole", "analyst"), ("options", .object([("hoursPerWeek", 10)])),
        ]))
        let start = try #require(plan["schedule"]?["startDate"]?.stringValue)
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let today = String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
        #expect(start == today)
    }

    @Test func planningErrorsHaveStableApplicationCodes() throws {
        let role = try client.call("paths.plan", .object([("profile", .object([])), ("targetRole", "astronaut")]))
        #expect(role["error"]?["code"] == .number("-32002"))
        #expect(role["error"]?["data"]?["code"] == "unknown-role")
        #expect(role["error"]?["data"]?["id"] == "astronaut")
        let skill = try client.call("paths.plan", .object([
            ("profile", .object([("skills", .array([.object([("skill", "pyton"), ("level", 1)])]))])), ("targetRole", "lead"),
        ]))
        #expect(skill["error"]?["code"] == .number("-32005"))
        #expect(skill["error"]?["message"] == "unknown skill 'pyton' (did you mean 'python'?)")
        let noRole = try client.call("roles.route", .object([("profile", .object([])), ("targetRole", "lead")]))
        #expect(noRole["error"]?["data"]?["code"] == "no-current-role")
    }

    @Test func compareAndRouteAnswer() throws {
        let comparison = try client.result("paths.compare", .object([
            ("profile", .object([("role", "analyst")])), ("targetRoles", .strings(["scientist", "ml-engineer"])),
        ]))
        #expect(comparison["entries"]?.arrayValue?.compactMap { $0["transition"]?.stringValue } == ["promotion", "lateral"])
        let route = try client.result("roles.route", .object([("profile", .object([("role", "analyst")])), ("targetRole", "lead"), ("maxHops", 2)]))
        #expect(route["found"] == .bool(true))
        #expect(route["hops"]?.arrayValue?.count == 2)
    }
}
