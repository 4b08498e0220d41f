/// A job the organisation has, with the skill levels it requires.
public struct Role: Sendable, Hashable {
    public var id: String
    public var title: String
    public var family: String?
    public var grade: String?
    public var requires: [RoleRequirement]
    public var source: CatalogLocation

    public init(
        id: String, title: String, family: String? = nil, grade: String? = nil, requires: [RoleRequirement],
        source: CatalogLocation = CatalogLocation(file: "", line: 0)
    ) {
        self.id = id
        self.title = title
        self.family = family
        self.grade = grade
        self.requires = requires
        self.source = source
    }
}

/// One skill a role requires. Essential skills form the gap; optional ones only when a plan asks for them.
public struct RoleRequirement: Sendable, Hashable {
    public var skill: String
    public var level: Int
    public var importance: Importance

    public init(skill: String, level: Int, importance: Importance = .essential) {
        self.skill = skill
        self.level = level
        self.importance = importance
    }

    public enum Importance: String, Sendable, Hashable, CaseIterable {
        case essential
        case optional
    }
}
