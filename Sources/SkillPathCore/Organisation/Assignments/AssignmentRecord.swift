public import SkillPathJSON

/// An assignment: a target role set for an employee by a manager, with the plan frozen when it was made.
public struct AssignmentRecord: Sendable, Equatable {
    public var id: Int64
    public var employee: String
    public var targetRole: String
    public var assignedBy: String
    public var assignedAt: String
    public var startDate: CalendarDate
    public var dueDate: CalendarDate?
    public var status: Status
    /// The plan options used, so a replan asks the same question again.
    public var options: JSONValue
    /// The plan as it was frozen (the `paths.plan` object).
    public var plan: JSONValue
    public var catalogVersion: String
    public var updatedAt: String
    public var steps: [Step]
    /// Gap skills the frozen plan could not close (its `unmet` list): while any remain, finishing every
    /// planned course does not meet the role's requirements.
    public var unmet: [UnmetSkill] = []
    /// Why a closed assignment closed, when not by its courses: `role-reached`, when the employee moved into
    /// the target role; `left`, when the employee left (it is then cancelled).
    public var closedReason: String?

    public static let roleReached = "role-reached"
    public static let employeeLeft = "left"

    /// A gap skill the plan leaves open, as the plan stated it.
    public struct UnmetSkill: Sendable, Equatable {
        public var skill: String
        public var name: String
        public var have: Int
        public var need: Int
        public var reason: String

        /// Reads a plan's `unmet` array; entries it cannot read are skipped (a stored plan is ours).
        public static func list(from value: JSONValue?) -> [UnmetSkill] {
            (value?.arrayValue ?? []).compactMap { entry in
                guard let skill = entry["skill"]?.stringValue else { return nil }
                return UnmetSkill(
                    skill: skill, name: entry["name"]?.stringValue ?? skill, have: entry["have"]?.intValue ?? 0,
                    need: entry["need"]?.intValue ?? 0, reason: entry["reason"]?.stringValue ?? "")
            }
        }
    }

    public enum Status: String, Sendable {
        case active, completed, cancelled
    }

    public struct Step: Sendable, Equatable {
        public var position: Int
        public var course: String
        public var hours: Quantity
        public var plannedStart: CalendarDate
        public var plannedEnd: CalendarDate
        public var startedAt: String?
        public var completedAt: String?

        public init(position: Int, course: String, hours: Quantity, plannedStart: CalendarDate, plannedEnd: CalendarDate, startedAt: String? = nil, completedAt: String? = nil) {
            self.position = position
            self.course = course
            self.hours = hours
            self.plannedStart = plannedStart
            self.plannedEnd = plannedEnd
            self.startedAt = startedAt
            self.completedAt = completedAt
        }
    }

    /// Every planned course is done.
    public var coursesDone: Bool { steps.allSatisfy { $0.completedAt != nil } }
    /// Every planned course is done and the plan left no gap skill open: the role's requirements are met.
    public var requirementsMet: Bool { coursesDone && unmet.isEmpty }

    public var hoursTotal: Quantity { steps.reduce(.zero) { $0 + $1.hours } }
    public var hoursDone: Quantity { steps.filter { $0.completedAt != nil }.reduce(.zero) { $0 + $1.hours } }

    /// Percent of the plan's hours completed, to one decimal; 100 for a plan with nothing to learn.
    public var percentComplete: Double {
        guard hoursTotal.hundredths > 0 else { return 100 }
        return (Double(hoursDone.hundredths) * 1000 / Double(hoursTotal.hundredths)).rounded() / 10
    }

    /// Where the assignment stands on `today` against its scheduled dates (on the employee's shared
    /// schedule, when it is dated on it): never on track when it is planned to finish after it is due.
    public func progress(on today: CalendarDate) -> Progress {
        switch status {
        case .completed:
            if closedReason == Self.roleReached { return .roleReached }
            return unmet.isEmpty ? .completed : .coursesDone
        case .cancelled: return .cancelled
        case .active:
            if let dueDate, today > dueDate { return .overdue }
            if steps.contains(where: { $0.completedAt == nil && $0.plannedEnd < today }) { return .late }
            if let dueDate, let planned = plannedCompletion, planned > dueDate { return .atRisk }
            return .onTrack
        }
    }

    /// `on-track`: every step planned to end before today is done, and the last is planned to end by the
    /// due date; `at-risk`: on schedule, but the schedule ends after the due date; `late`: a step planned to
    /// end before today is not done; `overdue`: the due date has passed and the plan is not complete;
    /// `completed`: every course done and the role's requirements met; `courses-done`: every planned course
    /// done, but gap skills the plan could not close remain open (see `unmet`); `role-reached`: the employee
    /// moved into the target role, which closed the assignment.
    public enum Progress: String, Sendable, CaseIterable {
        case onTrack = "on-track"
        case atRisk = "at-risk"
        case late
        case overdue
        case completed
        case coursesDone = "courses-done"
        case roleReached = "role-reached"
        case cancelled
    }

    /// The first step not yet completed, while the assignment is active (a closed one has nothing next).
    public var nextStep: Step? { status == .active ? steps.first { $0.completedAt == nil } : nil }

    public var plannedCompletion: CalendarDate? { steps.last?.plannedEnd }

    public init(id: Int64, employee: String, targetRole: String, assignedBy: String, assignedAt: String, startDate: CalendarDate, dueDate: CalendarDate? = nil, status: Status, options: JSONValue, plan: JSONValue, catalogVersion: String, updatedAt: String, steps: [Step], unmet: [UnmetSkill] = [], closedReason: String? = nil) {
        self.id = id
        self.employee = employee
        self.targetRole = targetRole
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
        self.startDate = startDate
        self.dueDate = dueDate
        self.status = status
        self.options = options
        self.plan = plan
        self.catalogVersion = catalogVersion
        self.updatedAt = updatedAt
        self.steps = steps
        self.unmet = unmet
        self.closedReason = closedReason
    }
}

/// What `createAssignment` needs: the plan must already be scheduled (every step dated).
public struct NewAssignment: Sendable {
    public var employee: String
    public var targetRole: String
    public var assignedBy: String
    public var startDate: CalendarDate
    public var dueDate: CalendarDate?
    public var options: JSONValue
    public var plan: Plan

    public init(employee: String, targetRole: String, assignedBy: String, startDate: CalendarDate, dueDate: CalendarDate?, options: JSONValue, plan: Plan) {
        self.employee = employee
        self.targetRole = targetRole
        self.assignedBy = assignedBy
        self.startDate = startDate
        self.dueDate = dueDate
        self.options = options
        self.plan = plan
    }
}
