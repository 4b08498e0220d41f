/// The part of a starting state one role's plan can depend on (`RoleRelevance`): the levels of the skills
/// and the completed courses the role's plan can read, and nothing else.
///
/// Ranking people for a role groups them by this state, plans each group once, and plans it from this
/// state alone: the plan from it is the plan from the whole profile, since the planner reads nothing
/// outside it, and the closure from it reaches the same levels of these skills and takes the same of these
/// courses (a relevant course requires relevant skills and follows relevant courses only). Kept as two
/// sorted arrays rather than a dictionary and a set: cheap to build, hash and compare for 50,000 people.
struct RelevantState: Hashable, Sendable {
    /// Skill levels above 0 as `skill << 8 | level`, ascending, so by skill; one entry per skill.
    private(set) var skills: [UInt64]
    /// Completed courses, ascending, each once.
    private(set) var courses: [Int32]

    /// A state from entries in any order, several per skill allowed: each skill counts at its highest level.
    init(skillEntries: consuming [UInt64], courses: consuming [Int32]) {
        var skills = skillEntries
        skills.sort()
        // The highest level of a skill is the last of its run: keep an entry only when the next is another skill.
        var kept = 0
        for position in skills.indices where position + 1 == skills.count || skills[position + 1] >> 8 != skills[position] >> 8 {
            skills[kept] = skills[position]
            kept += 1
        }
        skills.removeLast(skills.count - kept)
        self.skills = skills
        var sorted = courses
        sorted.sort()
        var unique = 0
        for position in sorted.indices where position == 0 || sorted[position] != sorted[position - 1] {
            sorted[unique] = sorted[position]
            unique += 1
        }
        sorted.removeLast(sorted.count - unique)
        self.courses = sorted
    }

    static func entry(skill: Int32, level: UInt8) -> UInt64 {
        UInt64(UInt32(bitPattern: skill)) << 8 | UInt64(level)
    }

    /// The level of `skill`, 0 when absent: a binary search.
    func level(_ skill: Int32) -> UInt8 {
        let wanted = UInt64(UInt32(bitPattern: skill))
        var low = 0
        var high = skills.count
        while low < high {
            let middle = (low + high) / 2
            let found = skills[middle] >> 8
            if found == wanted { return UInt8(truncatingIfNeeded: skills[middle]) }
            if found < wanted { low = middle + 1 } else { high = middle }
        }
        return 0
    }

    /// The levels as the planner takes them.
    var levels: [Int32: UInt8] {
        var levels: [Int32: UInt8] = [:]
        levels.reserveCapacity(skills.count)
        for entry in skills { levels[Int32(bitPattern: UInt32(truncatingIfNeeded: entry >> 8))] = UInt8(truncatingIfNeeded: entry) }
        return levels
    }

    /// The completed courses as the planner takes them.
    var done: Set<Int32> { Set(courses) }
}
