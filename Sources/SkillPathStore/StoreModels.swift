public import SkillPathCore

/// Where a skill level came from.
/// Where a stored skill level comes from: self, manager, assessment, course or import (`SkillPolicy` says
/// what each counts for and which may lower a level another set).
public typealias SkillSource = SkillPolicy.Source

/// A change to an optional field: leave it as stored, or set it (nil clears it).
public enum FieldUpdate<Value: Sendable & Equatable>: Sendable, Equatable {
    case keep
    case set(Value?)

    func applied(to current: Value?) -> Value? {
        switch self {
        case .keep: current
        case .set(let value): value
        }
    }
}

/// One employee as an HRIS export or an `employees.upsert` call gives it.
///
/// Fields left out are kept as stored, so a partial row (say, only `skills`) updates an existing employee;
/// `name` and `role` are required only to insert a new one.
public struct EmployeeInput: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var role: String?
    public var login: FieldUpdate<String>
    public var email: FieldUpdate<String>
    public var manager: FieldUpdate<String>
    /// nil leaves stored skills alone; given skills are set (others are kept).
    public var skills: [SkillLevel]?
    /// Courses to record as completed (never removes any).
    public var completed: [String]?
    /// When `role` changes: the day the new role took effect (default today), and the kind of move when no
    /// catalog transition says (default lateral). Ignored when the role does not change, so re-sending the
    /// same rows stays idempotent.
    public var roleSince: CalendarDate?
    public var moveKind: Transition.Kind?
    /// The day the employee left the organisation (null clears it).
    public var leftOn: FieldUpdate<CalendarDate>
    /// Changes to their learner preferences (nil: none).
    public var preferences: PreferencesUpdate?

    public init(id: String, name: String?, login: FieldUpdate<String> = .keep, email: FieldUpdate<String> = .keep, role: String?,
                manager: FieldUpdate<String> = .keep, skills: [SkillLevel]? = nil, completed: [String]? = nil,
                roleSince: CalendarDate? = nil, moveKind: Transition.Kind? = nil, leftOn: FieldUpdate<CalendarDate> = .keep,
                preferences: PreferencesUpdate? = nil) {
        self.preferences = preferences
        self.roleSince = roleSince
        self.moveKind = moveKind
        self.leftOn = leftOn
        self.id = id
        self.name = name
        self.login = login
        self.email = email
        self.role = role
        self.manager = manager
        self.skills = skills
        self.completed = completed
    }
}

/// A row of an upsert batch that was not applied, and why.
public struct UpsertRejection: Sendable, Equatable {
    /// 0-based position in the batch.
    public var index: Int
    public var id: String?
    /// The field at fault, e.g. `role`, `manager` or `skills[2].skill`.
    public var field: String
    public var reason: String

    public init(index: Int, id: String?, field: String, reason: String) {
        self.index = index
        self.id = id
        self.field = field
        self.reason = reason
    }
}

public struct UpsertReport: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: [UpsertRejection] = []
    /// The skill levels of the batch, one per (employee, skill): set, already so, or kept (see `KeptLevel`).
    public var levelsSet = 0
    public var levelsUnchanged = 0
    public var kept: [KeptLevel] = []

    public init() {}
}

/// A level the batch gave lower than the stored one, left as stored because the stored evidence outranks
/// the batch's (a course completion or an assessment against an import, say): `overwrite` would lower it.
public struct KeptLevel: Sendable, Equatable {
    /// 0-based position of the employee's row in the batch, and of the skill in its `skills`.
    public var index: Int
    public var skillIndex: Int
    public var id: String
    public var skill: String
    public var given: Int
    public var stored: StoredSkill
}

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
}

public struct StoredSkill: Sendable, Equatable {
    public var skill: String
    public var level: Int
    public var source: SkillSource
    public var setAt: String

    public init(skill: String, level: Int, source: SkillSource, setAt: String) {
        self.skill = skill
        self.level = level
        self.source = source
        self.setAt = setAt
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
}
