import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Applications through the real daemon: the workflow to a filled seat and a recorded move, who sees what
/// (confidential until shortlisted), every refusal with nothing written, and the seams with closing an
/// opportunity and leaving.
@Suite struct ApplicationTests {
    struct Running {
        let daemon: DaemonProcess
        let client: RPCClient
        let opportunity: JSONValue
    }

    /// The store tests' team (l leads m, who manages a1 and a2) and a third analyst, with an opening for
    /// ml-engineer that l hires for: m manages the applicants but is not the hiring side.
    func started(headcount: Int = 1) throws -> Running {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "a3"), ("name", "Analyst Three"), ("role", "analyst"), ("manager", "m")]),
        ]))]))
        let opportunity = try client.result("opportunities.create", .object([("role", "ml-engineer"), ("manager", "l"), ("headcount", .int(headcount))]))
        return Running(daemon: daemon, client: client, opportunity: opportunity["id"] ?? .null)
    }

    func ids(_ list: JSONValue) -> [String] {
        (list["applications"]?.arrayValue ?? []).compactMap { $0["employee"]?.stringValue }
    }

    @Test func anApplicationGoesFromAppliedToAMoveAndClosesTheOthers() throws {
        let running = try started()
        let client = running.client
        let first = try client.result("opportunities.apply", .object([("actor", "a1"), ("opportunity", running.opportunity), ("note", "I want to build models")]))
        #expect(first["status"] == "applied")
        #expect(first["steps"]?.arrayValue?.first?["note"] == "I want to build models")
        #expect(first["hours"] != nil, "the applicant's plan to the role: \(first)")
        let second = try client.result("opportunities.apply", .object([("actor", "a2"), ("opportunity", running.opportunity), ("confidential", true)]))

        // The hiring side (l) sees both, ranked by readiness: a1 holds Python 1, a2 nothing.
        let hiring = try client.result("applications.list", .object([("actor", "l"), ("opportunity", running.opportunity)]))
        #expect(ids(hiring) == ["a1", "a2"])
        #expect(hiring["applications"]?.arrayValue?.first?["complete"] == .bool(false), "nothing teaches Kubernetes: never ready")
        // m manages both applicants but is not hiring: a2's confidential application stays hidden until shortlisted.
        #expect(ids(try client.result("applications.list", .object([("actor", "m")]))) == ["a1"])
        #expect(try client.call("applications.withdraw", .object([("actor", "m"), ("id", second["id"] ?? .null)]))["error"]?["code"] == -32007,
                "m cannot tell it exists")
        // a3, a peer, sees neither; a2 sees their own.
        #expect(ids(try client.result("applications.list", .object([("actor", "a3")]))) == [])
        #expect(ids(try client.result("applications.list", .object([("actor", "a2")]))) == ["a2"])

        // Only the hiring side decides, one step at a time.
        #expect(try client.call("applications.move", .object([("actor", "m"), ("id", first["id"] ?? .null), ("to", "shortlisted")]))["error"]?["code"] == -32001)
        let skip = try client.call("applications.move", .object([("actor", "l"), ("id", second["id"] ?? .null), ("to", "offered")]))["error"]
        #expect(skip?["code"] == -32008)
        #expect(skip?["message"]?.stringValue?.contains("can move to shortlisted, declined, withdrawn, not offered") == true, "\(String(describing: skip))")
        _ = try client.result("applications.move", .object([("actor", "l"), ("id", second["id"] ?? .null), ("to", "shortlisted"), ("note", "keen")]))
        #expect(ids(try client.result("applications.list", .object([("actor", "m")]))) == ["a1", "a2"], "shortlisted: m now sees it")
        _ = try client.result("applications.move", .object([("actor", "l"), ("id", second["id"] ?? .null), ("to", "offered")]))
        let accepted = try client.result("applications.move", .object([("actor", "l"), ("id", second["id"] ?? .null), ("to", "accepted")]))
        #expect(accepted["application"]?["status"] == "accepted")
        #expect(accepted["move"]?["toRole"] == "ml-engineer")
        #expect(accepted["application"]?["steps"]?.arrayValue?.map { $0["status"] } == ["applied", "shortlisted", "offered", "accepted"])
        #expect(accepted["application"]?["steps"]?.arrayValue?[1]["note"] == "keen")

        // The only seat is filled: the opportunity is filled, a2 holds the role, a1's application is closed saying why.
        let opportunity = try client.result("opportunities.list", .object([("status", "filled")]))["items"]?.arrayValue?.first
        #expect(opportunity?["fills"]?.arrayValue?.first?["employee"] == "a2")
        #expect(try client.result("employees.get", .object([("id", "a2")]))["role"] == "ml-engineer")
        let closed = try client.result("applications.list", .object([("employee", "a1")]))["applications"]?.arrayValue?.first
        #expect(closed?["status"] == "closed")
        #expect(closed?["steps"]?.arrayValue?.last?["note"] == "every seat of the opportunity is filled")
        #expect(try client.call("applications.move", .object([("id", first["id"] ?? .null), ("to", "shortlisted")]))["error"]?["code"] == -32008, "decided")
        let trail = try client.result("audit.list", .object([("limit", 50)]))["items"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
        for action in ["application.apply", "application.shortlisted", "application.offered", "application.accepted", "application.closed", "opportunity.fill"] {
            #expect(trail.contains(action), "\(action) audited: \(trail)")
        }
    }

    @Test func badApplicationsAreRefusedNamingWhyAndWriteNothing() throws {
        let running = try started()
        let client = running.client
        let opportunity = running.opportunity
        func refusal(_ params: JSONValue, _ method: String = "opportunities.apply") throws -> (Int?, String) {
            let error = try client.call(method, params)["error"]
            return (error?["code"]?.intValue, error?["message"]?.stringValue ?? "")
        }
        _ = try client.result("opportunities.apply", .object([("actor", "a1"), ("opportunity", opportunity)]))
        let twice = try refusal(.object([("actor", "a1"), ("opportunity", opportunity)]))
        #expect(twice.0 == -32008 && twice.1.contains("already applied to opportunity"), "\(twice)")
        #expect(try refusal(.object([("actor", "l"), ("opportunity", opportunity)])).1.contains("is the hiring manager"))
        #expect(try refusal(.object([("actor", "a2"), ("opportunity", 999)])).0 == -32007)
        #expect(try refusal(.object([("actor", "a2"), ("opportunity", opportunity), ("note", .string(String(repeating: "x", count: 2_001)))])).0 == -32602)
        #expect(try refusal(.object([("actor", "a2"), ("opportunity", opportunity), ("employee", "a3")])).0 == -32001, "not for someone else")
        let holder = try client.result("opportunities.create", .object([("role", "analyst"), ("manager", "l")]))
        #expect(try refusal(.object([("actor", "a2"), ("opportunity", holder["id"] ?? .null)])).1.contains("already holds role 'analyst'"))
        #expect(try refusal(.object([("id", 1), ("to", "applied")]), "applications.move").0 == -32602, "applied is not a decision")
        #expect(try refusal(.object([("id", 1), ("to", "shortlisted"), ("date", "2026-01-01")]), "applications.move").0 == -32602, "a date is for accepted")
        #expect(try refusal(.object([("actor", "a2"), ("id", 1)]), "applications.withdraw").0 == -32007, "not a2's: as if it did not exist")
        let all = try client.result("applications.list")
        #expect(all["total"] == .number("1"), "only a1's one application was written: \(all)")

        // Withdrawn: then it cannot be withdrawn again, and a new application may be made.
        _ = try client.result("applications.withdraw", .object([("actor", "a1"), ("id", 1), ("note", "not now")]))
        #expect(try refusal(.object([("actor", "a1"), ("id", 1)]), "applications.withdraw").0 == -32008)
        #expect(try client.result("opportunities.apply", .object([("actor", "a1"), ("opportunity", opportunity)]))["id"] == .number("2"))
    }

    /// Closing the opportunity by hand, filling its seat with an applicant directly, and an applicant leaving
    /// all settle the applications still open.
    @Test func closingFillingAndLeavingSettleOpenApplications() throws {
        let running = try started(headcount: 2)
        let client = running.client
        for employee in ["a1", "a2", "a3"] {
            _ = try client.result("opportunities.apply", .object([("actor", .string(employee)), ("opportunity", running.opportunity)]))
        }
        _ = try client.result("opportunities.close", .object([("id", running.opportunity), ("filledBy", "a1")]))
        func status(_ employee: String) throws -> JSONValue? {
            try client.result("applications.list", .object([("employee", .string(employee))]))["applications"]?.arrayValue?.last?["status"]
        }
        #expect(try status("a1") == "accepted", "the seat went to a1: their application says so")
        #expect(try status("a2") == "applied", "one seat is left")
        _ = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "a3"), ("leftOn", "2026-01-02")])]))]))
        #expect(try status("a3") == "closed")
        _ = try client.result("opportunities.close", .object([("id", running.opportunity)]))
        #expect(try status("a2") == "closed")
        let last = try client.result("applications.list", .object([("employee", "a2")]))["applications"]?.arrayValue?.last
        #expect(last?["steps"]?.arrayValue?.last?["note"] == "the opportunity was withdrawn")
    }
}
