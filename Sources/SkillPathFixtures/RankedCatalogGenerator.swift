import SkillPathCore

/// A large catalog built to be *hard* for the planner, in the shape an independent reviewer generated: skills
/// are ranked, and a course's entry requirements are drawn from *anywhere* below its skill's rank, at levels 1–3.
/// Unlike `FlatCatalogGenerator`, every requirement is on a level some course teaches, so nearly every course
/// can be taken from zero skills: a gap skill's closure is long and wide, plans are complete and long, and the
/// search has real choices to make.
///
/// Knobs turn on the other hard shapes: chains (every course of a skill needs the skill before it, so
/// reaching a skill deep in a chain takes fifty courses or more), capped skills (taught only to level 3, while
/// roles ask for 4 and 5), crowded skills (a few skills with many teachers per level), and courses teaching a
/// second skill.
public struct RankedCatalogGenerator: Sendable {
    public var skillCount: Int
    public var courseCount: Int
    public var roleCount: Int
    public var seed: UInt64
    /// The share of skills taught only up to level 3 (their levels 4 and 5 are unteachable).
    public var cappedShare = 0.0
    /// Chains of skills in rank order, every course of a skill needing the skill before it; nil for none.
    public var chainLengths: ClosedRange<Int>?
    /// The share of skills that are "crowded", and the share of the extra courses they get.
    public var crowdedShare = 0.0
    public var crowdedCourseShare = 0.0
    /// The share of courses that teach a second skill besides their own.
    public var secondSkillShare = 0.2
    /// How many requirements on lower-ranked skills a course has, and at which levels.
    public var foreignRequirementChoices = [0, 0, 1, 1, 2]
    public var requirementLevelChoices = [1, 1, 2, 2, 3]

    public init(skills: Int, courses: Int, roles: Int, seed: UInt64 = 42) {
        skillCount = max(skills, 60)
        courseCount = max(courses, skills)
        roleCount = max(roles, 2)
        self.seed = seed
    }

    public func generate() -> CatalogGenerator.Output {
        var random = SeededGenerator(seed: seed)
        let topLevels = (0..<skillCount).map { _ in random.chance(cappedShare) ? 3 : 5 }
        let slots = courseSlots(topLevels: topLevels, random: &random)
        let chainStart = chainStarts(random: &random)
        var taught = [[Int]](repeating: [], count: skillCount)
        for slot in slots where !taught[slot.skill].contains(slot.level) { taught[slot.skill].append(slot.level) }
        let courses = slots.enumerated().map { number, slot in
            makeCourse(number: number, slot: slot, chained: !chainStart[slot.skill], taught: taught, random: &random)
        }
        let roles = makeRoles(random: &random)
        var transitions: [Transition] = []
        for number in 0..<roleCount {
            for kind in [Transition.Kind.promotion, .lateral, .secondment] where random.chance(kind == .secondment ? 0.2 : 0.6) {
                let other = random.int(in: 0...(roleCount - 1))
                if other != number { transitions.append(Transition(from: roles[number].id, to: roles[other].id, kind: kind)) }
            }
        }
        let skills = (0..<skillCount).map { Skill(id: skillID($0), name: "Skill \($0)", category: "rank-\($0 * 10 / skillCount)") }
        return CatalogGenerator.Output(skills: skills, courses: courses, roles: roles, transitions: transitions)
    }

    /// Every skill's top level and level 1 get a course; the rest of the budget goes to random levels, a
    /// `crowdedCourseShare` of it to the crowded skills (the first `crowdedShare` of them, spread over the ranks).
    func courseSlots(topLevels: [Int], random: inout SeededGenerator) -> [(skill: Int, level: Int)] {
        var slots: [(skill: Int, level: Int)] = []
        for skill in 0..<skillCount {
            slots.append((skill, 1))
            slots.append((skill, topLevels[skill]))
        }
        let crowded = (0..<skillCount).filter { _ in random.chance(crowdedShare) }
        while slots.count < courseCount {
            let skill = !crowded.isEmpty && random.chance(crowdedCourseShare) ? random.pick(crowded) : random.int(in: 0...(skillCount - 1))
            slots.append((skill, random.int(in: 1...topLevels[skill])))
        }
        return Array(slots.prefix(courseCount)).sorted { ($0.skill, $0.level) < ($1.skill, $1.level) }
    }

    /// Whether each skill starts a chain (always true without chains).
    func chainStarts(random: inout SeededGenerator) -> [Bool] {
        guard let chainLengths else { return [Bool](repeating: true, count: skillCount) }
        var starts = [Bool](repeating: false, count: skillCount)
        var start = 0
        while start < skillCount {
            starts[start] = true
            start += random.int(in: chainLengths)
        }
        return starts
    }

    func makeCourse(number: Int, slot: (skill: Int, level: Int), chained: Bool, taught: [[Int]], random: inout SeededGenerator) -> Course {
        var requires: [SkillLevel] = []
        // Often the taught level just below (or the highest taught one below, when that level has no course).
        if let below = taught[slot.skill].filter({ $0 < slot.level }).max(), random.chance(0.7) {
            requires.append(SkillLevel(skill: skillID(slot.skill), level: below))
        }
        if chained {
            requires.append(SkillLevel(skill: skillID(slot.skill - 1), level: random.int(in: 1...3)))
        }
        if slot.skill > 0 {
            for _ in 0..<random.pick(foreignRequirementChoices) {
                let other = random.int(in: 0...(slot.skill - 1))
                guard !requires.contains(where: { $0.skill == skillID(other) }) else { continue }
                requires.append(SkillLevel(skill: skillID(other), level: random.pick(requirementLevelChoices)))
            }
        }
        var teaches = [SkillLevel(skill: skillID(slot.skill), level: slot.level)]
        if random.chance(secondSkillShare) {
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

    /// Roles needing 5–12 skills from anywhere, at levels 1–5 (so capped skills leave some of them unmet).
    func makeRoles(random: inout SeededGenerator) -> [Role] {
        (0..<roleCount).map { number in
            var requirements: [RoleRequirement] = []
            for _ in 0..<random.int(in: 5...12) {
                let skill = random.int(in: 0...(skillCount - 1))
                guard !requirements.contains(where: { $0.skill == skillID(skill) }) else { continue }
                requirements.append(RoleRequirement(skill: skillID(skill), level: random.pick([1, 2, 2, 3, 3, 4, 5]),
                                                    importance: random.chance(0.15) ? .optional : .essential))
            }
            return Role(id: "ro-" + padded(number, 5), title: "Role \(number)", grade: "G\(1 + number % 5)", requires: requirements)
        }
    }

    func skillID(_ number: Int) -> String { "sk-" + padded(number, 5) }
}
