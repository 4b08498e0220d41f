/// What an employee wants from their career, in their own words: the roles they would like next (most wanted
/// first), the skills they want to grow, the kinds of move they are open to, and whether they are looking at
/// all. The employee writes it; their managers, services and administrators read it (docs/access.md).
///
/// It steers, never hides: `roles.suggest` lists wanted roles first and roles that grow wanted skills next,
/// saying so; `candidates.rank` marks who wants the role. A wanted role the person has since moved into is
/// reached, not wanted (`wanted(currentRole:)`), so a promotion never leaves a stale wish behind.
public struct Aspirations: Sendable, Equatable {
    /// Role ids, most wanted first.
    public var roles: [String]
    /// Skill ids.
    public var skills: [String]
    /// The kinds of move the person is open to, in `Move.allCases` order; empty: not said.
    public var openTo: [Move]
    /// "Not looking": they want to stay where they are for now (their wishes are kept for later).
    public var notLooking: Bool

    /// The kinds of move a person can be open to: the catalog's transitions, and project gigs.
    public enum Move: String, Sendable, Hashable, CaseIterable {
        case promotion
        case lateral
        case secondment
        case project
    }

    public static let maximumRoles = 5
    public static let maximumSkills = 10

    public init(roles: [String] = [], skills: [String] = [], openTo: [Move] = [], notLooking: Bool = false) {
        self.roles = roles
        self.skills = skills
        self.openTo = openTo
        self.notLooking = notLooking
    }

    public var isEmpty: Bool { roles.isEmpty && skills.isEmpty && openTo.isEmpty && !notLooking }

    /// The wanted roles but the one the person now holds.
    public func wanted(currentRole: String?) -> [String] {
        roles.filter { $0 != currentRole }
    }

    /// The 1-based choice `role` is, or nil when it is not wanted.
    public func choice(of role: String) -> Int? {
        roles.firstIndex(of: role).map { $0 + 1 }
    }
}

/// A change to aspirations: a field given replaces the stored one (an empty list clears it), a field left
/// out keeps it.
public struct AspirationsUpdate: Sendable, Equatable {
    public var roles: [String]?
    public var skills: [String]?
    public var openTo: [Aspirations.Move]?
    public var notLooking: Bool?

    public init(roles: [String]? = nil, skills: [String]? = nil, openTo: [Aspirations.Move]? = nil, notLooking: Bool? = nil) {
        self.roles = roles
        self.skills = skills
        self.openTo = openTo
        self.notLooking = notLooking
    }

    public var isEmpty: Bool { roles == nil && skills == nil && openTo == nil && notLooking == nil }

    public func applied(to base: Aspirations) -> Aspirations {
        var result = base
        if let roles { result.roles = roles }
        if let skills { result.skills = skills }
        if let openTo { result.openTo = Aspirations.Move.allCases.filter(openTo.contains) }
        if let notLooking { result.notLooking = notLooking }
        return result
    }

    /// Every role and skill named must be in the catalog; the first that is not is the error, by its field.
    public func check(against catalog: Catalog) throws(DomainError) {
        let index = catalog.index
        for (position, role) in (roles ?? []).enumerated() where index.roleNumbers[role] == nil {
            throw DomainError.unknownRole(role, field: "roles[\(position)]")
        }
        for (position, skill) in (skills ?? []).enumerated() where index.skillNumbers[skill] == nil {
            throw DomainError.unknownSkill(skill, field: "skills[\(position)]", suggestion: nil)
        }
    }
}

/// An employee's aspirations as stored, with when they were last set (nil: never).
public struct StoredAspirations: Sendable, Equatable {
    public var aspirations: Aspirations
    public var setAt: String?

    public init(aspirations: Aspirations = Aspirations(), setAt: String? = nil) {
        self.aspirations = aspirations
        self.setAt = setAt
    }
}
