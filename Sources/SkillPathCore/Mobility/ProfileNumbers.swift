/// A profile with its skills and courses resolved to the catalog's numbers once: ranking one person for
/// several roles (their wishes in the aspiration picture) would otherwise look every skill id up again for
/// each role, and on a catalog whose ids are long (ESCO's URIs) those lookups were a tenth of the picture.
public struct ProfileNumbers: Sendable {
    /// Levels above 0 as `RelevantState.entry(skill:level:)`; skills the catalog does not know are skipped.
    let skills: [UInt64]
    /// Completed courses the catalog knows.
    let done: [Int32]

    /// Nil for a profile the planner would refuse (a level outside 0–5), which rankings leave out.
    public init?(_ profile: Profile, catalog: Catalog) {
        let index = catalog.index
        var skills: [UInt64] = []
        skills.reserveCapacity(profile.skills.count)
        for entry in profile.skills {
            guard SkillLevel.profileLevels.contains(entry.level) else { return nil }
            guard entry.level > 0, let skill = index.skillNumbers[entry.skill] else { continue }
            skills.append(RelevantState.entry(skill: skill, level: UInt8(entry.level)))
        }
        self.skills = skills
        done = profile.completed.compactMap { index.courseNumbers[$0] }
    }
}
