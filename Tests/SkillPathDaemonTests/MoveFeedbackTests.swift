import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Feedback after a move through the real daemon: who may rate (the mover, the manager they report to, nobody
/// else), from when, what a rating does to the mobility report, who sees the comments, and every refusal with
/// nothing written.
@Suite struct MoveFeedbackTests {
    /// The store tests' team (l leads m, who manages a1 and a2): a1 promoted 40 days ago, a2 moved 10 days ago.
    func started() throws -> (daemon: DaemonProcess, client: RPCClient, old: JSONValue, recent: JSONValue, today: CalendarDate) {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", StoreMethodTests.team)
        let today = Timestamps.today()
        let old = try client.result("moves.record", .object([
            ("employee", "a1"), ("toRole", "scientist"), ("kind", "promotion"), ("date", .string(today.adding(days: -40).description)),
        ]))["id"] ?? .null
        let recent = try client.result("moves.record", .object([
            ("employee", "a2"), ("toRole", "ml-engineer"), ("kind", "lateral"), ("date", .string(today.adding(days: -10).description)),
        ]))["id"] ?? .null
        return (daemon, client, old, recent, today)
    }

    func code(_ response: JSONValue) -> JSONValue? { response["error"]?["code"] }

    func feedback(_ client: RPCClient, from: CalendarDate, comments: Bool) throws -> JSONValue? {
        let report = try client.result("reports.mobility", .object([
            ("from", .string(from.description)), ("to", .string(Timestamps.today().description)), ("actor", comments ? nil : "m"),
        ]))
        return report["figures"]?["feedback"]
    }

    @Test func theMoverAndTheirManagerRateAMoveAndTheReportCountsIt() throws {
        let (daemon, client, old, _, today) = try started()
        defer { withExtendedLifetime(daemon) {} }
        let mine = try client.result("moves.feedback", .object([("actor", "a1"), ("move", old), ("rating", 4), ("comment", "Glad I moved")]))
        #expect(mine["respondent"] == "mover" && mine["employee"] == "a1" && mine["rating"] == .number("4"))
        let theirs = try client.result("moves.feedback", .object([("actor", "m"), ("move", old), ("rating", 3)]))
        #expect(theirs["respondent"] == "manager" && theirs["employee"] == "m")
        // Rating again replaces the first rating.
        _ = try client.result("moves.feedback", .object([("actor", "a1"), ("move", old), ("rating", 5), ("comment", "Even better now")]))

        let period = today.adding(days: -60)
        let seen = try feedback(client, from: period, comments: true)
        // Two moves in the period; only a1's is 30 days old.
        #expect(seen?["ratable"] == .number("1"))
        #expect(seen?["responses"]?["mover"]?["count"] == .number("1") && seen?["responses"]?["manager"]?["count"] == .number("1"))
        #expect(seen?["ratings"]?["mover"] == .array([0, 0, 0, 0, 1].map { .int($0) }))
        #expect(seen?["ratings"]?["manager"] == .array([0, 0, 1, 0, 0].map { .int($0) }))
        #expect(seen?["comments"]?.arrayValue?.compactMap { $0["comment"]?.stringValue } == ["Even better now"])
        // A manager sees the ratings, not the words.
        let managers = try feedback(client, from: period, comments: false)
        #expect(managers?["ratings"] == seen?["ratings"])
        #expect(managers?["comments"] == nil)
        let audit = try client.result("audit.list", .object([("employee", "a1")]))
        #expect((audit["items"]?.arrayValue ?? []).count { $0["action"] == "move.feedback" } == 3)
    }

    @Test func onlyTheMoverAndTheirManagerMayRateAndOnlyFromThirtyDays() throws {
        let (daemon, client, old, recent, today) = try started()
        defer { withExtendedLifetime(daemon) {} }
        // l manages m, above a1, but is not the manager a1 reports to; a2 is a peer; the administrator speaks
        // for nobody.
        let byLead = try client.call("moves.feedback", .object([("actor", "l"), ("move", old), ("rating", 3)]))
        #expect(code(byLead) == .int(-32001) && byLead["error"]?["data"]?["rule"] == "mover-or-manager", "\(byLead)")
        #expect(code(try client.call("moves.feedback", .object([("move", old), ("rating", 3)]))) == .int(-32001))
        // A peer may not see a1's move at all: answered as for a move that does not exist.
        #expect(code(try client.call("moves.feedback", .object([("actor", "a2"), ("move", old), ("rating", 3)]))) == .int(-32007))
        #expect(code(try client.call("moves.feedback", .object([("actor", "a1"), ("move", 999), ("rating", 3)]))) == .int(-32007))
        // a2's move is 10 days old: it can be rated in 20 days, and the error says when.
        let early = try client.call("moves.feedback", .object([("actor", "a2"), ("move", recent), ("rating", 3)]))
        #expect(code(early) == .int(-32008))
        #expect(early["error"]?["message"]?.stringValue?.contains("can be rated from \(today.adding(days: 20))") == true, "\(early)")
        for (params, field) in [
            (.object([("actor", "a1"), ("move", old), ("rating", 0)]), "rating"), (.object([("actor", "a1"), ("move", old), ("rating", 6)]), "rating"),
            (.object([("actor", "a1"), ("move", old), ("rating", "4")]), "rating"), (.object([("actor", "a1"), ("move", old), ("rating", .number("2.5"))]), "rating"),
            (.object([("actor", "a1"), ("move", old)]), "rating"), (.object([("actor", "a1"), ("rating", 3)]), "move"),
            (.object([("actor", "a1"), ("move", old), ("rating", 3), ("comment", .string(String(repeating: "x", count: 2_001)))]), "comment"),
        ] as [(JSONValue, String)] {
            let refused = try client.call("moves.feedback", params)
            #expect(code(refused) == .int(-32602), "\(params)")
            #expect(refused["error"]?["data"]?["param"]?.stringValue == field, "\(refused)")
        }
        // Nothing was written by any refusal.
        let seen = try feedback(client, from: today.adding(days: -60), comments: true)
        #expect(seen?["responses"]?["mover"]?["count"] == .number("0") && seen?["responses"]?["manager"]?["count"] == .number("0"), "\(String(describing: seen))")
    }

    @Test func aSecondmentsReturnIsRatedThroughTheSecondment() throws {
        let (daemon, client, _, _, today) = try started()
        defer { withExtendedLifetime(daemon) {} }
        let secondment = try client.result("moves.record", .object([
            ("employee", "a1"), ("toRole", "lead"), ("kind", "secondment"), ("date", .string(today.adding(days: -35).description)),
        ]))["id"] ?? .null
        let ended = try client.result("moves.end", .object([("move", secondment), ("outcome", "return"), ("date", .string(today.adding(days: -31).description))]))
        let back = try client.call("moves.feedback", .object([("actor", "a1"), ("move", ended["move"]?["id"] ?? .null), ("rating", 2)]))
        #expect(code(back) == .int(-32008) && back["error"]?["message"]?.stringValue?.contains("rate the secondment") == true, "\(back)")
        #expect(try client.result("moves.feedback", .object([("actor", "a1"), ("move", secondment), ("rating", 2)]))["respondent"] == "mover")
    }
}
