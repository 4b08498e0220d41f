import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// The planner on mid-sized catalogs of every generated structure, against the obvious whole-catalog sweep:
/// each plan valid, `unmet` exactly the gap skills no sequence of allowed courses reaches, with the true
/// highest reachable level, and no mistake caught by the planner's own contract check.
@Suite struct PlannerScaleTests {
    @Test(arguments: CatalogStructure.allCases)
    func plansAreValidAndUnmetIsExact(structure: CatalogStructure) throws {
        let output = structure.generate(skills: 400, courses: 1_500, roles: 60, seed: 7)
        let catalog = try Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions)
        let planner = Planner(catalog: catalog)
        var random = SeededGenerator(seed: 99)
        var complete = 0
        for (number, question) in CatalogGenerator.questions(for: catalog, count: 40, seed: 5).enumerated() {
            var options = PlanOptions()
            if number % 4 == 1 { options.languages = ["en"] }
            if number % 4 == 2 { options.formats = ["video", "reading", "hands-on"] }
            if number % 4 == 3 { options.exclude = [random.pick(catalog.courses).id] }
            let plan = try planner.plan(profile: question.profile, targetRole: question.target, options: options)
            #expect(plan.contractViolations.isEmpty, "\(structure) question \(number): \(plan.contractViolations)")
            #expect(PlanReplay.problems(plan, catalog: catalog, profile: question.profile, options: options).isEmpty)

            let reachable = ReachOracle.levels(catalog: catalog, profile: question.profile, options: options)
            let gap = ReachOracle.gap(catalog: catalog, profile: question.profile, target: question.target, options: options)
            let expected = gap.filter { (reachable[$0.key] ?? 0) < $0.value }
            #expect(Set(plan.unmet.map(\.skill)) == Set(expected.keys), "\(structure) question \(number)")
            for entry in plan.unmet {
                #expect(entry.reachable == reachable[entry.skill] ?? 0, "\(structure) question \(number): \(entry.skill)")
            }
            if plan.complete { complete += 1 }
        }
        #expect(complete > 0, "\(structure): some questions should be answerable in full")
    }
}

/// A hostile catalog: one chain thousands of skills long, each course needing the skill before it. Nothing
/// in the planner may recurse once per link (a crafted catalog would overflow the stack of the thread).
@Suite struct LongChainTests {
    @Test func aChainThousandsLongIsPlannedWithoutRecursingPerLink() throws {
        let length = 2_500
        let skills = (0..<length).map { Skill(id: "s\($0)", name: "S\($0)") }
        let courses = (0..<length).map { number in
            Course(id: "c\(number)", title: "C\(number)", format: "video", hours: Quantity(1), teaches: [SkillLevel(skill: "s\(number)", level: 1)],
                   requires: number == 0 ? [] : [SkillLevel(skill: "s\(number - 1)", level: 1)])
        }
        let role = Role(id: "end", title: "End", requires: [RoleRequirement(skill: "s\(length - 1)", level: 1)])
        let catalog = try Catalog(skills: skills, courses: courses, roles: [role])
        let plan = try Planner(catalog: catalog).plan(profile: Profile(), targetRole: "end")
        #expect(plan.steps.count == length)
        #expect(plan.complete)
        #expect(plan.contractViolations.isEmpty)
        #expect(PlanReplay.problems(plan, catalog: catalog, profile: Profile()).isEmpty)
    }
}
