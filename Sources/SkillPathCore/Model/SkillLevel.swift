/// A skill at a proficiency level: what a course teaches or requires, or what an employee has.
///
/// Levels run from 1 (awareness) to 5 (expert); 0 means the skill is absent and never appears in a catalog.
public struct SkillLevel: Sendable, Hashable {
    public var skill: String
    public var level: Int

    public init(skill: String, level: Int) {
        self.skill = skill
        self.level = level
    }

    /// The valid range of a level in a catalog or a requirement.
    public static let catalogLevels = 1...5
    /// The valid range of a level an employee may have: 0 is "absent".
    public static let profileLevels = 0...5
}
