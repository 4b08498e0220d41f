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
            let groups = scratch.relevantGroups(targets: reachable, filter: CourseFilter(index: index)) { passed.append($0) } ?? []
            scratch.clearRelevance()
            for course in groups.flatMap(\.courses) {
                doneRead.insert(Int(course))
                for entry in index.teaches[course] { readSkills.insert(Int(entry.skill)) }
                for entry in index.requires[course] { readSkills.insert(Int(entry.skill)) }
                for prior in index.after[course] { doneRead.insert(Int(prior)) }
            }
            return planner.plan(problem, options: PlanOptions(), closure: scratch, floored: false)
        }
        self.readSkills = readSkills
        self.passed = passed
        self.explained = explained
        self.explainedCourses = explainedCourses
        self.doneRead = doneRead
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
