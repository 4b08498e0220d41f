import SkillPathCore

/// A large catalog of long prerequisite chains: skills form tracks of 30 to 60, and every course of a skill
/// needs the skill before it in its track, so reaching the end of a track from nothing takes thirty courses
/// or more. Roles sit at a depth of a track; promotions go deeper into it, lateral moves to another track.
///
/// It stresses what the other structures do not: plans of dozens of steps, relevance walks that go deep
/// rather than wide, and searches where every choice constrains the next.
public struct DeepCatalogGenerator: Sendable {
    public var skillCount: Int
    public var courseCount: Int
    public var roleCount: Int
    public var seed: UInt64

    public init(skills: Int, courses: Int, roles: Int, seed: UInt64 = 42) {
        skillCount = max(skills, 60)
        courseCount = max(courses, skills)
        roleCount = max(roles, 2)
        self.seed = seed
    }

    public func generate() -> CatalogGenerator.Output {
        var random = SeededGenerator(seed: seed)
        let tracks = Tracks(skillCount: skillCount, random: &random)
        let topLevels = (0..<skillCount).map { _ in random.int(in: 2...5) }
        let courses = makeCourses(tracks, topLevels: topLevels, random: &random)
        let (roles, placement) = makeRoles(tracks, topLevels: topLevels, random: &random)
        let transitions = makeTransitions(roles, placement: placement, trackCount: tracks.starts.count, random: &random)
        let skills = (0..<skillCount).map { Skill(id: skillID($0), name: "Skill \($0)", category: "track-\(tracks.trackOf[$0])") }
        return CatalogGenerator.Output(skills: skills, courses: courses, roles: roles, transitions: transitions)
    }

    /// Tracks of consecutive skill numbers, 30 to 60 long: each skill's track and its position in it.
    struct Tracks {
        var position: [Int]
        var trackOf: [Int]
        var starts: [Int] = []

        init(skillCount: Int, random: inout SeededGenerator) {
            position = [Int](repeating: 0, count: skillCount)
            trackOf = [Int](repeating: 0, count: skillCount)
            var start = 0
            while start < skillCount {
                let length = min(random.int(in: 30...60), skillCount - start)
                starts.append(start)
                for offset in 0..<length {
                    position[start + offset] = offset
                    trackOf[start + offset] = starts.count - 1
                }
                start += length
            }
        }
    }

    /// A course per level of each skill (the chain kept whole), and extra teachers up to `courseCount`;
    /// each needs the skill before it in its track, often the level below, sometimes a track's first skills.
    func makeCourses(_ tracks: Tracks, topLevels: [Int], random: inout SeededGenerator) -> [Course] {
        var slots: [(skill: Int, level: Int)] = []
        for skill in 0..<skillCount { for level in 1...topLevels[skill] { slots.append((skill, level)) } }
        while slots.count < courseCount {
            let skill = random.int(in: 0...(skillCount - 1))
            slots.append((skill, random.int(in: 1...topLevels[skill])))
        }
        // Keep the chain whole: drop extra teachers first when there are more slots than courses.
        slots = Array(slots.prefix(courseCount)).sorted { ($0.skill, $0.level) < ($1.skill, $1.level) }
        return slots.enumerated().map { number, slot in
            var requires: [SkillLevel] = []
            if slot.level > 1 && random.chance(0.7) {
                requires.append(SkillLevel(skill: skillID(slot.skill), level: slot.level - 1))
            }
            if tracks.position[slot.skill] > 0 {
                let previous = slot.skill - 1
                requires.append(SkillLevel(skill: skillID(previous), level: min(topLevels[previous], random.int(in: 1...min(3, slot.level + 1)))))
            }
            let track = random.pick(tracks.starts)
            if random.chance(0.1), track + 5 < slot.skill {
                let other = track + random.int(in: 0...4)
                if !requires.contains(where: { $0.skill == skillID(other) }) {
                    requires.append(SkillLevel(skill: skillID(other), level: 1))
                }
            }
            return Course(
                id: "co-" + padded(number, 6), title: "Course \(number)", provider: random.pick(CatalogGenerator.providers),
                format: random.pick(CatalogGenerator.formats), hours: Quantity(max(1, slot.level * 3 + random.int(in: -2...6))),
                cost: random.chance(0.3) ? .zero : Quantity(random.int(in: 1...40) * 25), language: random.pick(CatalogGenerator.languages),
                teaches: [SkillLevel(skill: skillID(slot.skill), level: slot.level)], requires: requires)
        }
    }

    /// Roles at a depth of a track, requiring that skill and a few before it; returns each role's track and depth.
    func makeRoles(_ tracks: Tracks, topLevels: [Int], random: inout SeededGenerator) -> ([Role], [(track: Int, depth: Int)]) {
        var placement: [(track: Int, depth: Int)] = []
        let roles = (0..<roleCount).map { number in
            let track = random.int(in: 0...(tracks.starts.count - 1))
            let first = tracks.starts[track]
            let length = (track + 1 < tracks.starts.count ? tracks.starts[track + 1] : skillCount) - first
            let depth = random.int(in: 0...(length - 1))
            placement.append((track, depth))
            var requirements = [RoleRequirement(skill: skillID(first + depth), level: min(topLevels[first + depth], random.int(in: 2...4)))]
            for _ in 0..<random.int(in: 3...7) {
                let skill = first + random.int(in: 0...depth)
                guard !requirements.contains(where: { $0.skill == skillID(skill) }) else { continue }
                requirements.append(RoleRequirement(skill: skillID(skill), level: min(topLevels[skill], random.int(in: 1...4))))
            }
            return Role(id: "ro-" + padded(number, 5), title: "Role \(number)", family: "track-\(track)", grade: "D\(depth)", requires: requirements)
        }
        return (roles, placement)
    }

    /// Promotions deeper into a role's track, lateral moves (and some secondments) to another track.
    func makeTransitions(_ roles: [Role], placement: [(track: Int, depth: Int)], trackCount: Int, random: inout SeededGenerator) -> [Transition] {
        var rolesOfTrack = [[Int]](repeating: [], count: trackCount)
        for number in 0..<roleCount { rolesOfTrack[placement[number].track].append(number) }
        var transitions: [Transition] = []
        for number in 0..<roleCount {
            let deeper = rolesOfTrack[placement[number].track].filter { placement[$0].depth > placement[number].depth }
            if !deeper.isEmpty {
                transitions.append(Transition(from: roles[number].id, to: roles[random.pick(deeper)].id, kind: .promotion))
            }
            let other = random.int(in: 0...(roleCount - 1))
            if placement[other].track != placement[number].track {
                transitions.append(Transition(from: roles[number].id, to: roles[other].id, kind: random.chance(0.8) ? .lateral : .secondment))
            }
        }
        return transitions
    }

    func skillID(_ number: Int) -> String { "sk-" + padded(number, 5) }
}
