/// What an employee brings to a plan: skill levels (absent skills are 0), courses already completed, and
/// optionally the role they hold now (needed for `keepCurrentRole` and for routes).
public struct Profile: Sendable, Equatable {
    public var skills: [SkillLevel]
    public var completed: [String]
    public var role: String?

    public init(skills: [SkillLevel] = [], completed: [String] = [], role: String? = nil) {
        self.skills = skills
        self.completed = completed
        self.role = role
    }
}
