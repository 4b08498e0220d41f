import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// Replays a plan step by step as the contract states it, recording an issue for every broken rule.
func expectValidPlan(_ plan: Plan, catalog: Catalog, profile: Profile, options: PlanOptions, sourceLocation: SourceLocation = #_sourceLocation) {
    for problem in PlanReplay.problems(plan, catalog: catalog, profile: profile, options: options) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}
