/// Whether a progress event started or completed a course.
public enum ProgressStatus: String, Sendable {
    case started, completed
}

/// What recording one progress event did.
public struct ProgressOutcome: Sendable, Equatable {
    /// True when an event with the same `eventId` was recorded before: nothing changed this time.
    public var duplicate: Bool
    public var eventID: String?
    public var at: String
    public var skillsRaised: [(skill: String, from: Int, to: Int)]
    /// Active assignments containing the course, after the event.
    public var assignments: [AssignmentRecord]

    public static func == (lhs: ProgressOutcome, rhs: ProgressOutcome) -> Bool {
        lhs.duplicate == rhs.duplicate && lhs.eventID == rhs.eventID && lhs.at == rhs.at
            && lhs.skillsRaised.map { "\($0.skill)\($0.from)\($0.to)" } == rhs.skillsRaised.map { "\($0.skill)\($0.from)\($0.to)" }
            && lhs.assignments == rhs.assignments
    }

    public init(duplicate: Bool, eventID: String? = nil, at: String, skillsRaised: [(skill: String, from: Int, to: Int)], assignments: [AssignmentRecord]) {
        self.duplicate = duplicate
        self.eventID = eventID
        self.at = at
        self.skillsRaised = skillsRaised
        self.assignments = assignments
    }
}
