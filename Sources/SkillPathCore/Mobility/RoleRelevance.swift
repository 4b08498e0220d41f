/// What a plan for one role can depend on: the skills and courses reachable backwards from the role's
/// requirements (a requirement's teachers, their entry requirements and `after` courses, and so on).
///
/// Two profiles with the same levels of these skills and the same completed courses among these courses
/// get the same plan for the role (the planner is deterministic and looks at nothing else), so ranking
/// people plans each such group once. In a real organisation most people are far from any one role and
/// hold none of its skills: they all fall into one group. Computed per ranking, not cached: on a catalog
/// where every role's ancestry covers most courses it is a bitmap over the catalog, and thousands of roles'
/// worth would cost more memory than recomputing (a few milliseconds) does time.
struct RoleRelevance {
    private var skills: [UInt64]
    private var courses: [UInt64]

    init(role: Int32, index: CatalogIndex) {
        skills = [UInt64](repeating: 0, count: (index.skillCount + 63) / 64)
        courses = [UInt64](repeating: 0, count: (index.courseCount + 63) / 64)
        var skillQueue: [Int32] = []
        var courseQueue: [Int32] = []
        func addSkill(_ skill: Int32) {
            guard !Self.test(skills, Int(skill)) else { return }
            Self.set(&skills, Int(skill))
            skillQueue.append(skill)
        }
        func addCourse(_ course: Int32) {
            guard !Self.test(courses, Int(course)) else { return }
            Self.set(&courses, Int(course))
            courseQueue.append(course)
        }
        for requirement in index.roleRequirements[role] { addSkill(requirement.skill) }
        while !skillQueue.isEmpty || !courseQueue.isEmpty {
            while let skill = skillQueue.popLast() {
                for teacher in index.teachers[skill] { addCourse(teacher.course) }
            }
            while let course = courseQueue.popLast() {
                for entry in index.requires[course] { addSkill(entry.skill) }
                for earlier in index.after[course] { addCourse(earlier) }
            }
        }
    }

    /// The part of a starting state the role's plan can depend on, as a hashable key.
    func key(levels: [Int32: UInt8], done: Set<Int32>) -> [UInt64] {
        var key: [UInt64] = []
        key.reserveCapacity(levels.count + done.count + 1)
        for (skill, level) in levels where level > 0 && Self.test(skills, Int(skill)) {
            key.append(UInt64(UInt32(bitPattern: skill)) << 8 | UInt64(level))
        }
        key.sort()
        key.append(.max)
        let start = key.count
        for course in done where Self.test(courses, Int(course)) { key.append(UInt64(UInt32(bitPattern: course))) }
        key[start...].sort()
        return key
    }

    /// The same key read straight from a profile, as `key(levels:done:)` gives for its starting state
    /// (levels raised by what completed courses teach), without building that state: ranking 50,000 people
    /// builds the full state only for the first of each group. Nil for a profile the planner would refuse
    /// (a level outside 0–5), which ranking leaves out.
    func key(profile: Profile, index: CatalogIndex) -> [UInt64]? {
        var levels: [Int32: UInt8] = [:]
        for entry in profile.skills {
            guard SkillLevel.profileLevels.contains(entry.level) else { return nil }
            guard entry.level > 0, let skill = index.skillNumbers[entry.skill], Self.test(skills, Int(skill)) else { continue }
            levels[skill] = max(levels[skill] ?? 0, UInt8(entry.level))
        }
        var done = Set<Int32>()
        for id in profile.completed {
            guard let course = index.courseNumbers[id] else { continue }
            done.insert(course)
            for entry in index.teaches[course] where Self.test(skills, Int(entry.skill)) && (levels[entry.skill] ?? 0) < entry.level {
                levels[entry.skill] = entry.level
            }
        }
        return key(levels: levels, done: done)
    }

    private static func test(_ bits: [UInt64], _ position: Int) -> Bool {
        position >= 0 && position / 64 < bits.count && bits[position / 64] & (1 << UInt64(position % 64)) != 0
    }

    private static func set(_ bits: inout [UInt64], _ position: Int) {
        guard position >= 0, position / 64 < bits.count else { return }
        bits[position / 64] |= 1 << UInt64(position % 64)
    }
}
