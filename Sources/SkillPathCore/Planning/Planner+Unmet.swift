extension Planner {
    /// Explains each gap skill no sequence of allowed courses can close: the highest level they can reach and
    /// why, naming the courses and requirements involved. Exact: with filters in force, the reachable levels
    /// come from a closure over every allowed course that could raise the skills concerned.
    func explainUnmet(_ goals: [Goal], problem: PlanningProblem, scratch: ReachScratch) -> [Plan.UnmetSkill] {
        guard !goals.isEmpty else { return [] }
        let index = catalog.index
        // The first allowed course able to teach each goal: the one whose blockers the detail names.
        let firstTeacher = goals.map { goal in
            index.teachers[goal.skill].first { $0.canProvide(goal.need) && problem.filter.allows($0.course) }?.course
        }
        var concerned = goals.map(\.skill)
        for course in firstTeacher.compactMap({ $0 }) { concerned += index.requires[course].map(\.skill) }
        let levels = reachableLevels(of: concerned, problem: problem, scratch: scratch)
        func level(_ skill: Int32) -> UInt8 { levels[skill] ?? scratch.reach.levels[Int(skill)] }

        return zip(goals, firstTeacher).map { goal, first in
            let skill = catalog.skills[Int(goal.skill)]
            var entry = Plan.UnmetSkill(
                skill: skill.id, name: skill.name, have: Int(problem.level(goal.skill)), need: Int(goal.need),
                reachable: Int(level(goal.skill)), reason: .noCourse, detail: "")
            let highest = index.highestTaughtLevel(goal.skill)
            if highest < goal.need {
                entry.detail = highest == 0
                    ? "no course in the catalog teaches \(skill.name)"
                    : "no course in the catalog teaches \(skill.name) above level \(highest)"
                return entry
            }
            let teachers = index.teachers[goal.skill].filter { $0.level >= goal.need }.map(\.course)
            let allowed = teachers.filter(problem.filter.allows)
            guard !allowed.isEmpty else {
                entry.reason = .excluded
                let listed = teachers.prefix(3).map { "'\(catalog.courses[Int($0)].id)' (\(problem.filter.reasonExcluded($0) ?? "excluded"))" }
                let more = teachers.count > 3 ? " and \(teachers.count - 3) more" : ""
                entry.detail = "every course teaching \(skill.name) at level \(goal.need) is excluded: \(listed.joined(separator: ", "))\(more)"
                return entry
            }
            entry.reason = .unreachablePrerequisites
            guard let first else {
                let course = catalog.courses[Int(allowed[0])]
                entry.detail = "'\(course.id)' teaches it but needs \(skill.name) at level \(goal.need) or more itself, and no allowed course teaches that level without needing it too"
                return entry
            }
            var blockers: [String] = []
            for requirement in index.requires[first] where level(requirement.skill) < requirement.level {
                blockers.append("\(catalog.skills[Int(requirement.skill)].name) level \(requirement.level) (reachable: \(level(requirement.skill)))")
            }
            for prior in index.after[first] where !problem.done.contains(prior) {
                if let why = problem.filter.reasonExcluded(prior) {
                    blockers.append("'\(catalog.courses[Int(prior)].id)' first (\(why))")
                } else if !scratch.reach.taken[Int(prior)] {
                    blockers.append("'\(catalog.courses[Int(prior)].id)' first (itself unreachable)")
                }
            }
            let others = allowed.count > 1 ? " (and the \(allowed.count - 1) other allowed course\(allowed.count == 2 ? "" : "s") teaching it are blocked too)" : ""
            let needs = blockers.isEmpty ? "prerequisites" : Text.list(blockers)
            entry.detail = "'\(catalog.courses[Int(first)].id)' teaches it but needs \(needs), which the allowed courses cannot reach\(others)"
            return entry
        }
    }

    /// The highest level allowed courses can bring each skill to, when filters are in force; empty without
    /// filters, where the profile's closure over the whole catalog already says it.
    ///
    /// Relevance from every level of each skill collects every allowed course that could raise it, and the
    /// closure over those is exact (a sequence raising a skill contains only such courses).
    func reachableLevels(of skills: [Int32], problem: PlanningProblem, scratch: ReachScratch) -> [Int32: UInt8] {
        guard problem.filter.restricts else { return [:] }
        scratch.clearRelevance()
        var targets: [(skill: Int32, level: UInt8)] = []
        for skill in Set(skills).sorted() {
            for level in UInt8(1)...UInt8(5) { targets.append((skill, level)) }
        }
        let graph = scratch.graph(courses: scratch.relevant(targets: targets, filter: problem.filter))
        let closure = graph.closure()
        var levels: [Int32: UInt8] = [:]
        for skill in skills { levels[skill] = scratch.start[Int(skill)] }
        for skill in skills {
            if let local = graph.localSkill(skill) { levels[skill] = closure.levels[Int(local)] }
        }
        return levels
    }
}
