import SkillPathCore

/// Small seeded catalogs built to break planners, each structure behind a knob: skills whose top levels no
/// course teaches, courses requiring a level of the very skill they teach, requirements only experience can
/// meet (so what is reachable depends on the profile), many teachers per level, courses teaching several
/// skills, and long chains of skills each needing the one before.
///
/// Small enough for brute force over every subset of courses, so that tests and the quality benchmark can
/// hold each plan against the exact optimum. Every catalog is valid; many of its courses cannot be taken
/// from zero skills.
public enum HostileCatalog {
    public struct Knobs: Sendable {
        public var skills: ClosedRange<Int> = 3...6
        public var courses: ClosedRange<Int> = 6...12
        /// Chance that a skill is taught only up to a level below 5.
        public var unteachableTopLevels = 0.4
        /// Chance that a course requires some level of a skill it teaches (sometimes the same level or above).
        public var selfRequiring = 0.35
        /// Chance that a skill is taught by no course at all: only a profile can hold it.
        public var experienceOnly = 0.25
        /// Teachers per (skill, level) when a level is taught again.
        public var teachersPerLevel: ClosedRange<Int> = 1...3
        /// Chance that a course teaches a second skill.
        public var multiSkill = 0.3
        /// Skills 0..<chainDepth form a chain: each course of skill k needs skill k − 1.
        public var chainDepth = 0
        /// Chance that a course must come after an earlier one.
        public var after = 0.1

        public init() {}

        /// The knobs for seed `seed`: each structure turned up or down, some to extremes.
        public static func varied(seed: UInt64) -> Knobs {
            var random = SeededGenerator(seed: seed &* 7919)
            var knobs = Knobs()
            knobs.unteachableTopLevels = random.pick([0, 0.4, 0.9])
            knobs.selfRequiring = random.pick([0, 0.35, 0.8])
            knobs.experienceOnly = random.pick([0, 0.25, 0.5])
            knobs.teachersPerLevel = random.pick([1...1, 1...3, 3...5])
            knobs.multiSkill = random.pick([0, 0.3, 0.7])
            knobs.chainDepth = random.pick([0, 0, 3, 5])
            knobs.after = random.pick([0, 0.1, 0.3])
            if knobs.chainDepth > 0 { knobs.skills = max(3, knobs.chainDepth)...max(6, knobs.chainDepth + 1) }
            return knobs
        }
    }

    public static func make(seed: UInt64, knobs: Knobs) -> RandomCatalog.Case {
        var random = SeededGenerator(seed: seed)
        let skillCount = random.int(in: knobs.skills)
        let skills = (0..<skillCount).map { Skill(id: "s\($0)", name: "Skill \($0)") }
        let taught = (0..<skillCount).map { skill in skill < knobs.chainDepth || !random.chance(knobs.experienceOnly) }
        let topLevel = (0..<skillCount).map { _ in random.chance(knobs.unteachableTopLevels) ? random.int(in: 1...4) : 5 }
        let teachable = (0..<skillCount).filter { taught[$0] }

        var courses: [Course] = []
        let courseCount = teachable.isEmpty ? 0 : random.int(in: knobs.courses)
        while courses.count < courseCount {
            let skill = random.pick(teachable)
            let level = random.int(in: 1...topLevel[skill])
            for _ in 0..<random.int(in: knobs.teachersPerLevel) where courses.count < courseCount {
                courses.append(course(number: courses.count, skill: skill, level: level, skillCount: skillCount, taught: taught,
                                      topLevel: topLevel, knobs: knobs, random: &random))
            }
        }
        let requirements = (0..<random.int(in: 1...4)).map { _ in
            RoleRequirement(skill: "s\(random.int(in: 0...(skillCount - 1)))", level: random.int(in: 1...5),
                            importance: random.chance(0.15) ? .optional : .essential)
        }
        var unique: [RoleRequirement] = []
        for requirement in requirements where !unique.contains(where: { $0.skill == requirement.skill }) { unique.append(requirement) }
        let roles = [
            Role(id: "target", title: "Target", requires: unique),
            Role(id: "current", title: "Current", requires: [RoleRequirement(skill: "s0", level: random.int(in: 1...3))]),
        ]
        // Valid by construction; a rejection here is a bug in this generator, worth failing loudly in tests.
        let catalog: Catalog
        do {
            catalog = try Catalog(skills: skills, courses: courses, roles: roles)
        } catch {
            preconditionFailure("HostileCatalog made an invalid catalog for seed \(seed): \(error.errors)")
        }

        var profileSkills: [SkillLevel] = []
        for skill in skills where random.chance(0.45) {
            profileSkills.append(SkillLevel(skill: skill.id, level: random.int(in: 1...3)))
        }
        let completed = random.chance(0.2) && !courses.isEmpty ? [random.pick(courses).id] : []
        var options = PlanOptions()
        options.objective = random.chance(0.5) ? .hours : .cost
        options.includeOptional = random.chance(0.3)
        options.keepCurrentRole = random.chance(0.2)
        if random.chance(0.15), !courses.isEmpty { options.exclude = [random.pick(courses).id] }
        if random.chance(0.1), courses.contains(where: { $0.format != "reading" }) { options.formats = ["video", "hands-on"] }
        return RandomCatalog.Case(catalog: catalog, profile: Profile(skills: profileSkills, completed: completed, role: "current"), target: "target", options: options)
    }

    static func course(
        number: Int, skill: Int, level: Int, skillCount: Int, taught: [Bool], topLevel: [Int], knobs: Knobs, random: inout SeededGenerator
    ) -> Course {
        var teaches = [SkillLevel(skill: "s\(skill)", level: level)]
        var requires: [SkillLevel] = []
        if random.chance(knobs.selfRequiring) {
            // Mostly a lower level; sometimes the level itself or above (a course that adds nothing for it).
            requires.append(SkillLevel(skill: "s\(skill)", level: random.chance(0.8) && level > 1 ? random.int(in: 1...(level - 1)) : random.int(in: level...5)))
        }
        if skill > 0 && skill < knobs.chainDepth {
            requires.append(SkillLevel(skill: "s\(skill - 1)", level: random.int(in: 1...min(3, topLevel[skill - 1]))))
        }
        for _ in 0..<random.pick([0, 0, 1, 1, 2]) {
            let other = random.int(in: 0...(skillCount - 1))
            guard !requires.contains(where: { $0.skill == "s\(other)" }), other != skill else { continue }
            requires.append(SkillLevel(skill: "s\(other)", level: random.int(in: 1...3)))
        }
        if random.chance(knobs.multiSkill) {
            let other = random.int(in: 0...(skillCount - 1))
            if other != skill, taught[other], !requires.contains(where: { $0.skill == "s\(other)" }) {
                teaches.append(SkillLevel(skill: "s\(other)", level: random.int(in: 1...topLevel[other])))
            }
        }
        let after = number > 0 && random.chance(knobs.after) ? [RandomCatalog.courseID(random.int(in: 0...(number - 1)))] : []
        return Course(
            id: RandomCatalog.courseID(number), title: "Course \(number)", provider: random.pick(["acme", "globex", nil]),
            format: random.pick(["video", "reading", "hands-on"]), hours: Quantity(random.int(in: 1...12)),
            cost: random.chance(0.3) ? .zero : Quantity(random.int(in: 1...20) * 25), language: random.pick(["en", "en", "de"]),
            teaches: teaches, requires: requires, after: after)
    }
}
