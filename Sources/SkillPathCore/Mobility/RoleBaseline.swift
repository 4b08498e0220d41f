/// The plan for a role from no skills at all, and a cheap test of whether another profile gets that very
/// plan: ranking 50,000 people on a catalog whose prerequisites reach across the catalog would otherwise
/// plan most of them, one by one, to find the same plan again and again.
///
/// A profile gets the baseline plan when everything the plan read from the empty profile reads the same
/// from it (the planner is deterministic and looks at nothing else; `Planner.plan`):
/// - it holds none of the skills the plan read a level of: the goals, and every skill the relevant courses
///   teach or require (so its gap is the whole role, and every graph starts where the baseline's did);
/// - its closure takes none of the courses the relevance walk looked at and left out as untakeable (so the
///   walk includes the same courses, in the same groups);
/// - for the goals no course sequence reaches, its closure reaches the same levels of the skills the
///   explanation names, and the same `after` courses (so the unmet entries read the same);
/// - it has completed none of the courses whose being done the plan reads.
///
/// The one difference is the current role a plan names, which ranking reports per person anyway.
struct RoleBaseline: Sendable {
    let plan: Plan
    /// The plan's courses in its order, in catalog numbers.
    private let courses: [Int32]
    private let readSkills: BitSet
    private let passed: [Int32]
    private let explained: [Int32]
    private let explainedCourses: [Int32]
    private let doneRead: BitSet

    init(role: Int32, planner: Planner) {
        let index = planner.catalog.index
        let goals = PlanningProblem.goals(index: index, target: role, current: nil, options: PlanOptions(), levels: [:])
        let problem = PlanningProblem(levels: [:], filter: CourseFilter(index: index), target: role, current: nil, goals: goals)
        var readSkills = BitSet(count: index.skillCount)
        var passed: [Int32] = []
        var explained: [Int32] = []
        var explainedCourses: [Int32] = []
        var doneRead = BitSet(count: index.courseCount)
        plan = index.scratchPool.withScratch(index: index) { scratch in
            // The scratch holds the closure from zero skills: the empty profile's own.
            var reachable: [(skill: Int32, level: UInt8)] = []
            for goal in goals {
                readSkills.insert(Int(goal.skill))
                if scratch.reach.levels[Int(goal.skill)] >= goal.need {
                    reachable.append((goal.skill, goal.need))
                    continue
                }
                explained.append(goal.skill)
                guard let first = index.teachers[goal.skill].first(where: { $0.canProvide(goal.need) })?.course else { continue }
                explained += index.requires[first].map(\.skill)
                for prior in index.after[first] {
                    explainedCourses.append(prior)
                    doneRead.insert(Int(prior))
                }
            }
            let groups = scratch.relevantGroups(targets: reachable, filter: CourseFilter(index: index)) { passed.append($0) }
            scratch.clearRelevance()
            for course in groups.flatMap(\.courses) {
                doneRead.insert(Int(course))
                for entry in index.teaches[course] { readSkills.insert(Int(entry.skill)) }
                for entry in index.requires[course] { readSkills.insert(Int(entry.skill)) }
                for prior in index.after[course] { doneRead.insert(Int(prior)) }
            }
            return planner.plan(problem, options: PlanOptions(), closure: scratch, floored: false)
        }
        courses = plan.steps.compactMap { index.courseNumbers[$0.course] }
        self.readSkills = readSkills
        self.passed = passed
        self.explained = explained
        self.explainedCourses = explainedCourses
        self.doneRead = doneRead
    }

    /// The baseline's courses a starting state still needs, in the baseline's order, when they are a plan for
    /// it that meets `goals`: a feasible plan, so the planner's answer is never worse (`Planner.floored`), and
    /// its hours bound that answer's from above without planning (`SuccessionBench`).
    ///
    /// Read backwards, a course is kept when it teaches a level the state lacks of a skill that a goal or a
    /// later kept course needs, or when a later kept course must come after it. That reads only what the role's
    /// plan can depend on (`RoleRelevance`), so a profile and its relevant state get the same floor. Then the
    /// kept courses are replayed: nil when one is completed already or cannot be taken at its place, or a goal
    /// stays unmet.
    func floor(level: (Int32) -> UInt8, isDone: (Int32) -> Bool, goals: some Sequence<(skill: Int32, need: UInt8)>, index: CatalogIndex) -> [Int32]? {
        var demand: [Int32: UInt8] = [:]
        for goal in goals where level(goal.skill) < goal.need { demand[goal.skill] = max(demand[goal.skill] ?? 0, goal.need) }
        var forced = Set<Int32>()
        var kept: [Int32] = []
        for course in courses.reversed() {
            let useful = index.teaches[course].contains { entry in
                let held = level(entry.skill)
                return held < demand[entry.skill] ?? 0 && entry.level > held
            }
            guard useful || forced.contains(course) else { continue }
            kept.append(course)
            for requirement in index.requires[course] { demand[requirement.skill] = max(demand[requirement.skill] ?? 0, requirement.level) }
            for prior in index.after[course] { forced.insert(prior) }
        }
        kept.reverse()
        var raised: [Int32: UInt8] = [:]
        func have(_ skill: Int32) -> UInt8 { max(level(skill), raised[skill] ?? 0) }
        for (position, course) in kept.enumerated() {
            if isDone(course) { return nil }
            for requirement in index.requires[course] where have(requirement.skill) < requirement.level { return nil }
            for prior in index.after[course] where !isDone(prior) && !kept[..<position].contains(prior) { return nil }
            for entry in index.teaches[course] where have(entry.skill) < entry.level { raised[entry.skill] = entry.level }
        }
        for goal in goals where have(goal.skill) < goal.need { return nil }
        return kept
    }

    /// Whether a starting state gets the baseline plan for the role; `closure` holds the state's closure.
    func isShared(by state: RelevantState, closure: ReachScratch) -> Bool {
        let zero = closure.index.zeroReach
        for entry in state.skills where readSkills.contains(Int(entry >> 8)) { return false }
        for course in state.courses where doneRead.contains(Int(course)) { return false }
        for course in passed where closure.reach.taken[Int(course)] { return false }
        for skill in explained where closure.reach.levels[Int(skill)] != zero.levels[Int(skill)] { return false }
        for course in explainedCourses where closure.reach.taken[Int(course)] != zero.taken[Int(course)] { return false }
        return true
    }
}
