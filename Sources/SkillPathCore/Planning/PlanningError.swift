/// A planning request that cannot be answered as asked: an unknown role, a malformed profile, a bad option.
///
/// "This skill cannot be reached" is not an error (it is reported in the plan's `unmet`); these are problems
/// with the question. `field` names the offending input, e.g. `profile.skills[2].level` or `options.formats`.
public struct PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case unknownRole = "unknown-role"
        case unknownSkill = "unknown-skill"
        case unknownCourse = "unknown-course"
        case invalidProfile = "invalid-profile"
        case invalidOption = "invalid-option"
        case noCurrentRole = "no-current-role"
    }

    public var kind: Kind
    public var field: String
    /// The id that was not found, for the unknown-* kinds.
    public var id: String?
    public var message: String

    public init(_ kind: Kind, field: String, id: String? = nil, _ message: String) {
        self.kind = kind
        self.field = field
        self.id = id
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
