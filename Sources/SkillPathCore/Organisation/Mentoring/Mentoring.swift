/// An employee's offer to mentor: the skills (none listed: every skill they qualify in) and how many
/// mentees at once.
public struct MentorOffer: Sendable, Equatable {
    public var employee: String
    public var skills: [String]
    public var capacity: Int
    public var setAt: String

    public init(employee: String, skills: [String], capacity: Int, setAt: String) {
        self.employee = employee
        self.skills = skills
        self.capacity = capacity
        self.setAt = setAt
    }

    public static let maximumCapacity = 20
    public static let maximumSkills = 50

    /// Whether the offer covers `skill`.
    public func covers(_ skill: String) -> Bool { skills.isEmpty || skills.contains(skill) }
}

/// A mentoring relationship: who mentors whom in which skill, from when to when.
public struct MentoringRecord: Sendable, Equatable {
    public var id: Int64
    public var mentor: String
    public var learner: String
    public var skill: String
    public var started: CalendarDate
    public var ended: CalendarDate?
    public var startedBy: String
    public var endedBy: String?
    public var note: String?

    public init(
        id: Int64, mentor: String, learner: String, skill: String, started: CalendarDate, ended: CalendarDate?, startedBy: String, endedBy: String?,
        note: String?
    ) {
        self.id = id
        self.mentor = mentor
        self.learner = learner
        self.skill = skill
        self.started = started
        self.ended = ended
        self.startedBy = startedBy
        self.endedBy = endedBy
        self.note = note
    }

    public var isActive: Bool { ended == nil }
}

/// Who may mentor a skill (docs/mobility.md, "Mentors"): someone who offered it, holds it at an effective level
/// at least one above the level the learner needs (or at 4 and above) and above the learner's own, on evidence
/// that is not only their own rating, and has room for another mentee.
public enum MentorRule {
    /// Whether a mentor at `level` (effective), on evidence from `source`, can mentor a learner at `learner`
    /// who needs `need`.
    public static func qualifies(level: Int, source: SkillPolicy.Source, need: Int, learner: Int) -> Bool {
        source != .selfRated && level > learner && (level >= need + 1 || level >= 4)
    }
}
