public import SkillPathCore

/// Replays a plan step by step as the planning contract states it and lists every broken rule, so that
/// plans from the library, the CLI or the daemon are all checked against the same independent reading.
public enum PlanReplay {
    public static func problems(_ plan: Plan, catalog: Catalog, profile: Profile, options: PlanOptions = PlanOptions()) -> [String] {
        var problems: [String] = []
        var levels: [String: Int] = [:]
        for entry in profile.skills { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
        var done = Set(profile.completed)
        for id in profile.completed {
            for entry in catalog.course(id)?.teaches ?? [] { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
        }
        for (position, step) in plan.steps.enumerated() {
            let label = "step \(position + 1) (\(step.course))"
            guard let course = catalog.course(step.course) else {
                problems.append("\(label): no such course")
                continue
            }
            if done.contains(course.id) { problems.append("\(label): already done") }
            if options.exclude.contains(course.id) { problems.append("\(label): excluded") }
            if let formats = options.formats, !formats.contains(course.format) { problems.append("\(label): format not allowed") }
            if let languages = options.languages, !languages.contains(course.language) { problems.append("\(label): language not allowed") }
            for requirement in course.requires where (levels[requirement.skill] ?? 0) < requirement.level {
                problems.append("\(label): needs \(requirement.skill) \(requirement.level), has \(levels[requirement.skill] ?? 0)")
            }
            for prior in course.after where !done.contains(prior) { problems.append("\(label): must come after \(prior)") }
            for entry in course.teaches { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
            done.insert(course.id)
        }
        let unmet = Set(plan.unmet.map(\.skill))
        for entry in plan.gap where !unmet.contains(entry.skill) && (levels[entry.skill] ?? 0) < entry.need {
            problems.append("gap skill \(entry.skill) not reached (\(levels[entry.skill] ?? 0) of \(entry.need))")
        }
        if plan.totals.courses != plan.steps.count { problems.append("totals.courses is wrong") }
        if plan.totals.hours != plan.steps.reduce(.zero, { $0 + $1.hours }) { problems.append("totals.hours is wrong") }
        if plan.totals.cost != plan.steps.reduce(.zero, { $0 + $1.cost }) { problems.append("totals.cost is wrong") }
        return problems
    }
}
