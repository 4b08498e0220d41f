/// One step of a model sequence. References to people, assignments and events are indexes resolved when the
/// step runs (modulo what exists by then), so a sequence with steps removed still runs: that is what lets
/// a failing sequence shrink.
public enum ModelOperation: Sendable, Equatable, CustomStringConvertible {
    /// A new report of the sequence's manager, with some rated skills.
    case hire(role: Int, skills: [Rating])
    /// `employees.upsert` with another role: a move recorded by the HRIS.
    case upsertRole(employee: Int, role: Int)
    /// `employees.setSkills` with a source.
    case rate(employee: Int, rating: Rating, source: String)
    case progress(employee: Int, course: Int, completed: Bool, daysAgo: Int, event: Event)
    case xapi(employee: Int, course: Int, verb: String, success: Bool?, daysAgo: Int, statement: Event)
    case assign(employee: Int, role: Target, dueInDays: Int?)
    case cancel(assignment: Int)
    case replan(assignment: Int)
    case preferences(employee: Int, formats: [String], hoursPerWeek: Int?)
    case move(employee: Int, role: Target, daysAgo: Int)
    /// An opening for a role, filled by a report.
    case fill(employee: Int, role: Target)
    case reload
    /// `employees.upsert` with `leftOn` today: the person leaves the sequence's team.
    case leave(employee: Int)

    public struct Rating: Sendable, Equatable {
        public var skill: Int
        public var level: Int

        public init(skill: Int, level: Int) {
            self.skill = skill
            self.level = level
        }
    }

    /// The role an operation names: one of the world's, or the one the person holds (which must be refused
    /// where it makes no sense).
    public enum Target: Sendable, Equatable {
        case role(Int)
        case held
    }

    /// How an event names itself: no id, a new one, a retry of an earlier one (same id, same content), or an
    /// earlier id with other content (a conflict).
    public enum Event: Sendable, Equatable {
        case none
        case fresh
        case retry(Int)
        case reuse(Int)
    }

    public var description: String {
        switch self {
        case .hire(let role, let skills): "hire(role: \(role), skills: \(skills.map { "\($0.skill):\($0.level)" }))"
        case .upsertRole(let employee, let role): "upsertRole(employee: \(employee), role: \(role))"
        case .rate(let employee, let rating, let source): "rate(employee: \(employee), skill: \(rating.skill), level: \(rating.level), source: \(source))"
        case .progress(let employee, let course, let completed, let daysAgo, let event):
            "progress(employee: \(employee), course: \(course), \(completed ? "completed" : "started"), daysAgo: \(daysAgo), event: \(event))"
        case .xapi(let employee, let course, let verb, let success, let daysAgo, let statement):
            "xapi(employee: \(employee), course: \(course), verb: \(verb), success: \(success.map(String.init) ?? "—"), daysAgo: \(daysAgo), statement: \(statement))"
        case .assign(let employee, let role, let due): "assign(employee: \(employee), role: \(role), dueInDays: \(due.map(String.init) ?? "—"))"
        case .cancel(let assignment): "cancel(assignment: \(assignment))"
        case .replan(let assignment): "replan(assignment: \(assignment))"
        case .preferences(let employee, let formats, let hours): "preferences(employee: \(employee), formats: \(formats), hoursPerWeek: \(hours.map(String.init) ?? "—"))"
        case .move(let employee, let role, let daysAgo): "move(employee: \(employee), role: \(role), daysAgo: \(daysAgo))"
        case .fill(let employee, let role): "fill(employee: \(employee), role: \(role))"
        case .reload: "reload"
        case .leave(let employee): "leave(employee: \(employee))"
        }
    }
}
