/// Per-plan working memory over the whole catalog, reused from plan to plan so that no plan allocates in
/// proportion to the catalog.
///
/// It starts as the catalog's closure from zero skills. A plan pushes the profile's levels and completed
/// courses through it (the incremental closure: only what this profile unlocks is touched), walks relevance
/// backwards through the courses it can take, and then `reset()` undoes exactly the entries it changed.
/// The cost of a plan is therefore proportional to what the profile reaches, not to the catalog.
///
/// Not thread-safe: one plan uses a scratch at a time; `ScratchPool` hands them out.
final class ReachScratch {
    /// Unowned: the index owns the pool that owns the scratches, and a plan holds the catalog while it runs.
    unowned let index: CatalogIndex
    /// The closure of the current profile (the zero closure between plans).
    private(set) var reach: CatalogReach
    /// The profile's own starting levels (0 between plans).
    private(set) var start: [UInt8]
    /// Relevance: the target levels expanded per skill (bit `l` for level `l`), and the included courses.
    /// A set, not the lowest level: the courses able to be first to reach level 2 are not a superset of those
    /// for level 3 (a course needing level 2 to teach level 3 is among the latter only).
    private var expandedLevels: [UInt8]
    private var included: [Bool]

    private var skillLogged: [Bool]
    private var courseLogged: [Bool]
    private var changedSkills: [Int32] = []
    private var changedCourses: [Int32] = []
    private var ready: [Int32] = []

    init(index: CatalogIndex) {
        self.index = index
        reach = index.zeroReach
        start = [UInt8](repeating: 0, count: index.skillCount)
        expandedLevels = [UInt8](repeating: 0, count: index.skillCount)
        included = [Bool](repeating: false, count: index.courseCount)
        skillLogged = [Bool](repeating: false, count: index.skillCount)
        courseLogged = [Bool](repeating: false, count: index.courseCount)
    }

    /// Pushes a profile through the zero closure: its levels, then its completed courses (which count as
    /// taken for `after`, whatever their requirements).
    func apply(levels: [Int32: UInt8], done: Set<Int32>) {
        for (skill, level) in levels.sorted(by: { $0.key < $1.key }) {
            logSkill(skill)
            start[Int(skill)] = level
            reach.raise(skill, to: level, waiting: index.waiting, changedSkill: logSkill, changedCourse: logCourse) { ready.append($0) }
        }
        for course in done.sorted() where !reach.taken[Int(course)] {
            reach.take(course, teaches: index.teaches, followers: index.followers, waiting: index.waiting,
                       changedSkill: logSkill, changedCourse: logCourse) { ready.append($0) }
        }
        while let course = ready.popLast() {
            guard !reach.taken[Int(course)] else { continue }
            reach.take(course, teaches: index.teaches, followers: index.followers, waiting: index.waiting,
                       changedSkill: logSkill, changedCourse: logCourse) { ready.append($0) }
        }
    }

    /// The courses that could contribute to the targets, walking backwards from them: the courses able to
    /// be first to teach each target level, the targets their requirements add, their `after` courses, and so
    /// on, keeping only courses this profile can take at all and `allowed` admits. Each skill level is expanded
    /// once. Ascending course numbers.
    func relevant(targets: [(skill: Int32, level: UInt8)], allowed: (Int32) -> Bool) -> [Int32] {
        var pendingTargets = targets
        var pendingCourses: [Int32] = []
        var result: [Int32] = []
        func include(_ course: Int32) {
            let c = Int(course)
            guard !included[c], reach.taken[c], allowed(course) else { return }
            logCourse(course)
            included[c] = true
            result.append(course)
            pendingCourses.append(course)
        }
        while !pendingTargets.isEmpty || !pendingCourses.isEmpty {
            while let target = pendingTargets.popLast() {
                let s = Int(target.skill)
                let bit = UInt8(1) << target.level
                guard start[s] < target.level, expandedLevels[s] & bit == 0 else { continue }
                logSkill(target.skill)
                expandedLevels[s] |= bit
                for teacher in index.teachers[target.skill] {
                    guard teacher.level >= target.level else { break }
                    if teacher.needs < target.level { include(teacher.course) }
                }
            }
            while let course = pendingCourses.popLast() {
                for entry in index.requires[course] where start[Int(entry.skill)] < entry.level {
                    pendingTargets.append((entry.skill, entry.level))
                }
                for prior in index.after[course] { include(prior) }
            }
        }
        return result.sorted()
    }

    /// Forgets what `relevant` collected, so that it can be asked again for other targets in the same plan.
    func clearRelevance() {
        for skill in changedSkills { expandedLevels[Int(skill)] = 0 }
        for course in changedCourses { included[Int(course)] = false }
    }

    /// Undoes every change since the last reset: the scratch is the zero closure again.
    func reset() {
        let zero = index.zeroReach
        for skill in changedSkills {
            let s = Int(skill)
            reach.levels[s] = zero.levels[s]
            reach.cursor[s] = zero.cursor[s]
            start[s] = 0
            expandedLevels[s] = 0
            skillLogged[s] = false
        }
        for course in changedCourses {
            let c = Int(course)
            reach.pending[c] = zero.pending[c]
            reach.taken[c] = zero.taken[c]
            included[c] = false
            courseLogged[c] = false
        }
        changedSkills.removeAll(keepingCapacity: true)
        changedCourses.removeAll(keepingCapacity: true)
        ready.removeAll(keepingCapacity: true)
    }

    private func logSkill(_ skill: Int32) {
        guard !skillLogged[Int(skill)] else { return }
        skillLogged[Int(skill)] = true
        changedSkills.append(skill)
    }

    private func logCourse(_ course: Int32) {
        guard !courseLogged[Int(course)] else { return }
        courseLogged[Int(course)] = true
        changedCourses.append(course)
    }
}
