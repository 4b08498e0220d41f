/// A job the organisation has, with the skill levels it requires.
public struct Role: Sendable, Hashable {
    public var id: String
    public var title: String
    public var family: String?
    public var grade: String?
    /// What the role does, in the catalog's words (O*NET's and ESCO's occupation descriptions). Shown to
    /// people, and read with the title to tell how alike two roles are (`RoleWording`).
    public var description: String?
    public var requires: [RoleRequirement]
    /// How much each skill matters to the role on its source's own scale (O*NET's importance, 1–5), for the
    /// skills the source rates, required or not. Used only to tell how alike roles are (`RoleRelatedness`);
    /// empty when the source gives none, and relatedness then weighs the requirements.
    public var weights: [SkillWeight]
    /// A role the organisation cannot leave empty: its succession bench is watched (`reports.succession`).
    /// The catalog says so (`critical: true`); an administrator may say otherwise (`roles.setCritical`).
    public var critical: Bool
    public var source: CatalogLocation

    public init(
        id: String, title: String, family: String? = nil, grade: String? = nil, description: String? = nil, requires: [RoleRequirement],
        weights: [SkillWeight] = [], critical: Bool = false, source: CatalogLocation = CatalogLocation(file: "", line: 0)
    ) {
        self.critical = critical
        self.id = id
        self.title = title
        self.family = family
        self.grade = grade
        self.description = description
        self.requires = requires
        self.weights = weights
        self.source = source
    }
}

/// A skill's weight for a role, as its source rates it (see `Role.weights`).
public struct SkillWeight: Sendable, Hashable {
    public var skill: String
    public var weight: Quantity

    public init(skill: String, weight: Quantity) {
        self.skill = skill
        self.weight = weight
    }

    /// No source rates a skill higher: O*NET's importance is 1–5, a percentage 100.
    public static let maximum = Quantity(1_000)
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
