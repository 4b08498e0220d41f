import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Several active assignments share the employee's one weekly budget: the one due first goes first, the
/// other's steps come after it, and the team view's verdict reads the shared dates.
@Suite struct SharedScheduleTests {
    @Test func twoAssignmentsShareOneWeek() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "m"), ("name", "Manager"), ("role", "lead")]),
            .object([("id", "p"), ("name", "Person"), ("role", "analyst"), ("manager", "m")]),
        ]))]))
        func completion(_ assignment: JSONValue?) -> String { assignment?["plannedCompletion"]?.stringValue ?? "?" }
        func listed() throws -> [JSONValue] { try client.result("assignments.list", .object([("employee", "p")]))["assignments"]?.arrayValue ?? [] }
        let pace = JSONValue.object([("hoursPerWeek", 5)])
        let later = try client.result("assignments.create", .object([("employee", "p"), ("targetRole", "scientist"), ("options", pace)]))
        let alone = completion(try listed().first)
        #expect(alone == completion(later), "one assignment keeps its own dates")
        let sooner = try client.result("assignments.create", .object([
            ("employee", "p"), ("targetRole", "ml-engineer"), ("options", pace), ("dueDate", .string(CalendarDateText.inDays(400))),
        ]))
        let both = try listed()
        let first = both.first { $0["id"] == sooner["id"] }
        let second = both.first { $0["id"] == later["id"] }
        // The one with a due date goes first and keeps its dates; the other now ends later.
        #expect(completion(first) == completion(sooner))
        #expect(completion(second) > alone, "\(completion(second)) after \(alone)")
        let secondSteps = try client.result("assignments.get", .object([("id", later["id"] ?? .null)]))["steps"]?.arrayValue ?? []
        let firstSteps = try client.result("assignments.get", .object([("id", sooner["id"] ?? .null)]))["steps"]?.arrayValue ?? []
        #expect((secondSteps.first?["plannedStart"]?.stringValue ?? "") >= (firstSteps.last?["plannedEnd"]?.stringValue ?? "~"), "its steps come after the other's")
        // The team view reads the same shared dates.
        let team = try client.result("reports.team", .object([("manager", "m")]))
        let teamCompletion = team["reports"]?.arrayValue?.first?["assignments"]?.arrayValue?.first { $0["id"] == later["id"] }
        #expect(completion(teamCompletion) == completion(second))
        // With the other cancelled, the first has the week to itself again.
        _ = try client.result("assignments.cancel", .object([("id", sooner["id"] ?? .null)]))
        #expect(completion(try listed().first { $0["id"] == later["id"] }) == alone)
    }
}

enum CalendarDateText {
    /// The date `days` from today (UTC), as YYYY-MM-DD.
    static func inDays(_ days: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }
}
