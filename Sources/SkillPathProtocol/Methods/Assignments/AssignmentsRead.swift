import SkillPathCore
public import SkillPathJSON

/// `assignments.list`: one employee's assignments, or all the caller may see.
public enum AssignmentsList: RPCMethod {
    public static let description = MethodDescription(
        name: "assignments.list", summary: "List assignments: one employee's, or all the caller may see.",
        description: "Newest first, each with its progress on today's date (`on-track`, `late`, `overdue`, `completed`, `cancelled`) and percent complete by hours.",
        params: [MethodDescription.Parameter("employee", Schema.string, "only this employee's")],
        resultName: "assignments", resultSchema: Schema.object([("assignments", Schema.array(.object([("type", "object")])))]),
        errors: [.forbidden, .unknownEmployee],
        example: .init(
            params: .object([("employee", "e-104")]),
            result: .object([("assignments", .array([.object([
                ("id", 1), ("employee", "e-104"), ("targetRole", "data-scientist"), ("status", "active"), ("progress", "late"),
                ("percentComplete", .number("12.5")), ("hoursDone", 12), ("hoursTotal", 96), ("dueDate", "2027-06-30"),
            ])]))])),
        access: .scoped)

    public typealias Params = EmployeeParams

    public struct Result: RPCResult {
        public var assignments: [AssignmentSummary]

        public init(assignments: [AssignmentSummary]) {
            self.assignments = assignments
        }

        public var json: JSONValue { .object([("assignments", .array(assignments.map(\.json)))]) }
    }
}

/// `assignments.get`: one assignment with its dated steps, progress and frozen plan.
public enum AssignmentsGet: RPCMethod {
    public static let description = MethodDescription(
        name: "assignments.get", summary: "One assignment with its dated steps, progress and frozen plan.",
        description: "Visible to the employee, their managers, services and administrators.",
        params: [AssignmentID.parameter],
        resultName: "assignment", resultSchema: .object([("type", "object")]), errors: [.notFound, .forbidden],
        example: .init(
            params: .object([("id", 1)]),
            result: .object([
                ("id", 1), ("employee", "e-104"), ("targetRole", "data-scientist"), ("status", "active"), ("progress", "on-track"),
                ("steps", .array([.object([("position", 1), ("course", "stats-101"), ("hours", 8), ("plannedStart", "2026-11-23"), ("plannedEnd", "2026-12-06")])])),
            ])),
        access: .scoped)

    public typealias Params = AssignmentID
    public typealias Result = AssignmentDetail
}
