/// Turns a chosen set of courses into a `Plan`: orders it, explains each step, schedules it and totals it.
struct PlanAssembler {
    let catalog: Catalog
    let problem: PlanningProblem
    let options: PlanOptions

    /// - Parameter order: catalog course numbers in the order they are taken.
    func assemble(order: [Int32], unmet: [Plan.UnmetSkill], optimal: Bool) -> Plan {
        var steps = explainedSteps(order)
        let schedule = schedule(&steps, complete: unmet.isEmpty)
        let goalPosition = Dictionary(problem.goals.enumerated().map { (catalog.skills[Int($1.skill)].id, $0) }, uniquingKeysWith: { first, _ in first })
        let target = catalog.roles[Int(problem.target)]
        return Plan(
            targetRole: target.id,
            targetTitle: target.title,
            currentRole: problem.current.map { catalog.roles[Int($0)].id },
            objective: options.objective,
            gap: problem.goals.map { goal in
                let skill = catalog.skills[Int(goal.skill)]
                return Plan.GapEntry(
                    skill: skill.id, name: skill.name, have: Int(problem.level(goal.skill)), need: Int(goal.need),
                    importance: goal.importance, role: catalog.roles[Int(goal.role)].id)
            },
            steps: steps,
            totals: Plan.Totals(
                hours: steps.reduce(.zero) { $0 + $1.hours }, cost: steps.reduce(.zero) { $0 + $1.cost },
                currency: catalog.currency, courses: steps.count),
            unmet: unmet.sorted { goalPosition[$0.skill, default: 0] < goalPosition[$1.skill, default: 0] },
            schedule: schedule,
            optimal: optimal,
            catalogVersion: catalog.version)
    }

    /// The steps with what each closes and which later steps need it.
    func explainedSteps(_ order: [Int32]) -> [Plan.Step] {
        let index = catalog.index
        var levels = problem.levels
        // For each skill, the steps that raised it, with the level reached: the first step reaching a level
        // is the one a later requirement depends on.
        var raisedBy: [Int32: [(step: Int, level: UInt8)]] = [:]
        var closes = [[SkillLevel]](repeating: [], count: order.count)
        for (step, course) in order.enumerated() {
            for entry in index.teaches[course] where entry.level > (levels[entry.skill] ?? 0) {
                let before = levels[entry.skill] ?? 0
                levels[entry.skill] = entry.level
                raisedBy[entry.skill, default: []].append((step, entry.level))
                for goal in problem.goals where goal.skill == entry.skill && before < goal.need && goal.need <= entry.level {
                    closes[step].append(SkillLevel(skill: catalog.skills[Int(goal.skill)].id, level: Int(goal.need)))
                }
            }
        }
        var neededBy = [[(step: Int, because: String)]](repeating: [], count: order.count)
        let stepOf = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (step, course) in order.enumerated() {
            for requirement in index.requires[course] where problem.level(requirement.skill) < requirement.level {
                guard let provider = raisedBy[requirement.skill]?.first(where: { $0.level >= requirement.level }), provider.step < step else { continue }
                neededBy[provider.step].append((step, "needs \(catalog.skills[Int(requirement.skill)].name) \(requirement.level)"))
            }
            for prior in index.after[course] {
                if let priorStep = stepOf[prior] { neededBy[priorStep].append((step, "must come after it")) }
            }
        }
        return order.enumerated().map { step, number in
            let course = catalog.courses[Int(number)]
            var dependents: [String] = []
            var reasons: [String] = []
            if !closes[step].isEmpty {
                let parts = closes[step].map { "\(catalog.skillName($0.skill)) (level \($0.level))" }
                reasons.append("Closes the gap in \(Text.list(parts))")
            }
            var seen = Set<Int>()
            for dependent in neededBy[step] where seen.insert(dependent.step).inserted {
                let later = Int(order[dependent.step])
                dependents.append(catalog.courses[later].id)
                reasons.append("Prerequisite for step \(dependent.step + problem.firstStepNumber), \"\(catalog.courses[later].title)\" (\(dependent.because))")
            }
            return Plan.Step(
                course: course.id, title: course.title, format: course.format, provider: course.provider, language: course.language,
                hours: course.hours, cost: course.cost, teaches: course.teaches, closes: closes[step], neededBy: dependents,
                reason: reasons.joined(separator: "; "), outsidePreferences: outsidePreferences(number, closes: closes[step]), start: nil, end: nil)
        }
    }

    /// For a course outside the learner's preferences: what is outside them, and why it is in the plan
    /// ("no video or reading course teaches Python 4", or, when preferred courses teach what it closes, that
    /// the search found no way with fewer hours outside the preferences).
    func outsidePreferences(_ course: Int32, closes: [SkillLevel]) -> String? {
        guard let preference = problem.preference, let outside = preference.outside(course) else { return nil }
        let untaught = closes.filter { closed in
            catalog.index.skillNumbers[closed.skill].map { !preference.taught($0, to: UInt8(clamping: closed.level)) } ?? false
        }
        let why = untaught.isEmpty
            ? "the plan found no way with fewer hours outside them"
            : "no \(preference.courseWords) teaches \(Text.list(untaught.map { "\(catalog.skillName($0.skill)) \($0.level)" }, conjunction: "or"))"
        return "\(outside) is outside the preferences (\(preference.courseWords)); \(why)"
    }

    func schedule(_ steps: inout [Plan.Step], complete: Bool) -> Plan.Schedule? {
        guard let pace = options.hoursPerWeek, let start = options.startDate else { return nil }
        return Self.schedule(&steps, pace: pace, start: start, deadline: options.deadline, complete: complete)
    }

    /// Dates each step, one course at a time, learning spread evenly over the week: a step starts on the day
    /// its first hour falls and ends on the day its last hour falls.
    /// A plan that leaves skills unmet never "meets" a deadline, however early its courses end.
    static func schedule(_ steps: inout [Plan.Step], pace: Quantity, start: CalendarDate, deadline: CalendarDate?, complete: Bool) -> Plan.Schedule {
        var elapsed: Int64 = 0
        var completion = start
        for position in steps.indices {
            let days = LearningDays.span(after: elapsed, hours: steps[position].hours.hundredths, pace: pace)
            elapsed += steps[position].hours.hundredths
            steps[position].start = start.adding(days: days.first)
            steps[position].end = start.adding(days: days.last)
            completion = start.adding(days: days.last)
        }
        return Plan.Schedule(
            startDate: start, hoursPerWeek: pace, estimatedCompletion: completion, deadline: deadline,
            coursesDoneByDeadline: deadline.map { completion <= $0 }, meetsDeadline: deadline.map { complete && completion <= $0 })
    }
}
