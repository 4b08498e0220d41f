/// Whether a progress event started or completed a course.
public enum ProgressStatus: String, Sendable, CaseIterable {
    case started, completed
}

/// What recording one progress event did.
public struct ProgressOutcome: Sendable, Equatable {
    /// True when an event with the same `eventId` was recorded before: nothing changed this time.
    public var duplicate: Bool
    public var eventID: String?
    public var at: String
    public var skillsRaised: [RaisedSkill]
    /// Why the completion counts for less than the course teaches, when it does ("completed without
    /// statistics 3", or reported by the employee and not yet confirmed).
    public var note: String?
    /// Active assignments containing the course, after the event.
    public var assignments: [AssignmentRecord]

    /// A skill the event raised, from the level before to the level after.
    public struct RaisedSkill: Sendable, Equatable {
        public var skill: String
        public var from: Int
        public var to: Int

        public init(skill: String, from: Int, to: Int) {
            self.skill = skill
            self.from = from
            self.to = to
        }
    }

    public init(duplicate: Bool, eventID: String? = nil, at: String, skillsRaised: [RaisedSkill], note: String? = nil, assignments: [AssignmentRecord]) {
        self.duplicate = duplicate
        self.eventID = eventID
        self.at = at
        self.skillsRaised = skillsRaised
        self.note = note
        self.assignments = assignments
    }
}
