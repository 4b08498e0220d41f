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
        // Tracks: consecutive skill numbers; position 0 starts a track.
        var position = [Int](repeating: 0, count: skillCount)
        var trackOf = [Int](repeating: 0, count: skillCount)
        var trackStarts: [Int] = []
        var start = 0
        while start < skillCount {
            let length = min(random.int(in: 30...60), skillCount - start)
            trackStarts.append(start)
            for offset in 0..<length {
                position[start + offset] = offset
                trackOf[start + offset] = trackStarts.count - 1
            }
            start += length
        }
        let topLevels = (0..<skillCount).map { _ in random.int(in: 2...5) }
        var slots: [(skill: Int, level: Int)] = []
        for skill in 0..<skillCount { for level in 1...topLevels[skill] { slots.append((skill, level)) } }
        while slots.count < courseCount {
            let skill = random.int(in: 0...(skillCount - 1))
            slots.append((skill, random.int(in: 1...topLevels[skill])))
        }
        // Keep the chain whole: drop extra teachers first when there are more slots than courses.
        slots = Array(slots.prefix(courseCount)).sorted { ($0.skill, $0.level) < ($1.skill, $1.level) }

        let courses = slots.enumerated().map { number, slot in
            var requires: [SkillLevel] = []
            if slot.level > 1 && random.chance(0.7) {
                requires.append(SkillLevel(skill: skillID(slot.skill), level: slot.level - 1))
            }
            if position[slot.skill] > 0 {
                let previous = slot.skill - 1
                requires.append(SkillLevel(skill: skillID(previous), level: min(topLevels[previous], random.int(in: 1...min(3, slot.level + 1)))))
            }
            let track = random.pick(trackStarts)
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

        var roleTrack: [Int] = []
        var roleDepth: [Int] = []
        let roles = (0..<roleCount).map { number in
            let track = random.int(in: 0...(trackStarts.count - 1))
            let first = trackStarts[track]
            let length = (track + 1 < trackStarts.count ? trackStarts[track + 1] : skillCount) - first
            let depth = random.int(in: 0...(length - 1))
            roleTrack.append(track)
            roleDepth.append(depth)
            var requirements = [RoleRequirement(skill: skillID(first + depth), level: min(topLevels[first + depth], random.int(in: 2...4)))]
            for _ in 0..<random.int(in: 3...7) {
                let skill = first + random.int(in: 0...depth)
                guard !requirements.contains(where: { $0.skill == skillID(skill) }) else { continue }
                requirements.append(RoleRequirement(skill: skillID(skill), level: min(topLevels[skill], random.int(in: 1...4))))
            }
            return Role(id: "ro-" + padded(number, 5), title: "Role \(number)", family: "track-\(track)", grade: "D\(depth)", requires: requirements)
        }
        var rolesOfTrack = [[Int]](repeating: [], count: trackStarts.count)
        for number in 0..<roleCount { rolesOfTrack[roleTrack[number]].append(number) }
        var transitions: [Transition] = []
        for number in 0..<roleCount {
            let deeper = rolesOfTrack[roleTrack[number]].filter { roleDepth[$0] > roleDepth[number] }
            if !deeper.isEmpty {
                transitions.append(Transition(from: roles[number].id, to: roles[random.pick(deeper)].id, kind: .promotion))
            }
            let other = random.int(in: 0...(roleCount - 1))
            if roleTrack[other] != roleTrack[number] {
                transitions.append(Transition(from: roles[number].id, to: roles[other].id, kind: random.chance(0.8) ? .lateral : .secondment))
            }
        }
        let skills = (0..<skillCount).map { Skill(id: skillID($0), name: "Skill \($0)", category: "track-\(trackOf[$0])") }
        return CatalogGenerator.Output(skills: skills, courses: courses, roles: roles, transitions: transitions)
    }

    func skillID(_ number: Int) -> String { "sk-" + padded(number, 5) }
}
