import SkillPathCore
import Testing

/// Replays a plan step by step as the contract states it, recording an issue for every broken rule.
func expectValidPlan(_ plan: Plan, catalog: Catalog, profile: Profile, options: PlanOptions, sourceLocation: SourceLocation = #_sourceLocation) {
    var levels: [String: Int] = [:]
    for entry in profile.skills { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
    var done = Set(profile.completed)
    for id in profile.completed {
        for entry in catalog.course(id)?.teaches ?? [] { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
    }
    for (position, step) in plan.steps.enumerated() {
        guard let course = catalog.course(step.course) else {
            Issue.record("step \(position + 1): unknown course \(step.course)", sourceLocation: sourceLocation)
            continue
        }
        #expect(!done.contains(course.id), "step \(position + 1): \(course.id) already done", sourceLocation: sourceLocation)
        #expect(!options.exclude.contains(course.id), "step \(position + 1): \(course.id) is excluded", sourceLocation: sourceLocation)
        if let formats = options.formats { #expect(formats.contains(course.format), sourceLocation: sourceLocation) }
        if let languages = options.languages { #expect(languages.contains(course.language), sourceLocation: sourceLocation) }
        for requirement in course.requires {
            #expect((levels[requirement.skill] ?? 0) >= requirement.level,
                    "step \(position + 1): \(course.id) needs \(requirement.skill) \(requirement.level)", sourceLocation: sourceLocation)
        }
        for prior in course.after {
            #expect(done.contains(prior), "step \(position + 1): \(course.id) must come after \(prior)", sourceLocation: sourceLocation)
        }
        for entry in course.teaches { levels[entry.skill] = max(levels[entry.skill] ?? 0, entry.level) }
        done.insert(course.id)
    }
    let unmet = Set(plan.unmet.map(\.skill))
    for entry in plan.gap where !unmet.contains(entry.skill) {
        #expect((levels[entry.skill] ?? 0) >= entry.need, "gap skill \(entry.skill) not reached", sourceLocation: sourceLocation)
    }
    #expect(plan.totals.courses == plan.steps.count, sourceLocation: sourceLocation)
    #expect(plan.totals.hours == plan.steps.reduce(.zero) { $0 + $1.hours }, sourceLocation: sourceLocation)
    #expect(plan.totals.cost == plan.steps.reduce(.zero) { $0 + $1.cost }, sourceLocation: sourceLocation)
}
