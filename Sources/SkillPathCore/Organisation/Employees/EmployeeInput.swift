/// A change to an optional field: leave it as stored, or set it (nil clears it).
public enum FieldUpdate<Value: Sendable & Equatable>: Sendable, Equatable {
    case keep
    case set(Value?)

    public func applied(to current: Value?) -> Value? {
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
    /// Changes to their career aspirations (nil: none).
    public var aspirations: AspirationsUpdate?

    public init(id: String, name: String?, login: FieldUpdate<String> = .keep, email: FieldUpdate<String> = .keep, role: String?,
                manager: FieldUpdate<String> = .keep, skills: [SkillLevel]? = nil, completed: [String]? = nil,
                roleSince: CalendarDate? = nil, moveKind: Transition.Kind? = nil, leftOn: FieldUpdate<CalendarDate> = .keep,
                preferences: PreferencesUpdate? = nil, aspirations: AspirationsUpdate? = nil) {
        self.preferences = preferences
        self.aspirations = aspirations
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
