/// What a plan for one role can depend on: the skills and courses reachable backwards from the role's
/// requirements (a requirement's teachers, their entry requirements and `after` courses, and so on).
///
/// Two profiles with the same levels of these skills and the same completed courses among these courses
/// (the same `RelevantState`) get the same plan for the role (the planner is deterministic and looks at
/// nothing else), so ranking people plans each such group once. In a real organisation most people are
/// far from any one role and hold none of its skills: they all fall into one group. Computed per ranking, not cached: on a catalog
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

    /// The part of a profile's starting state the role's plan can depend on (levels raised by what completed
    /// courses teach, as the planner counts them), read straight from the profile: ranking 50,000 people
    /// builds no full starting state for any of them. Skills and courses the catalog does not know are
    /// skipped, as stored profiles are read leniently. Nil for a profile the planner would refuse (a level
    /// outside 0–5), which ranking leaves out.
    func state(of profile: Profile, index: CatalogIndex) -> RelevantState? {
        var entries: [UInt64] = []
        entries.reserveCapacity(profile.skills.count)
        for entry in profile.skills {
            guard SkillLevel.profileLevels.contains(entry.level) else { return nil }
            guard entry.level > 0, let skill = index.skillNumbers[entry.skill], Self.test(skills, Int(skill)) else { continue }
            entries.append(RelevantState.entry(skill: skill, level: UInt8(entry.level)))
        }
        return state(entries: entries, done: profile.completed.lazy.compactMap { index.courseNumbers[$0] }, index: index)
    }

    /// The same from a profile already resolved to numbers.
    func state(of numbers: ProfileNumbers, index: CatalogIndex) -> RelevantState {
        state(entries: numbers.skills.filter { Self.test(skills, Int($0 >> 8)) }, done: numbers.done, index: index)
    }

    /// Whether any of a numbered profile's skills is one the role's plan can read (its completed courses aside).
    func reads(_ numbers: ProfileNumbers) -> Bool {
        numbers.skills.contains { Self.test(skills, Int($0 >> 8)) }
    }

    /// The relevant skill entries, with what the relevant completed courses among `done` teach.
    private func state(entries: consuming [UInt64], done completed: some Sequence<Int32>, index: CatalogIndex) -> RelevantState {
        var entries = entries
        var done: [Int32] = []
        for course in completed {
            if Self.test(courses, Int(course)) { done.append(course) }
            for entry in index.teaches[course] where entry.level > 0 && Self.test(skills, Int(entry.skill)) {
                entries.append(RelevantState.entry(skill: entry.skill, level: entry.level))
            }
        }
        return RelevantState(skillEntries: entries, courses: done)
    }

    private static func test(_ bits: [UInt64], _ position: Int) -> Bool {
        position >= 0 && position / 64 < bits.count && bits[position / 64] & (1 << UInt64(position % 64)) != 0
    }

    private static func set(_ bits: inout [UInt64], _ position: Int) {
        guard position >= 0, position / 64 < bits.count else { return }
        bits[position / 64] |= 1 << UInt64(position % 64)
    }
}
