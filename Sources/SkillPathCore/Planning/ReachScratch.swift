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
    /// The profile's completed courses (none between plans).
    private(set) var done: [Bool]
    /// Working memory for `graph(courses:)`: all -1 between uses.
    private var numbering: [Int32]
    /// Relevance: the target levels expanded per skill (bit `l` for level `l`), and the included courses.
    /// A set, not the lowest level: the courses able to be first to reach level 2 are not a superset of those
    /// for level 3 (a course needing level 2 to teach level 3 is among the latter only).
    private var expandedLevels: [UInt8]
    private var included: [Bool]
    /// Relevance groups: the walk (target) that first reached each course and each skill (-1 when none).
    private var courseOwner: [Int32]
    private var owner: [Int32]

    private var skillLogged: [Bool]
    private var courseLogged: [Bool]
    private var changedSkills: [Int32] = []
    private var changedCourses: [Int32] = []
    private var ready: [Int32] = []

    init(index: CatalogIndex) {
        self.index = index
        reach = index.zeroReach
        start = [UInt8](repeating: 0, count: index.skillCount)
        done = [Bool](repeating: false, count: index.courseCount)
        numbering = [Int32](repeating: -1, count: index.skillCount)
        expandedLevels = [UInt8](repeating: 0, count: index.skillCount)
        included = [Bool](repeating: false, count: index.courseCount)
        courseOwner = [Int32](repeating: -1, count: index.courseCount)
        owner = [Int32](repeating: -1, count: index.skillCount)
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
        for course in done {
            logCourse(course)
            self.done[Int(course)] = true
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
    /// on, keeping only courses this profile can take at all and the filter allows. Each skill level is
    /// expanded once. Ascending course numbers.
    func relevant(targets: [(skill: Int32, level: UInt8)], filter: CourseFilter) -> [Int32] {
        (relevantGroups(targets: targets, filter: filter) ?? []).flatMap(\.courses).sorted()
    }

    /// A group of targets whose relevant courses overlap no other group's, with those courses (ascending).
    struct Group {
        var targets: [Int]
        var courses: [Int32]
    }

    /// The relevant courses (see `relevant`), split into independent groups of targets: targets whose walks
    /// meet at a course or a skill share a group, all others are apart. Each group can be planned alone and
    /// the plans joined (docs/planning.md). Merging on a shared skill is conservative: it never splits what
    /// must stay together, at worst keeps together what could be apart. Groups follow their first target.
    /// `passed` sees each course the walk looked at and left out because this profile cannot take it.
    ///
    /// With a `shortlist`, each target level is walked through only its few cheapest-looking providers
    /// (`ProviderShortlist`), and the walk gives up (nil) once it has included more than `limit` courses.
    func relevantGroups(
        targets: [(skill: Int32, level: UInt8)], filter: CourseFilter, shortlist: ProviderShortlist? = nil, limit: Int = .max,
        passed: ((Int32) -> Void)? = nil
    ) -> [Group]? {
        var walk = RelevanceWalk(targets: targets.count, filter: filter, shortlist: shortlist)
        for (number, first) in targets.enumerated() {
            walk.number = number
            walk.pendingTargets.append(first)
            while !walk.pendingTargets.isEmpty || !walk.pendingCourses.isEmpty {
                while let target = walk.pendingTargets.popLast() { expand(target, in: &walk, passed: passed) }
                while let course = walk.pendingCourses.popLast() { expandCourse(course, in: &walk, passed: passed) }
                if walk.included.count > limit { return nil }
            }
        }
        var groupOf = [Int](repeating: -1, count: targets.count)
        var groups: [Group] = []
        for target in targets.indices {
            let group = walk.union.root(target)
            if groupOf[group] < 0 {
                groupOf[group] = groups.count
                groups.append(Group(targets: [], courses: []))
            }
            groups[groupOf[group]].targets.append(target)
        }
        for course in walk.included { groups[groupOf[walk.union.root(Int(courseOwner[Int(course)]))]].courses.append(course) }
        for position in groups.indices { groups[position].courses.sort() }
        return groups
    }

    /// The state of one relevance walk: which target's walk is running, what is left to expand, what is in.
    struct RelevanceWalk {
        var number = 0
        var union: TargetUnion
        let filter: CourseFilter
        let shortlist: ProviderShortlist?
        var included: [Int32] = []
        var pendingTargets: [(skill: Int32, level: UInt8)] = []
        var pendingCourses: [Int32] = []
        var candidates: [(score: ProviderShortlist.Score, course: Int32)] = []

        init(targets: Int, filter: CourseFilter, shortlist: ProviderShortlist?) {
            union = TargetUnion(count: targets)
            self.filter = filter
            self.shortlist = shortlist
        }
    }

    /// A target level: the courses able to be first to teach it (only the shortlisted ones, with a shortlist).
    private func expand(_ target: (skill: Int32, level: UInt8), in walk: inout RelevanceWalk, passed: ((Int32) -> Void)?) {
        let s = Int(target.skill)
        guard start[s] < target.level else { return }
        if owner[s] >= 0 { walk.union.join(walk.number, Int(owner[s])) } else {
            logSkill(target.skill)
            owner[s] = Int32(walk.number)
        }
        let bit = UInt8(1) << target.level
        guard expandedLevels[s] & bit == 0 else { return }
        logSkill(target.skill)
        expandedLevels[s] |= bit
        walk.candidates.removeAll(keepingCapacity: true)
        for teacher in index.teachers[target.skill] {
            guard teacher.level >= target.level else { break }
            guard teacher.needs < target.level else { continue }
            let c = Int(teacher.course)
            if included[c] {
                walk.union.join(walk.number, Int(courseOwner[c]))
                continue
            }
            guard reach.taken[c] else {
                passed?(teacher.course)
                continue
            }
            guard !done[c], !walk.filter.restricts || walk.filter.allows(teacher.course) else { continue }
            if let shortlist = walk.shortlist {
                walk.candidates.append((shortlist.score(teacher.course, start: start), teacher.course))
            } else {
                include(teacher.course, in: &walk)
            }
        }
        guard let shortlist = walk.shortlist, !walk.candidates.isEmpty else { return }
        for course in shortlist.keep(&walk.candidates, walked: walk.included.count) { include(course, in: &walk) }
    }

    /// An included course: the targets its unmet requirements add, and its `after` courses.
    private func expandCourse(_ course: Int32, in walk: inout RelevanceWalk, passed: ((Int32) -> Void)?) {
        for entry in index.requires[course] where start[Int(entry.skill)] < entry.level {
            walk.pendingTargets.append((entry.skill, entry.level))
        }
        for prior in index.after[course] where !done[Int(prior)] {
            let c = Int(prior)
            if included[c] {
                walk.union.join(walk.number, Int(courseOwner[c]))
            } else if !reach.taken[c] {
                passed?(prior)
            } else if !walk.filter.restricts || walk.filter.allows(prior) {
                include(prior, in: &walk)
            }
        }
    }

    private func include(_ course: Int32, in walk: inout RelevanceWalk) {
        let c = Int(course)
        logCourse(course)
        included[c] = true
        courseOwner[c] = Int32(walk.number)
        walk.included.append(course)
        walk.pendingCourses.append(course)
    }

    /// The planning graph of some catalog courses (ascending) for the current profile.
    func graph(courses: [Int32]) -> PlanningGraph {
        PlanningGraph(index: index, courses: courses, start: start, done: done, numbering: &numbering)
    }

    /// Forgets what `relevant` collected, so that it can be asked again for other targets in the same plan.
    func clearRelevance() {
        for skill in changedSkills {
            expandedLevels[Int(skill)] = 0
            owner[Int(skill)] = -1
        }
        for course in changedCourses {
            included[Int(course)] = false
            courseOwner[Int(course)] = -1
        }
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
            owner[s] = -1
            skillLogged[s] = false
        }
        for course in changedCourses {
            let c = Int(course)
            reach.pending[c] = zero.pending[c]
            reach.taken[c] = zero.taken[c]
            included[c] = false
            courseOwner[c] = -1
            done[c] = false
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
