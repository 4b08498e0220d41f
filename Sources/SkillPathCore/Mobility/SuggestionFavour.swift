/// What a person said they want (`Aspirations`), as `suggestRoles` uses it: wanted roles are listed first, in
/// the person's order, and roles that raise a wanted skill come before every other role, each group keeping
/// its own order (relatedness or hours). Nothing is left out for not being wanted.
public struct SuggestionFavour: Sendable, Equatable {
    /// Role ids, most wanted first.
    public var roles: [String]
    /// Skill ids the person wants to grow.
    public var skills: [String]

    public init(roles: [String] = [], skills: [String] = []) {
        self.roles = roles
        self.skills = skills
    }

    public init(_ aspirations: Aspirations) {
        self.init(roles: aspirations.roles, skills: aspirations.skills)
    }
}

/// A favour resolved against one catalog and one person.
struct ResolvedFavour {
    /// Wanted roles in the catalog but the current one, most wanted first, each with its 1-based choice.
    var wanted: [(role: Int32, choice: Int)]
    /// The wanted skills, by number.
    var skills: [Int32]

    init(_ favour: SuggestionFavour, index: CatalogIndex, current: Int32?) {
        wanted = favour.roles.enumerated().compactMap { position, id in
            guard let role = index.roleNumbers[id], role != current else { return nil }
            return (role, position + 1)
        }
        skills = favour.skills.compactMap { index.skillNumbers[$0] }
    }

    /// The wanted skills `role` requires above the level the person holds, in the person's order.
    func grown(by role: Int32, index: CatalogIndex, level: (Int32) -> UInt8) -> [Int32] {
        guard !skills.isEmpty else { return [] }
        let requirements = index.roleRequirements[role]
        return skills.filter { skill in requirements.contains { $0.skill == skill && $0.level > level(skill) } }
    }
}
