/// A self-contained slice of the catalog for one question: the courses that can matter, renumbered 0..<n
/// in id order, with the skills they touch renumbered 0..<m.
///
/// Requirements already met at the start are dropped and `after` courses already done are dropped, so what
/// remains is exactly what a plan must still satisfy. The planner's solvers, the validator's "can this ever
/// be taken" check and the pruning pass all work on this one structure.
struct PlanningGraph: Sendable {
    struct Entry: Sendable, Hashable {
        var skill: Int32
        var level: UInt8
    }

    /// Catalog course numbers, ascending: local number `i` is catalog course `courses[i]`.
    let courses: [Int32]
    /// Catalog skill numbers of the local skills.
    let skills: [Int32]
    let initialLevels: [UInt8]
    let teaches: CompactLists<Entry>
    /// Entry requirements not met by `initialLevels`.
    let requires: CompactLists<Entry>
    /// `after` courses not yet done, as local numbers.
    let after: CompactLists<Int32>
    /// Courses that can never be taken because an `after` course is neither done nor in this graph.
    let cutOff: [Bool]
    /// For each local skill, the courses teaching it, highest level first, then by number.
    let providers: CompactLists<Provider>
    /// For each course, the courses that list it in `after`.
    let followers: CompactLists<Int32>

    struct Provider: Sendable, Hashable {
        var course: Int32
        var level: UInt8
        /// The level of this same skill the course requires first (0 when none).
        var needs: UInt8

        /// Whether the course can be what first brings its skill to `target`: it teaches at least that
        /// level and does not itself need that level to be taken. A course needing Python 3 to teach
        /// Python 4 can never be how anyone reaches Python 3.
        func canProvide(_ target: UInt8) -> Bool {
            level >= target && needs < target
        }
    }

    var courseCount: Int { courses.count }
    var skillCount: Int { skills.count }

    /// - Parameters:
    ///   - courseNumbers: catalog courses to include, ascending.
    ///   - levelOf: the starting level of a catalog skill.
    ///   - isDone: whether a catalog course is already done (it then satisfies `after`).
    ///   - isSatisfied: requirements to treat as met regardless of levels (the validator's "only from experience").
    init(
        index: CatalogIndex, courses courseNumbers: [Int32], levelOf: (Int32) -> UInt8, isDone: (Int32) -> Bool,
        isSatisfied: (CatalogIndex.LevelEntry) -> Bool = { _ in false }
    ) {
        var localCourse = [Int32: Int32](minimumCapacity: courseNumbers.count)
        for (local, course) in courseNumbers.enumerated() { localCourse[course] = Int32(local) }

        var localSkill: [Int32: Int32] = [:]
        var skillList: [Int32] = []
        var levels: [UInt8] = []
        func local(_ skill: Int32) -> Int32 {
            if let number = localSkill[skill] { return number }
            let number = Int32(skillList.count)
            localSkill[skill] = number
            skillList.append(skill)
            levels.append(levelOf(skill))
            return number
        }

        var teachLists = CompactLists<Entry>()
        var requireLists = CompactLists<Entry>()
        var afterLists = CompactLists<Int32>()
        var cut = [Bool](repeating: false, count: courseNumbers.count)
        for (localNumber, course) in courseNumbers.enumerated() {
            teachLists.append(index.teaches[course].map { Entry(skill: local($0.skill), level: $0.level) })
            requireLists.append(index.requires[course].compactMap { entry in
                if isSatisfied(entry) || levelOf(entry.skill) >= entry.level { return nil }
                return Entry(skill: local(entry.skill), level: entry.level)
            })
            afterLists.append(index.after[course].compactMap { prior in
                if isDone(prior) { return nil }
                guard let number = localCourse[prior] else {
                    cut[localNumber] = true
                    return nil
                }
                return number
            })
        }
        self.init(
            courses: courseNumbers, skills: skillList, initialLevels: levels, teaches: teachLists, requires: requireLists,
            after: afterLists, cutOff: cut)
    }

    /// A graph from parts already in graph numbering (used by `restricted(to:)`).
    init(
        courses: [Int32], skills: [Int32], initialLevels: [UInt8], teaches: CompactLists<Entry>, requires: CompactLists<Entry>,
        after: CompactLists<Int32>, cutOff: [Bool]
    ) {
        self.courses = courses
        self.skills = skills
        self.initialLevels = initialLevels
        self.teaches = teaches
        self.requires = requires
        self.after = after
        self.cutOff = cutOff
        var providerLists = [[Provider]](repeating: [], count: skills.count)
        var followerLists = [[Int32]](repeating: [], count: courses.count)
        for course in 0..<courses.count {
            for entry in teaches[course] {
                let needs = requires[course].first { $0.skill == entry.skill }?.level ?? 0
                providerLists[Int(entry.skill)].append(Provider(course: Int32(course), level: entry.level, needs: needs))
            }
            for prior in after[course] { followerLists[Int(prior)].append(Int32(course)) }
        }
        providers = CompactLists(providerLists.lazy.map { list in
            list.sorted { $0.level != $1.level ? $0.level > $1.level : $0.course < $1.course }
        })
        followers = CompactLists(followerLists)
    }

    /// Whether a course can be taken now: every requirement met by `levels`, every `after` course taken.
    func isTakeable(_ course: Int, levels: [UInt8], taken: [Bool]) -> Bool {
        if cutOff[course] { return false }
        for entry in requires[course] where levels[Int(entry.skill)] < entry.level { return false }
        for prior in after[course] where !taken[Int(prior)] { return false }
        return true
    }

    /// Raises `levels` by what a course teaches.
    func apply(_ course: Int, to levels: inout [UInt8]) {
        for entry in teaches[course] where levels[Int(entry.skill)] < entry.level {
            levels[Int(entry.skill)] = entry.level
        }
    }
}
