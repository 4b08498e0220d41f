/// The catalog as dense integer tables, built once per catalog and shared read-only by every plan.
///
/// Skills, courses and roles are numbered by their position in id order, so "smaller number" means
/// "smaller id" and tie-breaks by id cost an integer comparison. Immutable after construction, hence Sendable.
final class CatalogIndex: Sendable {
    struct LevelEntry: Sendable, Hashable {
        var skill: Int32
        var level: UInt8
    }

    struct Teacher: Sendable, Hashable {
        var course: Int32
        var level: UInt8
        /// The level of this same skill the course requires first (0 when none).
        var needs: UInt8

        /// Whether the course can be what first brings its skill to `target`: it teaches at least that level
        /// and does not itself need that level to be taken. A course needing Python 3 to teach Python 4 can
        /// never be how anyone reaches Python 3.
        func canProvide(_ target: UInt8) -> Bool {
            level >= target && needs < target
        }
    }

    /// A course waiting for a skill to reach a level before it can be taken.
    struct Waiter: Sendable, Hashable {
        var level: UInt8
        var course: Int32
    }

    struct Requirement: Sendable, Hashable {
        var skill: Int32
        var level: UInt8
        var essential: Bool
    }

    struct Move: Sendable, Hashable {
        var role: Int32
        var kind: Transition.Kind
    }

    let skillNumbers: [String: Int32]
    let courseNumbers: [String: Int32]
    let roleNumbers: [String: Int32]

    let hours: [Int64]
    let cost: [Int64]
    let teaches: CompactLists<LevelEntry>
    let requires: CompactLists<LevelEntry>
    let after: CompactLists<Int32>
    /// For each skill, the courses teaching it, highest level first, then by course number.
    let teachers: CompactLists<Teacher>
    /// For each course, the courses that list it in `after`.
    let followers: CompactLists<Int32>
    /// For each skill, the courses requiring it, lowest level first: raising the skill wakes a prefix.
    let waiting: CompactLists<Waiter>
    /// What an employee with no skills and no courses can reach: the starting point of every plan's closure.
    let zeroReach: CatalogReach
    let roleRequirements: CompactLists<Requirement>
    let movesFrom: CompactLists<Move>

    /// Interned attribute values for option filters: a course's format is `formats[formatOf[c]]`.
    let formats: [String]
    let languages: [String]
    let providers: [String]
    let formatOf: [Int32]
    let languageOf: [Int32]
    /// -1 when the course names no provider.
    let providerOf: [Int32]

    /// Working memory for plans over this catalog, reused across plans (see `ReachScratch`).
    let scratchPool = ScratchPool()
    /// Per-role lower-bound tables for ranking roles and candidates (see `RoleCover`).
    let roleCovers = RoleCoverCache()
    /// Per-role relaxed problems for the landmark-cut bound (see `RoleRelaxation`, `LandmarkCut`).
    let roleRelaxations = RoleRelaxationCache()
    /// Plans readiness rankings made, by role and relevant state (see `ReadinessPlanMemo`).
    let readinessPlans = ReadinessPlanMemo()
    /// The hours of each one-skill plan the skill picture asks for (see `RaiseHoursMemo`).
    let raiseHours = RaiseHoursMemo()
    /// Each objective's cost of every skill level from zero, for shortlisting providers (`ProviderShortlist`).
    let zeroCosts = ZeroCostCache()
    /// How alike roles are, for suggesting the next one (see `RoleRelatedness`).
    let roleRelatedness: RoleRelatedness

    var skillCount: Int { skillNumbers.count }
    var courseCount: Int { hours.count }

    /// Expects skills, courses and roles sorted by id. References to unknown ids are left out, so that the
    /// validator can index a catalog that still has reference errors and run its other checks on it.
    init(skills: [Skill], courses: [Course], roles: [Role], transitions: [Transition]) {
        skillNumbers = Self.numbering(skills.map(\.id))
        courseNumbers = Self.numbering(courses.map(\.id))
        roleNumbers = Self.numbering(roles.map(\.id))
        let skillNumbers = skillNumbers
        let courseNumbers = courseNumbers
        let roleNumbers = roleNumbers

        hours = courses.map(\.hours.hundredths)
        cost = courses.map(\.cost.hundredths)
        teaches = CompactLists(courses.lazy.map { course in
            course.teaches.compactMap { entry in skillNumbers[entry.skill].map { LevelEntry(skill: $0, level: UInt8(entry.level)) } }
        })
        requires = CompactLists(courses.lazy.map { course in
            course.requires.compactMap { entry in skillNumbers[entry.skill].map { LevelEntry(skill: $0, level: UInt8(entry.level)) } }
        })
        after = CompactLists(courses.lazy.map { course in course.after.compactMap { courseNumbers[$0] } })

        var teacherLists = [[Teacher]](repeating: [], count: skills.count)
        var followerLists = [[Int32]](repeating: [], count: courses.count)
        var waitingLists = [[Waiter]](repeating: [], count: skills.count)
        for number in 0..<courses.count {
            let requirements = requires[number]
            for entry in teaches[number] {
                let needs = requirements.first { $0.skill == entry.skill }?.level ?? 0
                teacherLists[Int(entry.skill)].append(Teacher(course: Int32(number), level: entry.level, needs: needs))
            }
            for entry in requirements { waitingLists[Int(entry.skill)].append(Waiter(level: entry.level, course: Int32(number))) }
            for prior in after[number] { followerLists[Int(prior)].append(Int32(number)) }
        }
        teachers = CompactLists(teacherLists.lazy.map { list in
            list.sorted { $0.level != $1.level ? $0.level > $1.level : $0.course < $1.course }
        })
        followers = CompactLists(followerLists)
        waiting = CompactLists(waitingLists.lazy.map { list in
            list.sorted { $0.level != $1.level ? $0.level < $1.level : $0.course < $1.course }
        })
        zeroReach = CatalogReach.fromZero(teaches: teaches, requires: requires, after: after, followers: followers, waiting: waiting)

        roleRequirements = CompactLists(roles.lazy.map { role in
            role.requires.compactMap { entry in
                skillNumbers[entry.skill].map { Requirement(skill: $0, level: UInt8(entry.level), essential: entry.importance == .essential) }
            }
        })
        roleRelatedness = RoleRelatedness(roles: roles, skillNumbers: skillNumbers)
        var moveLists = [[Move]](repeating: [], count: roles.count)
        for transition in transitions {
            guard let from = roleNumbers[transition.from], let to = roleNumbers[transition.to] else { continue }
            moveLists[Int(from)].append(Move(role: to, kind: transition.kind))
        }
        movesFrom = CompactLists(moveLists.lazy.map { list in
            list.sorted { $0.role != $1.role ? $0.role < $1.role : $0.kind.rawValue < $1.kind.rawValue }
        })

        (formats, formatOf) = Self.intern(courses.map(\.format))
        (languages, languageOf) = Self.intern(courses.map(\.language))
        let named = Self.intern(courses.compactMap(\.provider))
        providers = named.values
        let providerNumbers = Self.numbering(named.values)
        providerOf = courses.map { course in course.provider.flatMap { providerNumbers[$0] } ?? -1 }
    }

    /// The highest level any course teaches for a skill, 0 when none does.
    func highestTaughtLevel(_ skill: Int32) -> UInt8 {
        teachers[skill].first?.level ?? 0
    }

    static func numbering(_ ids: [String]) -> [String: Int32] {
        var numbers = [String: Int32](minimumCapacity: ids.count)
        for (number, id) in ids.enumerated() { numbers[id] = Int32(number) }
        return numbers
    }

    /// Distinct values in id order, and each input's number among them.
    static func intern(_ values: [String]) -> (values: [String], numbers: [Int32]) {
        let distinct = Set(values).sorted(by: Text.precedes)
        let numbers = numbering(distinct)
        return (distinct, values.map { numbers[$0] ?? -1 })
    }
}
