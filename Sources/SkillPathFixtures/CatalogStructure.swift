import SkillPathCore

/// The structurally different large catalogs the benchmarks and scale tests run on. A speed or quality
/// figure counts only when it holds on every one of them (docs/benchmarks.md).
public enum CatalogStructure: String, Sendable, CaseIterable {
    /// Domains of 100 skills in tiers; requirements stay inside a domain (`CatalogGenerator`).
    case domain
    /// Requirements drawn from all lower-ranked skills; most courses untakeable from zero (`FlatCatalogGenerator`).
    case flat
    /// Tracks of 30–60 skills, each needing the one before (`DeepCatalogGenerator`).
    case deep
    /// Requirements from anywhere below at levels 1–3, every requirement teachable, 20% of courses teaching
    /// two skills (`RankedCatalogGenerator`): long, wide closures and complete plans.
    case ranked
    /// `ranked` with 15% of skills taught only to level 3, while roles ask for up to 5.
    case capped
    /// `capped` with chains of 50–120 skills, every course needing the skill before it in its chain, and no
    /// other requirement; 20% of courses still teach a second skill from anywhere.
    case chained
    /// `ranked` with 3% of skills taking 60% of the extra courses: many teachers per level.
    case crowded

    public func generate(skills: Int, courses: Int, roles: Int, seed: UInt64) -> CatalogGenerator.Output {
        switch self {
        case .domain: CatalogGenerator(skills: skills, courses: courses, roles: roles, seed: seed).generate()
        case .flat: FlatCatalogGenerator(skills: skills, courses: courses, roles: roles, seed: seed).generate()
        case .deep: DeepCatalogGenerator(skills: skills, courses: courses, roles: roles, seed: seed).generate()
        case .ranked, .capped, .chained, .crowded: ranked(skills: skills, courses: courses, roles: roles, seed: seed).generate()
        }
    }

    func ranked(skills: Int, courses: Int, roles: Int, seed: UInt64) -> RankedCatalogGenerator {
        var generator = RankedCatalogGenerator(skills: skills, courses: courses, roles: roles, seed: seed)
        if self == .capped || self == .chained { generator.cappedShare = 0.15 }
        if self == .chained {
            // Chains and requirements from anywhere do not mix: each such requirement brings a whole chain
            // along, and each of those theirs, so plans ran to 1,634 courses on average (docs/benchmarks.md).
            generator.chainLengths = 50...120
            generator.foreignRequirementChoices = [0]
        }
        if self == .crowded {
            generator.crowdedShare = 0.03
            generator.crowdedCourseShare = 0.6
        }
        return generator
    }
}
