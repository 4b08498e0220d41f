import SkillPathCore
import SkillPathProtocol
import SkillPathFixtures
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The planner against brute force on many small seeded catalogs: every plan valid, the unmet set exactly
/// the unreachable goals, and the plan's cost equal to the true optimum whenever it claims optimality.
@Suite struct PlannerOptimalityTests {
    @Test(arguments: 0..<400)
    func matchesExhaustiveSearch(seed: Int) throws {
        let testCase = RandomCatalog.make(seed: UInt64(seed))
        let planner = Planner(catalog: testCase.catalog)
        let plan = try planner.plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options)
        expectValidPlan(plan, catalog: testCase.catalog, profile: testCase.profile, options: testCase.options)

        let oracle = ExhaustiveOracle(catalog: testCase.catalog, profile: testCase.profile, target: testCase.target, options: testCase.options)
        let answer = oracle.solve()
        #expect(Set(plan.unmet.map(\.skill)) == answer.unreachable)
        let planKey = oracle.key(plan.steps.map { testCase.catalog.course($0.course)! })
        #expect(plan.optimal, "small cases must be solved exactly")
        #expect(planKey == answer.bestKey, "seed \(seed): planner \(planKey) vs optimum \(String(describing: answer.bestKey))")
    }

    @Test(arguments: 0..<150)
    func respectsABudgetOrSaysWhatItLeftOut(seed: Int) throws {
        var testCase = RandomCatalog.make(seed: UInt64(10_000 + seed))
        var random = SeededGenerator(seed: UInt64(seed))
        testCase.options.maxCost = Quantity(random.int(in: 0...8) * 50)
        let plan = try Planner(catalog: testCase.catalog).plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options)
        expectValidPlan(plan, catalog: testCase.catalog, profile: testCase.profile, options: testCase.options)
        #expect(plan.totals.cost <= testCase.options.maxCost!)
        let oracle = ExhaustiveOracle(catalog: testCase.catalog, profile: testCase.profile, target: testCase.target, options: testCase.options)
        let answer = oracle.solve()
        let overBudget = plan.unmet.filter { $0.reason == .overBudget }
        if answer.bestKey != nil {
            // A plan reaching everything reachable fits the budget: nothing may be left out for money.
            #expect(overBudget.isEmpty)
            #expect(oracle.key(plan.steps.map { testCase.catalog.course($0.course)! }) == answer.bestKey)
        } else {
            #expect(!overBudget.isEmpty, "seed \(seed): no plan fits, so some skill must be reported over budget")
        }
    }

    /// Preferred formats and languages rule nothing out: the plan reaches what the catalog reaches, spends
    /// the fewest hours outside the preferences any plan can, then is the cheapest such plan; each step
    /// outside says so, and no step inside does.
    @Test(arguments: 0..<300)
    func preferencesOrderAndNeverCut(seed: Int) throws {
        var testCase = RandomCatalog.make(seed: UInt64(20_000 + seed))
        var random = SeededGenerator(seed: UInt64(seed))
        testCase.options.formats = nil
        testCase.options.languages = nil
        let unpreferred = ExhaustiveOracle(catalog: testCase.catalog, profile: testCase.profile, target: testCase.target, options: testCase.options).solve()
        testCase.options.preferredFormats = Set([random.pick(["video", "reading", "hands-on"])] + (random.chance(0.4) ? [random.pick(["video", "reading"])] : []))
        if random.chance(0.3) { testCase.options.preferredLanguages = [random.pick(["en", "de", "fr"])] }
        let plan = try Planner(catalog: testCase.catalog).plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options)
        expectValidPlan(plan, catalog: testCase.catalog, profile: testCase.profile, options: testCase.options)
        let oracle = ExhaustiveOracle(catalog: testCase.catalog, profile: testCase.profile, target: testCase.target, options: testCase.options)
        let answer = oracle.solve()
        #expect(Set(plan.unmet.map(\.skill)) == unpreferred.unreachable, "seed \(seed): a preference never leaves a skill open")
        let courses = plan.steps.map { testCase.catalog.course($0.course)! }
        #expect(plan.optimal)
        #expect(oracle.key(courses) == answer.bestKey, "seed \(seed): planner \(oracle.key(courses)) vs optimum \(String(describing: answer.bestKey))")
        for (step, course) in zip(plan.steps, courses) {
            #expect((step.outsidePreferences != nil) == !oracle.preferred(course), "seed \(seed): \(step.course) \(step.outsidePreferences ?? "inside")")
        }
    }

    @Test func sameInputGivesTheSamePlanByteForByte() throws {
        for seed in 0..<50 {
            let testCase = RandomCatalog.make(seed: UInt64(seed))
            let first = try Planner(catalog: testCase.catalog).plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options)
            let second = try Planner(catalog: testCase.catalog).plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options)
            #expect(JSONWriter.string(first.json) == JSONWriter.string(second.json))
        }
    }
}
