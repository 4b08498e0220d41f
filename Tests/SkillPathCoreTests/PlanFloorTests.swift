import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// More skills never make a plan longer: whatever a profile holds, its default plan to a role takes no more
/// hours than the plan from no skills at all, when that plan closes the whole gap (then every gap skill is
/// reachable from any profile). The search alone does not promise it — a default-effort search is not
/// exhaustive — so the planner floors its answer with the plan from no skills less what the profile holds,
/// and succession benches rely on that bound to band people without planning them.
///
/// Checked on small hostile catalogs, and on generated catalogs of every structure with a search cut short
/// (`searchWork: 1`: the greedy answer), which without the floor is longer than the plan from no skills for
/// some of these profiles.
@Suite struct PlanFloorTests {
    static func check(_ planner: Planner, roles: [Role], profiles: () -> Profile, label: String) throws {
        let catalog = planner.catalog
        for role in roles {
            let scratch = try Planner(catalog: catalog).plan(profile: Profile(), targetRole: role.id)
            guard scratch.complete else { continue }
            for _ in 0..<5 {
                let profile = profiles()
                let plan = try planner.plan(profile: profile, targetRole: role.id)
                #expect(plan.complete, "\(label) \(role.id)")
                #expect(plan.totals.hours <= scratch.totals.hours, "\(label) \(role.id): \(plan.totals.hours) h, \(scratch.totals.hours) h from no skills")
                #expect(PlanReplay.problems(plan, catalog: catalog, profile: profile).isEmpty, "\(label) \(role.id)")
            }
        }
    }

    @Test(arguments: 1...200) func onHostileCatalogs(seed: Int) throws {
        let catalog = HostileCatalog.make(seed: UInt64(seed), knobs: .varied(seed: UInt64(seed))).catalog
        var generator = SeededGenerator(seed: UInt64(seed))
        try Self.check(Planner(catalog: catalog), roles: catalog.roles, profiles: {
            Profile(skills: catalog.skills.compactMap { skill in generator.int(in: 0...1) == 0 ? SkillLevel(skill: skill.id, level: generator.int(in: 0...5)) : nil })
        }, label: "seed \(seed)")
    }

    @Test(arguments: CatalogStructure.allCases) func onGeneratedCatalogsWithTheSearchCutShort(structure: CatalogStructure) throws {
        let output = structure.generate(skills: 100, courses: 400, roles: 30, seed: 5)
        let catalog = try Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions)
        let questions = CatalogGenerator.questions(for: catalog, count: 200, seed: 3)
        var next = 0
        try Self.check(Planner(catalog: catalog, searchWork: 1), roles: catalog.roles, profiles: {
            next += 1
            return questions[next % questions.count].profile
        }, label: structure.rawValue)
    }
}
