/// A role's plan from no skills, as a floor under every profile's plan to the role: less the courses a
/// profile does not need, it is still a plan for that profile, so the planner never answers worse
/// (`Planner.floored`), and its hours bound a person's plan from above without planning it
/// (`SuccessionBench`). Only the course numbers are kept: a floor per role of a 5,000-role catalog is a few
/// hundred kilobytes.
struct RoleFloor: Sendable {
    /// The plan's courses in its order, in catalog numbers.
    private let courses: [Int32]

    private init(_ plan: Plan, index: CatalogIndex) {
        courses = plan.steps.compactMap { index.courseNumbers[$0.course] }
    }

    /// The options of a floor: the default ones at the quick effort. A floor is only ever a fallback compared
    /// with the search's answer, and from no skills every role's walk is as large as the catalog allows: at
    /// the standard effort the 5,000 floors of a 100,000-course catalog whose requirements reach anywhere
    /// took over five minutes, at the quick one seconds (docs/benchmarks.md).
    static let options: PlanOptions = {
        var options = PlanOptions()
        options.effort = .quick
        return options
    }()

    /// The plan from no skills to `role` with `options`, unfloored (it is the floor).
    init(role: Int32, catalog: Catalog) {
        let index = catalog.index
        let goals = PlanningProblem.goals(index: index, target: role, current: nil, options: PlanOptions(), levels: [:])
        let problem = PlanningProblem(levels: [:], filter: CourseFilter(index: index), target: role, current: nil, goals: goals)
        let plan = index.scratchPool.withScratch(index: index) { scratch in
            Planner(catalog: catalog).plan(problem, options: Self.options, scratch: scratch, floored: false)
        }
        self.init(plan, index: index)
    }

    /// The courses of the plan a starting state still needs, in the plan's order, when they are a plan for
    /// it that meets `goals`: a feasible plan, so the planner's answer is never worse (`Planner.floored`), and
    /// its hours bound that answer's from above without planning (`SuccessionBench`).
    ///
    /// Read backwards, a course is kept when it teaches a level the state lacks of a skill that a goal or a
    /// later kept course needs, or when a later kept course must come after it. That reads only what the role's
    /// plan can depend on (`RoleRelevance`), so a profile and its relevant state get the same floor. Then the
    /// kept courses are replayed: nil when one is completed already or cannot be taken at its place, or a goal
    /// stays unmet.
    func courses(level: (Int32) -> UInt8, isDone: (Int32) -> Bool, goals: some Sequence<(skill: Int32, need: UInt8)>, index: CatalogIndex) -> [Int32]? {
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

}
