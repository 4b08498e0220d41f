/// One report's line in a team report.
public struct TeamMember: Sendable, Equatable {
    public var employee: EmployeeRecord
    public var assignments: [AssignmentRecord]

    public init(employee: EmployeeRecord, assignments: [AssignmentRecord]) {
        self.employee = employee
        self.assignments = assignments
    }
}
