/// A skill a plan must bring to a level.
struct Goal: Sendable, Hashable {
    var skill: Int32
    var need: UInt8
    var importance: RoleRequirement.Importance
    /// The role asking for it.
    var role: Int32
}

/// One planning question in catalog numbers: where the employee starts, what they must reach, and which
/// courses they may take. Built from a profile by `Planner`, or from an intermediate state by routes.
struct PlanningProblem: Sendable {
    /// Starting levels of the skills the employee has; absent skills are 0.
    var levels: [Int32: UInt8]
    var filter: CourseFilter
    var target: Int32
    var current: Int32?
    /// Gap skills in the order they are reported: the target's requirements first, in its order.
    var goals: [Goal]
    /// The number of the plan's first step, as its reasons cite it ("Prerequisite for step 3"): 1, except
    /// in a route's later hops, whose steps are numbered on from the hops before.
    var firstStepNumber = 1
    /// The learner's preferred formats and languages, which order the courses without ruling any out.
    var preference: CoursePreference?

    func level(_ skill: Int32) -> UInt8 {
        levels[skill] ?? 0
    }

    var done: Set<Int32> { filter.done }

    /// The goals for a target role (and the current role, with `keepCurrentRole`) from a starting state.
    static func goals(
        index: CatalogIndex, target: Int32, current: Int32?, options: PlanOptions, levels: [Int32: UInt8]
    ) -> [Goal] {
        var goals: [Goal] = []
        var position: [Int32: Int] = [:]
        func add(role: Int32) {
            for requirement in index.roleRequirements[role] where requirement.essential || options.includeOptional {
                guard (levels[requirement.skill] ?? 0) < requirement.level else { continue }
                let importance: RoleRequirement.Importance = requirement.essential ? .essential : .optional
                if let existing = position[requirement.skill] {
                    goals[existing].need = max(goals[existing].need, requirement.level)
                    if importance == .essential { goals[existing].importance = .essential }
                } else {
                    position[requirement.skill] = goals.count
                    goals.append(Goal(skill: requirement.skill, need: requirement.level, importance: importance, role: role))
                }
            }
        }
        add(role: target)
        if options.keepCurrentRole, let current, current != target { add(role: current) }
        return goals
    }
}
