/// Where a stored skill level comes from: self, manager, assessment, course or import (`SkillPolicy` says
/// what each counts for and which may lower a level another set).
public typealias SkillSource = SkillPolicy.Source

public struct EmployeeRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var login: String?
    public var email: String?
    public var role: String
    public var manager: String?
    public var createdAt: String
    public var updatedAt: String
    /// The day the employee left the organisation, when they did (kept for the mobility figures).
    public var leftOn: CalendarDate?
    /// How they like to learn: the defaults of their plans.
    public var preferences = LearnerPreferences()

    public init(id: String, name: String, login: String? = nil, email: String? = nil, role: String, manager: String? = nil, createdAt: String, updatedAt: String, leftOn: CalendarDate? = nil,
        preferences: LearnerPreferences = LearnerPreferences()
    ) {
        self.id = id
        self.name = name
        self.login = login
        self.email = email
        self.role = role
        self.manager = manager
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.leftOn = leftOn
        self.preferences = preferences
    }
}

/// One piece of evidence of a skill level: who or what says the employee holds `skill` at `level`, and since
/// when. An employee may have several for one skill (a self-rating, a manager's word, each course that taught
/// it); the level that counts is the best any of them still supports (`SkillEvidence`, docs/evidence.md).
public struct StoredSkill: Sendable, Equatable {
    public var skill: String
    public var level: Int
    public var source: SkillSource
    /// When the evidence dates from: a rating's time, or the day a course was completed (RFC 3339).
    public var setAt: String
    /// The course whose completion this is, when it is one.
    public var course: String?
    /// Why it counts for less than it says, when the store knows at writing (a course completed without its
    /// entry requirements: "completed without statistics 3").
    public var note: String?

    public init(skill: String, level: Int, source: SkillSource, setAt: String, course: String? = nil, note: String? = nil) {
        self.skill = skill
        self.level = level
        self.source = source
        self.setAt = setAt
        self.course = course
        self.note = note
    }

    /// The day of the evidence (`setAt` is an RFC 3339 timestamp), nil if it cannot be read.
    public var date: CalendarDate? {
        CalendarDate(iso: String(setAt.prefix(10)))
    }
}

public struct StoredCompletion: Sendable, Equatable {
    public var course: String
    public var completedAt: String
    public var source: String

    public init(course: String, completedAt: String, source: String) {
        self.course = course
        self.completedAt = completedAt
        self.source = source
    }
}

/// An employee with everything planning needs.
public struct EmployeeProfile: Sendable, Equatable {
    public var employee: EmployeeRecord
    public var skills: [StoredSkill]
    public var completions: [StoredCompletion]
    /// Direct reports' ids.
    public var reports: [String]

    /// The planner's view of the employee.
    public var profile: Profile {
        Profile(
            skills: skills.map { SkillLevel(skill: $0.skill, level: $0.level) }, completed: completions.map(\.course),
            role: employee.role)
    }

    public init(employee: EmployeeRecord, skills: [StoredSkill], completions: [StoredCompletion], reports: [String]) {
        self.employee = employee
        self.skills = skills
        self.completions = completions
        self.reports = reports
    }
}
