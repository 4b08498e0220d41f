import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Someone leaving, where it meets the learning paths: their active assignments are cancelled (closed as
/// `left`, audited, told on the event log), they drop out of their manager's team report, and nobody else's
/// assignment changes.
@Suite struct LeaverTests {
    @Test func leavingCancelsTheirAssignmentsAndTakesThemOffTheTeamReport() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "m"), ("name", "Manager"), ("role", "lead")]),
            .object([("id", "a"), ("name", "Leaving"), ("role", "analyst"), ("manager", "m")]),
            .object([("id", "b"), ("name", "Staying"), ("role", "analyst"), ("manager", "m")]),
        ]))]))
        let leaving = try client.result("assignments.create", .object([("employee", "a"), ("targetRole", "scientist")]))["id"] ?? .null
        let staying = try client.result("assignments.create", .object([("employee", "b"), ("targetRole", "scientist")]))["id"] ?? .null
        let head = try client.result("events.list", .object([("limit", 1)]))["head"]?.intValue ?? 0
        let before = try client.result("reports.team", .object([("manager", "m")]))
        #expect(before["summary"]?["people"] == .number("2"))

        _ = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "a"), ("leftOn", "2026-01-02")])]))]))
        let closed = try client.result("assignments.get", .object([("id", leaving)]))
        #expect(closed["status"] == "cancelled" && closed["progress"] == "cancelled", "\(closed)")
        #expect(closed["closedReason"] == "left", "\(closed)")
        let kept = try client.result("assignments.get", .object([("id", staying)]))
        #expect(kept["status"] == "active", "someone else's path is untouched: \(kept)")

        let after = try client.result("reports.team", .object([("manager", "m")]))
        #expect(after["summary"]?["people"] == .number("1"), "\(after)")
        #expect(after["summary"]?["assignments"] == .number("1"), "\(after)")
        #expect(after["reports"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["b"], "\(after)")

        let events = try client.result("events.list", .object([("after", .int(head))]))["events"]?.arrayValue ?? []
        let change = events.first { $0["type"] == "assignment.changed" }
        #expect(change?["data"]?["change"] == "left" && change?["data"]?["status"] == "cancelled", "\(events)")
        let audit = try client.result("audit.list", .object([("employee", "a")]))["items"]?.arrayValue ?? []
        #expect(audit.contains { $0["action"] == "assignment.close" && $0["detail"]?["reason"] == "left" }, "\(audit)")

        // Left twice (the same date sent again) closes nothing more and fails nothing.
        let again = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "a"), ("leftOn", "2026-01-02")])]))]))
        #expect(again["unchanged"] == .number("1"), "\(again)")
    }
}
