/// Finds the allowed courses that could contribute to a set of goals, by walking the prerequisite graph
/// backwards: the courses teaching each goal, the courses teaching their entry requirements, the courses they
/// must come after, and so on.
///
/// Everything outside this set is irrelevant to the plan, so the solvers only ever see a few hundred courses
/// of a catalog of a hundred thousand. Lower target levels widen the set (more courses teach level 2 than
/// level 4), so a skill is expanded again when it is asked for at a lower level than before.
enum RelevantCourses {
    static func collect(index: CatalogIndex, goals: [(skill: Int32, need: UInt8)], problem: PlanningProblem) -> [Int32] {
        var lowestExpanded: [Int32: UInt8] = [:]
        var included = Set<Int32>()
        var pendingTargets = goals
        var pendingCourses: [Int32] = []

        func include(_ course: Int32) {
            guard problem.filter.allows(course), included.insert(course).inserted else { return }
            pendingCourses.append(course)
        }

        while !pendingTargets.isEmpty || !pendingCourses.isEmpty {
            while let target = pendingTargets.popLast() {
                guard problem.level(target.skill) < target.need else { continue }
                let previous = lowestExpanded[target.skill] ?? UInt8.max
                guard target.need < previous else { continue }
                lowestExpanded[target.skill] = target.need
                for teacher in index.teachers[target.skill] where teacher.level >= target.need && teacher.level < previous {
                    include(teacher.course)
                }
            }
            while let course = pendingCourses.popLast() {
                for entry in index.requires[course] where problem.level(entry.skill) < entry.level {
                    pendingTargets.append((entry.skill, entry.level))
                }
                for prior in index.after[course] where !problem.done.contains(prior) {
                    include(prior)
                }
            }
        }
        return included.sorted()
    }
}
