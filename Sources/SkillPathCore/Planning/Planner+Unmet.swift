extension Planner {
    /// Says why a goal cannot be reached with the allowed courses, as precisely as the catalog allows.
    func unreachable(_ goal: Goal, reachable: UInt8, problem: PlanningProblem, graph: PlanningGraph, reach: Closure) -> Plan.UnmetSkill {
        let index = catalog.index
        let skill = catalog.skills[Int(goal.skill)]
        var entry = Plan.UnmetSkill(
            skill: skill.id, name: skill.name, have: Int(problem.level(goal.skill)), need: Int(goal.need), reachable: Int(reachable),
            reason: .noCourse, detail: "")
        let highest = index.highestTaughtLevel(goal.skill)
        if highest < goal.need {
            entry.detail = highest == 0
                ? "no course in the catalog teaches \(skill.name)"
                : "no course in the catalog teaches \(skill.name) above level \(highest)"
            return entry
        }
        let teachers = index.teachers[goal.skill].filter { $0.level >= goal.need }.map(\.course)
        let allowed = teachers.filter(problem.filter.allows)
        guard let first = allowed.first else {
            entry.reason = .excluded
            let listed = teachers.prefix(3).map { "'\(catalog.courses[Int($0)].id)' (\(problem.filter.reasonExcluded($0) ?? "excluded"))" }
            let more = teachers.count > 3 ? " and \(teachers.count - 3) more" : ""
            entry.detail = "every course teaching \(skill.name) at level \(goal.need) is excluded: \(listed.joined(separator: ", "))\(more)"
            return entry
        }
        entry.reason = .unreachablePrerequisites
        let local = graph.localSkills()
        var blockers: [String] = []
        for requirement in index.requires[first] {
            let level = local[requirement.skill].map { reach.levels[Int($0)] } ?? problem.level(requirement.skill)
            if level < requirement.level {
                blockers.append("\(catalog.skills[Int(requirement.skill)].name) level \(requirement.level) (reachable: \(level))")
            }
        }
        for prior in index.after[first] where !problem.done.contains(prior) {
            if let why = problem.filter.reasonExcluded(prior) {
                blockers.append("'\(catalog.courses[Int(prior)].id)' first (\(why))")
            } else if let number = graph.courses.firstIndex(of: prior), !reach.taken[number] {
                blockers.append("'\(catalog.courses[Int(prior)].id)' first (itself unreachable)")
            }
        }
        let others = allowed.count > 1 ? " (and the \(allowed.count - 1) other allowed course\(allowed.count == 2 ? "" : "s") teaching it are blocked too)" : ""
        entry.detail = "'\(catalog.courses[Int(first)].id)' teaches it but needs \(Text.list(blockers)), which the allowed courses cannot reach\(others)"
        return entry
    }
}
