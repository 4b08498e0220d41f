extension Planner {
    /// The default and largest number of transitions a route may take.
    public static let defaultMaxHops = 4

    /// Finds the route from the profile's current role to `targetRole` whose plans add up to the least of the
    /// objective, hop by hop, with skills carried forward.
    ///
    /// Roles that cannot reach the target within `maxHops` transitions are never expanded. Among the rest the
    /// search is best-first by accumulated cost: each role is settled the first time it is reached cheapest.
    /// Because a hop's cost depends on what earlier hops taught, this is exact for the first hop and a close
    /// heuristic beyond it (docs/planning.md). A hop whose role needs a skill no allowed course can reach is
    /// not taken.
    public func route(profile: Profile, targetRole: String, options: PlanOptions = PlanOptions(), maxHops: Int = Planner.defaultMaxHops, strict: Bool = true) throws(PlanningError) -> Route {
        guard let current = profile.role else {
            throw PlanningError(.noCurrentRole, field: "profile.role", "a route starts from the profile's current role, and none is given")
        }
        guard (1...10).contains(maxHops) else {
            throw PlanningError(.invalidOption, field: "maxHops", "must be between 1 and 10, got \(maxHops)")
        }
        try checkSchedule(options)
        var hopOptions = options
        hopOptions.keepCurrentRole = false
        hopOptions.hoursPerWeek = nil
        hopOptions.deadline = nil
        hopOptions.maxCost = nil
        let start = try resolve(profile: profile, targetRole: targetRole, options: hopOptions, strict: strict)
        let index = catalog.index
        let target = start.target
        guard let origin = start.current else {
            throw unknown(.unknownRole, field: "profile.role", id: current, kind: "role", among: catalog.roles.lazy.map(\.id))
        }
        let empty = Plan.Totals(hours: .zero, cost: .zero, currency: catalog.currency, courses: 0)
        var result = Route(from: current, to: targetRole, found: false, hops: [], totals: empty, schedule: nil, reason: nil, optimal: true)
        if origin == target {
            result.found = true
            return result
        }

        let distance = hopsToTarget(target, limit: maxHops)
        guard let originDistance = distance[origin], originDistance <= maxHops else {
            result.reason = "no sequence of at most \(maxHops) transition\(maxHops == 1 ? "" : "s") leads from '\(current)' to '\(targetRole)'"
            return result
        }

        struct Label {
            /// The weighted gap in hundredths, so that equal gaps tie exactly.
            var key: (gap: Int64, primary: Int64, secondary: Int64, hops: Int, role: Int32)
            var problem: PlanningProblem
            var hops: [Route.Hop]
        }
        var frontier: [Label] = [Label(key: (0, 0, 0, 0, origin), problem: start, hops: [])]
        var settled = Set<Int32>()
        var blockedHops: [String] = []
        while let next = frontier.indices.min(by: { frontier[$0].key < frontier[$1].key }) {
            let label = frontier.remove(at: next)
            let role = label.key.role
            guard settled.insert(role).inserted else { continue }
            if role == target {
                return finish(result, hops: label.hops, options: options)
            }
            for move in index.movesFrom[role] where !settled.contains(move.role) {
                guard let remaining = distance[move.role], label.key.hops + 1 + remaining <= maxHops else { continue }
                var problem = label.problem
                problem.target = move.role
                problem.current = role
                problem.goals = PlanningProblem.goals(index: index, target: move.role, current: nil, options: hopOptions, levels: problem.levels)
                // Reasons cite steps by their number across the whole route.
                problem.firstStepNumber = 1 + label.hops.reduce(0) { $0 + $1.plan.steps.count }
                let plan = plan(problem, options: hopOptions)
                // A gap the options or the prerequisites keep open blocks the hop; one no course in the
                // catalog could close is the catalog's silence, and the hop is taken as a gap.
                if plan.unmet.contains(where: { $0.reason != .noCourse }) {
                    blockedHops.append("'\(catalog.roles[Int(role)].id)' → '\(catalog.roles[Int(move.role)].id)' needs \(Text.list(plan.unmet.map { "\($0.name) \($0.need)" }))")
                    continue
                }
                let (from, to) = (catalog.roles[Int(role)], catalog.roles[Int(move.role)])
                let importance = Route.importance(in: to)
                let missing = plan.unmet.map { (skill: $0.skill, levels: max(0, $0.need - max($0.have, $0.reachable))) }
                let gap = missing.reduce(0) { $0 + $1.levels }
                let weight = missing.reduce(0.0) { $0 + Double($1.levels) * importance($1.skill) }
                let hop = Route.Hop(
                    from: from.id, to: to.id, fromTitle: from.title, toTitle: to.title, kind: move.kind, plan: plan, gapLevels: gap, gapWeight: weight)
                frontier.append(Label(
                    key: (label.key.gap + Int64((weight * 100).rounded()), label.key.primary + primary(plan, options.objective), label.key.secondary + secondary(plan, options.objective),
                          label.key.hops + 1, move.role),
                    problem: advanced(problem, by: plan), hops: label.hops + [hop]))
            }
        }
        result.reason = "every route is blocked by skills the allowed courses cannot reach: " + blockedHops.prefix(3).joined(separator: "; ")
        return result
    }

    /// Breadth-first over reversed transitions: how many hops each role is from the target.
    func hopsToTarget(_ target: Int32, limit: Int) -> [Int32: Int] {
        var reverse: [Int32: [Int32]] = [:]
        for from in 0..<catalog.roles.count {
            for move in catalog.index.movesFrom[from] { reverse[move.role, default: []].append(Int32(from)) }
        }
        var distance: [Int32: Int] = [target: 0]
        var queue = [target]
        var head = 0
        while head < queue.count {
            let role = queue[head]
            head += 1
            let hops = distance[role, default: 0]
            guard hops < limit else { continue }
            for previous in reverse[role] ?? [] where distance[previous] == nil {
                distance[previous] = hops + 1
                queue.append(previous)
            }
        }
        return distance
    }

    /// The state after completing a hop's plan: its courses done, its skills raised.
    func advanced(_ problem: PlanningProblem, by plan: Plan) -> PlanningProblem {
        var next = problem
        var done = problem.filter.done
        for step in plan.steps {
            // A plan's steps are this catalog's courses; one it does not know would change nothing.
            guard let course = catalog.index.courseNumbers[step.course] else { continue }
            done.insert(course)
            for entry in catalog.index.teaches[course] where next.level(entry.skill) < entry.level {
                next.levels[entry.skill] = entry.level
            }
        }
        // A level no course provides counts once along a route: past the hop, the person is taken to have
        // grown into the role's level on the job.
        for missing in plan.unmet {
            guard let skill = catalog.index.skillNumbers[missing.skill], next.level(skill) < missing.need else { continue }
            next.levels[skill] = UInt8(clamping: missing.need)
        }
        let filter = problem.filter
        next.filter = CourseFilter(
            index: filter.index, done: done, excluded: filter.excluded, formats: filter.formats, languages: filter.languages, providers: filter.providers)
        return next
    }

    func primary(_ plan: Plan, _ objective: PlanOptions.Objective) -> Int64 {
        objective == .hours ? plan.totals.hours.hundredths : plan.totals.cost.hundredths
    }

    func secondary(_ plan: Plan, _ objective: PlanOptions.Objective) -> Int64 {
        objective == .hours ? plan.totals.cost.hundredths : plan.totals.hours.hundredths
    }

    /// Totals the hops and schedules them back to back at the learner's pace.
    func finish(_ route: Route, hops: [Route.Hop], options: PlanOptions) -> Route {
        var result = route
        result.found = true
        result.hops = hops
        result.gapLevels = hops.reduce(0) { $0 + $1.gapLevels }
        result.gapWeight = hops.reduce(0) { $0 + $1.gapWeight }
        let steps = hops.flatMap(\.plan.steps)
        result.totals = Plan.Totals(
            hours: steps.reduce(.zero) { $0 + $1.hours }, cost: steps.reduce(.zero) { $0 + $1.cost }, currency: catalog.currency,
            courses: steps.count)
        result.optimal = hops.allSatisfy(\.plan.optimal) && hops.count <= 1
        if let pace = options.hoursPerWeek, let start = options.startDate {
            var flat = steps
            let schedule = PlanAssembler.schedule(&flat, pace: pace, start: start, deadline: options.deadline, complete: true)
            var cursor = 0
            for hop in result.hops.indices {
                for step in result.hops[hop].plan.steps.indices {
                    result.hops[hop].plan.steps[step] = flat[cursor]
                    cursor += 1
                }
            }
            result.schedule = schedule
        }
        return result
    }
}
