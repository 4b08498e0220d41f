import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// The planner against brute force on small catalogs built to break it (`HostileCatalog`): unteachable top
/// levels, self-requiring courses, experience-only requirements, many teachers per level, multi-skill
/// courses and chains, each knob varied by seed. Every plan must be valid, its `unmet` list exactly right
/// (skills, reachable levels and reasons), and optimal.
@Suite struct PlannerHostileTests {
    @Test(arguments: 0..<300)
    func matchesBruteForce(seed: Int) throws {
        let testCase = HostileCatalog.make(seed: UInt64(seed), knobs: .varied(seed: UInt64(seed)))
        let catalog = testCase.catalog
        let plan = try Planner(catalog: catalog).plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options)
        #expect(plan.contractViolations.isEmpty, "seed \(seed): \(plan.contractViolations)")
        expectValidPlan(plan, catalog: catalog, profile: testCase.profile, options: testCase.options)

        let oracle = ExhaustiveOracle(catalog: catalog, profile: testCase.profile, target: testCase.target, options: testCase.options)
        let answer = oracle.solve()
        #expect(Set(plan.unmet.map(\.skill)) == answer.unreachable, "seed \(seed)")
        #expect(plan.complete == answer.unreachable.isEmpty)
        let reachable = ReachOracle.levels(catalog: catalog, profile: testCase.profile, options: testCase.options)
        for entry in plan.unmet {
            #expect(entry.reachable == reachable[entry.skill] ?? 0, "seed \(seed): reachable level of \(entry.skill)")
            let teachers = catalog.courses.filter { $0.teaches.contains { $0.skill == entry.skill && $0.level >= entry.need } }
            let allowed = teachers.filter { oracle.allowed($0) }
            let expected: UnmetReason = teachers.isEmpty ? .noCourse : allowed.isEmpty ? .excluded : .unreachablePrerequisites
            #expect(entry.reason == expected, "seed \(seed): reason for \(entry.skill): \(entry.detail)")
        }
        let planKey = oracle.key(plan.steps.compactMap { catalog.course($0.course) })
        #expect(plan.optimal, "seed \(seed): small cases must be solved exactly")
        #expect(planKey == answer.bestKey, "seed \(seed): planner \(planKey) vs optimum \(String(describing: answer.bestKey))")
    }

    @Test(arguments: 0..<100)
    func aBudgetOnHostileCatalogsKeepsPlansValid(seed: Int) throws {
        var testCase = HostileCatalog.make(seed: UInt64(50_000 + seed), knobs: .varied(seed: UInt64(seed)))
        var random = SeededGenerator(seed: UInt64(seed))
        testCase.options.maxCost = Quantity(random.int(in: 0...8) * 50)
        let plan = try Planner(catalog: testCase.catalog).plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options)
        #expect(plan.contractViolations.isEmpty, "seed \(seed): \(plan.contractViolations)")
        expectValidPlan(plan, catalog: testCase.catalog, profile: testCase.profile, options: testCase.options)
        #expect(plan.totals.cost <= testCase.options.maxCost ?? .zero)
    }
}
