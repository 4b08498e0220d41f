/// The planner's check of its own answer, run on every plan before it is returned: an independent replay of
/// the contract in catalog numbers, sharing nothing with the search that built the plan.
///
/// Checked: each step is allowed (not completed before, not excluded, within the filters), appears once and
/// can be taken at its position; after the last step every gap skill is met or listed in `unmet`, and no
/// skill listed in `unmet` was in fact met.
enum PlanContract {
    static func violations(of plan: Plan, problem: PlanningProblem, catalog: Catalog) -> [String] {
        let index = catalog.index
        var problems: [String] = []
        var levels = problem.levels
        var taken = problem.done
        for (position, step) in plan.steps.enumerated() {
            let label = "step \(position + 1) '\(step.course)'"
            guard let course = index.courseNumbers[step.course] else {
                problems.append("\(label): no such course")
                continue
            }
            if let why = problem.filter.reasonExcluded(course) { problems.append("\(label): not allowed (\(why))") }
            if !taken.insert(course).inserted && !problem.done.contains(course) { problems.append("\(label): planned twice") }
            for requirement in index.requires[course] where (levels[requirement.skill] ?? 0) < requirement.level {
                problems.append("\(label): needs \(catalog.skills[Int(requirement.skill)].id) \(requirement.level), has \(levels[requirement.skill] ?? 0)")
            }
            for prior in index.after[course] where !taken.contains(prior) {
                problems.append("\(label): must come after '\(catalog.courses[Int(prior)].id)'")
            }
            for entry in index.teaches[course] where (levels[entry.skill] ?? 0) < entry.level { levels[entry.skill] = entry.level }
        }
        let unmet = Set(plan.unmet.map(\.skill))
        for goal in problem.goals {
            let id = catalog.skills[Int(goal.skill)].id
            let reached = levels[goal.skill] ?? 0
            if !unmet.contains(id) && reached < goal.need { problems.append("gap skill '\(id)' neither met (\(reached) of \(goal.need)) nor listed as unmet") }
            if unmet.contains(id) && reached >= goal.need { problems.append("gap skill '\(id)' listed as unmet but met by the plan") }
        }
        return problems
    }
}
