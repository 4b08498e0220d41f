/// A profile with its skills and courses resolved to the catalog's numbers once: ranking one person for
/// several roles (their wishes in the aspiration picture) would otherwise look every skill id up again for
/// each role, and on a catalog whose ids are long (ESCO's URIs) those lookups were a tenth of the picture.
public struct ProfileNumbers: Sendable, Equatable {
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

    /// From skills whose ids a reader has already resolved (`skillNumbering`), in the profile's order: a scan
    /// of many people meets each skill id thousands of times, and looks each up once instead.
    public init?(resolved skills: [(number: Int32?, level: Int)], completed: [String], catalog: Catalog) {
        var entries: [UInt64] = []
        entries.reserveCapacity(skills.count)
        for (number, level) in skills {
            guard SkillLevel.profileLevels.contains(level) else { return nil }
            guard level > 0, let number else { continue }
            entries.append(RelevantState.entry(skill: number, level: UInt8(level)))
        }
        self.skills = entries
        done = completed.compactMap { catalog.index.courseNumbers[$0] }
    }

    /// From levels already counted and numbered (`held`: each skill the catalog knows once, a level of 0
    /// included for evidence that counts for nothing) and completed courses by number. A completion is left
    /// out when a skill it teaches is held at less than it taught: `SkillEvidence.completions`' rule, on
    /// numbers. Nil for a level outside 0–5, in `held` or found by the caller (`refused`: on a skill the
    /// catalog does not know, which `held` leaves out).
    public init?(held: [(skill: Int32, level: Int)], completed: [Int32], refused: Bool = false, catalog: Catalog) {
        guard !refused else { return nil }
        let index = catalog.index
        var entries: [UInt64] = []
        entries.reserveCapacity(held.count)
        for (skill, level) in held {
            guard SkillLevel.profileLevels.contains(level) else { return nil }
            if level > 0 { entries.append(RelevantState.entry(skill: skill, level: UInt8(level))) }
        }
        skills = entries
        done = completed.filter { course in
            !index.teaches[course].contains { taught in
                held.first { $0.skill == taught.skill }.map { $0.level < Int(taught.level) } ?? false
            }
        }
    }

    /// A skill id's number in `catalog` (nil for an id it does not know), for `init(resolved:completed:catalog:)`.
    public static func skillNumbering(_ catalog: Catalog) -> @Sendable (String) -> Int32? {
        let index = catalog.index
        return { index.skillNumbers[$0] }
    }

    /// A course id's number in `catalog` (nil for an id it does not know), for `init(held:completed:catalog:)`.
    public static func courseNumbering(_ catalog: Catalog) -> @Sendable (String) -> Int32? {
        let index = catalog.index
        return { index.courseNumbers[$0] }
    }
}
