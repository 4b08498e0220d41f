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
    /// Catalog skill numbers of the local skills, ascending (so `localSkill` can search them).
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
    /// For each local skill, the courses requiring it (beyond the starting level), lowest level first.
    let waiters: CompactLists<CatalogIndex.Waiter>

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
    ///   - start: the starting level of every catalog skill.
    ///   - done: whether each catalog course is already done (it then satisfies `after`).
    ///   - numbering: catalog-sized working memory, all -1; left all -1 again.
    init(index: CatalogIndex, courses courseNumbers: [Int32], start: [UInt8], done: [Bool], numbering: inout [Int32]) {
        // Local skills are the catalog skills the courses touch, in catalog order.
        var skillList: [Int32] = []
        for course in courseNumbers {
            for entry in index.teaches[course] where numbering[Int(entry.skill)] < 0 {
                numbering[Int(entry.skill)] = 0
                skillList.append(entry.skill)
            }
            for entry in index.requires[course] where start[Int(entry.skill)] < entry.level && numbering[Int(entry.skill)] < 0 {
                numbering[Int(entry.skill)] = 0
                skillList.append(entry.skill)
            }
        }
        skillList.sort()
        for (local, skill) in skillList.enumerated() { numbering[Int(skill)] = Int32(local) }
        defer { for skill in skillList { numbering[Int(skill)] = -1 } }

        var teachLists = CompactLists<Entry>()
        var requireLists = CompactLists<Entry>()
        var afterLists = CompactLists<Int32>()
        teachLists.reserveCapacity(lists: courseNumbers.count, elements: courseNumbers.count * 2)
        requireLists.reserveCapacity(lists: courseNumbers.count, elements: courseNumbers.count * 2)
        var cut = [Bool](repeating: false, count: courseNumbers.count)
        for (localNumber, course) in courseNumbers.enumerated() {
            for entry in index.teaches[course] { teachLists.appendToLast(Entry(skill: numbering[Int(entry.skill)], level: entry.level)) }
            teachLists.closeList()
            for entry in index.requires[course] where start[Int(entry.skill)] < entry.level {
                requireLists.appendToLast(Entry(skill: numbering[Int(entry.skill)], level: entry.level))
            }
            requireLists.closeList()
            for prior in index.after[course] where !done[Int(prior)] {
                if let number = Self.position(of: prior, in: courseNumbers) { afterLists.appendToLast(Int32(number)) } else { cut[localNumber] = true }
            }
            afterLists.closeList()
        }
        self.init(
            courses: courseNumbers, skills: skillList, initialLevels: skillList.map { start[Int($0)] }, teaches: teachLists,
            requires: requireLists, after: afterLists, cutOff: cut)
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
        var providerPairs: [(list: Int32, element: Provider)] = []
        var waiterPairs: [(list: Int32, element: CatalogIndex.Waiter)] = []
        var followerPairs: [(list: Int32, element: Int32)] = []
        providerPairs.reserveCapacity(teaches.elements.count)
        waiterPairs.reserveCapacity(requires.elements.count)
        for course in 0..<courses.count {
            let requirements = requires[course]
            for entry in teaches[course] {
                let needs = requirements.first { $0.skill == entry.skill }?.level ?? 0
                providerPairs.append((entry.skill, Provider(course: Int32(course), level: entry.level, needs: needs)))
            }
            for entry in requirements { waiterPairs.append((entry.skill, CatalogIndex.Waiter(level: entry.level, course: Int32(course)))) }
            for prior in after[course] { followerPairs.append((prior, Int32(course))) }
        }
        // Pairs come in course order; bucketing them by level (stable) gives each list its order.
        providers = CompactLists(count: skills.count, pairs: Self.byLevel(providerPairs, descending: true) { $0.level })
        waiters = CompactLists(count: skills.count, pairs: Self.byLevel(waiterPairs, descending: false) { $0.level })
        followers = CompactLists(count: courses.count, pairs: followerPairs)
    }

    /// A stable counting sort on levels 0–5: a few passes, where a comparison sort of the same pairs was a
    /// noticeable part of every plan.
    static func byLevel<Element>(_ pairs: [(list: Int32, element: Element)], descending: Bool, level: (Element) -> UInt8) -> [(list: Int32, element: Element)] {
        var counts = [Int](repeating: 0, count: 7)
        for pair in pairs { counts[Int(min(level(pair.element), 5)) + 1] += 1 }
        if descending {
            // Bucket order 5, 4, …, 0.
            var start = 0
            var starts = [Int](repeating: 0, count: 6)
            for bucket in stride(from: 5, through: 0, by: -1) {
                starts[bucket] = start
                start += counts[bucket + 1]
            }
            return place(pairs, starts: starts, level: level)
        }
        var starts = [Int](repeating: 0, count: 6)
        for bucket in 1..<6 { starts[bucket] = starts[bucket - 1] + counts[bucket] }
        return place(pairs, starts: starts, level: level)
    }

    private static func place<Element>(_ pairs: [(list: Int32, element: Element)], starts: [Int], level: (Element) -> UInt8) -> [(list: Int32, element: Element)] {
        var next = starts
        var result = pairs
        for pair in pairs {
            let bucket = Int(min(level(pair.element), 5))
            result[next[bucket]] = pair
            next[bucket] += 1
        }
        return result
    }

    /// The local number of a catalog skill, nil when no course of this graph touches it.
    func localSkill(_ skill: Int32) -> Int32? {
        Self.position(of: skill, in: skills).map(Int32.init)
    }

    /// Binary search in an ascending array.
    static func position(of value: Int32, in sorted: [Int32]) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
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
