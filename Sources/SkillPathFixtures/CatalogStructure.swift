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

    public func generate(skills: Int, courses: Int, roles: Int, seed: UInt64) -> CatalogGenerator.Output {
        switch self {
        case .domain: CatalogGenerator(skills: skills, courses: courses, roles: roles, seed: seed).generate()
        case .flat: FlatCatalogGenerator(skills: skills, courses: courses, roles: roles, seed: seed).generate()
        case .deep: DeepCatalogGenerator(skills: skills, courses: courses, roles: roles, seed: seed).generate()
        }
    }
}
