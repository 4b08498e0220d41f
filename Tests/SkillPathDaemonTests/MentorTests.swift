import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Mentors through the real daemon: the rule of docs/mobility.md worked by hand, the order, capacity, what a
/// learner sees of a mentor, and every refusal.
@Suite struct MentorTests {
    /// l leads m (Python 3, by their manager), who manages a1 (Python 1) and a2 (nothing): a1's line is m and
    /// l. Outside it, t leads x1 (Python 3), x2 (Python 4, self-rated only) and x3 (Python 2).
    static let people: JSONValue = .object([("employees", .array([
        .object([("id", "l"), ("name", "Lead"), ("role", "lead")]),
        .object([("id", "m"), ("name", "Manager"), ("role", "scientist"), ("manager", "l"), ("skills", .array([.object([("skill", "python"), ("level", 3)])]))]),
        .object([("id", "a1"), ("name", "Analyst One"), ("role", "analyst"), ("manager", "m"), ("skills", .array([.object([("skill", "python"), ("level", 1)])]))]),
        .object([("id", "a2"), ("name", "Analyst Two"), ("role", "analyst"), ("manager", "m")]),
        .object([("id", "t"), ("name", "Other Lead"), ("role", "lead")]),
        .object([("id", "x1"), ("name", "Xavier"), ("role", "scientist"), ("manager", "t"), ("skills", .array([.object([("skill", "python"), ("level", 3)]), .object([("skill", "sql"), ("level", 2)])]))]),
        .object([("id", "x2"), ("name", "Yolanda"), ("role", "scientist"), ("manager", "t")]),
        .object([("id", "x3"), ("name", "Zed"), ("role", "analyst"), ("manager", "t"), ("skills", .array([.object([("skill", "python"), ("level", 2)])]))]),
    ]))])

    func started() throws -> (DaemonProcess, RPCClient) {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.people)
        _ = try client.result("employees.setSkills", .object([("actor", "x2"), ("employee", "x2"), ("skills", .array([.object([("skill", "python"), ("level", 4)])]))]))
        for (id, capacity) in [("m", 2), ("x1", 1), ("x2", 2), ("x3", 2)] {
            _ = try client.result("mentors.offer", .object([("employee", .string(id)), ("capacity", .int(capacity))]))
        }
        return (daemon, client)
    }

    func mentors(_ client: RPCClient, _ params: JSONValue) throws -> [String] {
        let result = try client.result("mentors.find", params)
        return (result["skills"]?.arrayValue?.first?["mentors"]?.arrayValue ?? []).compactMap { $0["employee"]?.stringValue }
    }

    @Test func theRuleTheOrderAndCapacityAreTheDocs() throws {
        let (daemon, client) = try started()
        _ = daemon
        // a1 holds Python 1 and needs 2: a mentor needs 3 (or 4+), on someone else's word, above 1.
        // x1 (3, outside) first, then m (3, a1's manager); x2's 4 is only self-rated; x3's 2 is not enough.
        #expect(try mentors(client, .object([("employee", "a1"), ("skill", "python")])) == ["x1", "m"])
        #expect(try mentors(client, .object([("employee", "a1"), ("skill", "python"), ("outsideLineOnly", true)])) == ["x1"])
        let shown = try client.result("mentors.find", .object([("employee", "a1"), ("skill", "python")]))["skills"]?.arrayValue?.first
        #expect(shown?["have"] == .number("1"))
        #expect(shown?["need"] == .number("2"))
        let first = shown?["mentors"]?.arrayValue?.first
        #expect(first?.objectValue?.keys == ["employee", "name", "level", "evidence", "freeCapacity", "outsideLine"], "a name and the one skill, no profile")
        #expect(first?["level"] == .number("3"))
        #expect(first?["evidence"] == "manager")
        // a2 holds nothing and needs 1: x3's 2 now counts, and is outside the line.
        #expect(try mentors(client, .object([("employee", "a2"), ("skill", "python")])) == ["x1", "x3", "m"])
        // Level 4 is always enough: needing 4, nobody here qualifies (x2's 4 is self-rated).
        #expect(try mentors(client, .object([("employee", "a1"), ("skill", "python"), ("level", 4)])) == [])

        // x1 takes a1: full (capacity 1), so a2 no longer finds them.
        let mentoring = try client.result("mentoring.start", .object([("actor", "a1"), ("mentor", "x1"), ("skill", "python"), ("note", "pandas")]))
        #expect(mentoring["learner"] == "a1")
        #expect(try mentors(client, .object([("employee", "a2"), ("skill", "python")])) == ["x3", "m"])
        #expect(try client.result("mentoring.list", .object([("employee", "x1")]))["mentorings"]?.arrayValue?.count == 1)
        _ = try client.result("mentoring.end", .object([("actor", "x1"), ("id", mentoring["id"] ?? .null)]))
        #expect(try mentors(client, .object([("employee", "a2"), ("skill", "python")])) == ["x1", "x3", "m"], "room again once it ended")

        // A plan's gaps: a1 to scientist must raise Python 1→3 (mentors at 4 or above only: none), statistics and SQL.
        let plan = try client.result("mentors.find", .object([("employee", "a1"), ("targetRole", "scientist")]))["skills"]?.arrayValue ?? []
        #expect(plan.map { $0["skill"]?.stringValue ?? "" }.sorted() == ["python", "sql", "statistics"])
        #expect(plan.first { $0["skill"] == "sql" }?["mentors"]?.arrayValue?.map { $0["employee"] } == ["x1"], "x1's SQL 2 is one above the 1 needed")
    }

    @Test func badOffersAndMentoringsAreRefusedAndWriteNothing() throws {
        let (daemon, client) = try started()
        _ = daemon
        func code(_ method: String, _ params: JSONValue) throws -> Int? { try client.call(method, params)["error"]?["code"]?.intValue }
        #expect(try code("mentors.offer", .object([("employee", "x1"), ("capacity", 21)])) == -32602)
        #expect(try code("mentors.offer", .object([("employee", "x1"), ("capacity", 1), ("skills", .strings(["juggling"]))])) == -32005)
        #expect(try code("mentors.offer", .object([("employee", "x1"), ("capacity", 1), ("skills", .strings(["sql", "sql"]))])) == -32602)
        #expect(try code("mentors.offer", .object([("actor", "a1"), ("employee", "x1"), ("capacity", 1)])) == -32001, "only one's own")
        #expect(try code("mentors.find", .object([("employee", "a1")])) == -32602, "a skill or a role")
        #expect(try code("mentors.find", .object([("actor", "a2"), ("employee", "a1"), ("skill", "python")])) == -32001, "a peer may not search for a1")
        #expect(try code("mentoring.start", .object([("actor", "a1"), ("mentor", "x2"), ("skill", "python")])) == -32008, "self-rated only")
        #expect(try code("mentoring.start", .object([("actor", "a1"), ("mentor", "x3"), ("skill", "python")])) == -32008, "not enough")
        #expect(try code("mentoring.start", .object([("actor", "x3"), ("mentor", "x1"), ("learner", "a1"), ("skill", "python")])) == -32001, "a stranger to both")
        _ = try client.result("mentoring.start", .object([("actor", "m"), ("mentor", "x1"), ("learner", "a1"), ("skill", "python")]))
        #expect(try code("mentoring.start", .object([("actor", "a2"), ("mentor", "x1"), ("skill", "python")])) == -32008, "x1 is full")
        #expect(try code("mentoring.end", .object([("actor", "a2"), ("id", 1)])) == -32007, "a2 may not see it")
        #expect(try code("mentoring.end", .object([("id", 1), ("date", "2000-01-01")])) == -32602, "before it started")
        _ = try client.result("mentoring.end", .object([("id", 1)]))
        #expect(try code("mentoring.end", .object([("id", 1)])) == -32008, "ended already")
        _ = try client.result("mentors.offer", .object([("employee", "x1"), ("capacity", 0)]))
        #expect(try mentors(client, .object([("employee", "a1"), ("skill", "python")])) == ["m"], "x1 withdrew")
        let trail = try client.result("audit.list", .object([("limit", 100)]))["items"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
        #expect(trail.filter { $0 == "mentoring.start" }.count == 1 && trail.contains("mentoring.end") && trail.contains("mentor.offer"))
    }
}
