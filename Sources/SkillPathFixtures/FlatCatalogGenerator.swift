import SkillPathCore

/// A large catalog with no domains: every course's entry requirements are drawn uniformly from *all*
/// lower-ranked skills, so the prerequisites of any skill reach across most of the catalog.
///
/// This is the structure that broke the first planner: the ancestors of a gap skill cover nearly the whole
/// catalog, while most of those courses cannot be taken starting from zero (their requirements ask for
/// levels that no takeable course teaches). Some skills are never taught above a low level, some
/// requirements are on skills nobody teaches (only experience meets them), and courses often require a lower
/// level of the skill they teach. Every catalog it makes is valid (no cycles, no unknown references); many
/// of its courses are "takeable only with experience" warnings. The knobs below turn each of these up or down.
public struct FlatCatalogGenerator: Sendable {
    public var skillCount: Int
    public var courseCount: Int
    public var roleCount: Int
    public var seed: UInt64
    /// Knobs, with the benchmark's defaults: the share of skills no course teaches, the highest levels
    /// skills are taught to (picked uniformly from the list), how many requirements on lower-ranked skills a
    /// course has, and at which levels.
    public var untaughtShare = 0.05
    public var topLevelChoices = [1, 2, 2, 3, 3, 3, 4, 4, 5, 5]
    public var foreignRequirementChoices = [0, 1, 1, 2, 2, 3]
    public var requirementLevelChoices = [1, 1, 2, 2, 3]

    public init(skills: Int, courses: Int, roles: Int, seed: UInt64 = 42) {
        skillCount = max(skills, 20)
        courseCount = max(courses, skills)
        roleCount = max(roles, 2)
        self.seed = seed
    }

    public func generate() -> CatalogGenerator.Output {
        var random = SeededGenerator(seed: seed)
        let topLevels = (0..<skillCount).map { _ -> Int in
            random.chance(untaughtShare) ? 0 : random.pick(topLevelChoices)
        }
        let taught = (0..<skillCount).filter { topLevels[$0] > 0 }
        var slots: [(skill: Int, level: Int)] = []
        for skill in taught { for level in 1...topLevels[skill] { slots.append((skill, level)) } }
        // Every taught level has a course; the rest are extra teachers of random levels.
        while slots.count < courseCount {
            let skill = random.pick(taught)
            slots.append((skill, random.int(in: 1...topLevels[skill])))
        }
        slots = Array(slots.prefix(courseCount))

        let courses = slots.enumerated().map { number, slot in
            var requires: [SkillLevel] = []
            if slot.level > 1 && random.chance(0.8) {
                requires.append(SkillLevel(skill: skillID(slot.skill), level: slot.level - 1))
            }
            if slot.skill > 0 {
                for _ in 0..<random.pick(foreignRequirementChoices) {
                    let other = random.int(in: 0...(slot.skill - 1))
                    guard !requires.contains(where: { $0.skill == skillID(other) }) else { continue }
                    requires.append(SkillLevel(skill: skillID(other), level: random.pick(requirementLevelChoices)))
                }
            }
            var teaches = [SkillLevel(skill: skillID(slot.skill), level: slot.level)]
            if random.chance(0.25) {
                let other = random.int(in: 0...(skillCount - 1))
                if other != slot.skill && !requires.contains(where: { $0.skill == skillID(other) }) {
                    teaches.append(SkillLevel(skill: skillID(other), level: random.int(in: 1...min(slot.level, 3))))
                }
            }
            return Course(
                id: "co-" + padded(number, 6), title: "Course \(number)", provider: random.pick(CatalogGenerator.providers),
                format: random.pick(CatalogGenerator.formats), hours: Quantity(max(1, slot.level * 5 + random.int(in: -4...8))),
                cost: random.chance(0.3) ? .zero : Quantity(random.int(in: 1...60) * 25), language: random.pick(CatalogGenerator.languages),
                teaches: teaches, requires: requires)
        }

        let roles = (0..<roleCount).map { number in
            var requirements: [RoleRequirement] = []
            for _ in 0..<random.int(in: 5...12) {
                let skill = random.int(in: 0...(skillCount - 1))
                guard !requirements.contains(where: { $0.skill == skillID(skill) }) else { continue }
                let level = random.chance(0.9) ? random.int(in: 1...max(1, min(2, topLevels[skill]))) : random.int(in: 1...5)
                requirements.append(RoleRequirement(skill: skillID(skill), level: level, importance: random.chance(0.15) ? .optional : .essential))
            }
            return Role(id: "ro-" + padded(number, 5), title: "Role \(number)", grade: "G\(1 + number % 5)", requires: requirements)
        }
        var transitions: [Transition] = []
        for number in 0..<roleCount {
            for kind in [Transition.Kind.promotion, .lateral] where random.chance(0.6) {
                let other = random.int(in: 0...(roleCount - 1))
                if other != number { transitions.append(Transition(from: roles[number].id, to: roles[other].id, kind: kind)) }
            }
        }
        return CatalogGenerator.Output(skills: skills(), courses: courses, roles: roles, transitions: transitions)
    }

    func skills() -> [Skill] {
        (0..<skillCount).map { Skill(id: skillID($0), name: "Skill \($0)", category: "rank-\($0 * 10 / skillCount)") }
    }

    func skillID(_ number: Int) -> String { "sk-" + padded(number, 5) }
}
