@testable import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// The shortlist that keeps plans on "requirements from anywhere" catalogs fast (`ProviderShortlist`): its
/// table of costs from zero must be exactly h_max (checked against the obvious fixpoint), and the plans it
/// makes at the quick effort must stay valid, answer the same skills, never claim a proof they do not have,
/// and never cost twice what the whole walk's thorough search finds. (How much more they do cost is measured,
/// per structure, by `skillpath-bench quality --effort quick`: docs/planning.md.)
@Suite struct ProviderShortlistTests {
    /// h_max from zero the slow, obvious way: relax every course until nothing changes. `skill * 6 + level`.
    static func fixpoint(_ catalog: Catalog, weights: [Int64]) -> [Int64] {
        let index = catalog.index
        var reach = [Int64](repeating: .max, count: index.skillCount * 6)
        var course = [Int64](repeating: .max, count: index.courseCount)
        var changed = true
        while changed {
            changed = false
            for c in 0..<index.courseCount {
                var behind: Int64 = 0
                for entry in index.requires[Int32(c)] { behind = max(behind, reach[Int(entry.skill) * 6 + Int(entry.level)]) }
                for prior in index.after[Int32(c)] { behind = max(behind, course[Int(prior)]) }
                guard behind < .max else { continue }
                let total = behind + weights[c]
                guard total < course[c] else { continue }
                course[c] = total
                changed = true
                for entry in index.teaches[Int32(c)] {
                    for level in 1...Int(entry.level) where total < reach[Int(entry.skill) * 6 + level] { reach[Int(entry.skill) * 6 + level] = total }
                }
            }
        }
        return reach
    }

    static func checkZeroCosts(_ catalog: Catalog, label: String) {
        let index = catalog.index
        for objective in PlanOptions.Objective.allCases {
            let weights = objective == .hours ? index.hours : index.cost
            let expected = Self.fixpoint(catalog, weights: weights)
            let table = index.zeroCosts.costs(objective, index: index)
            for skill in 0..<Int32(index.skillCount) {
                for level in UInt8(1)...5 {
                    let want = expected[Int(skill) * 6 + Int(level)]
                    #expect(table.cost(skill, level) == want, "\(label) \(objective): \(catalog.skills[Int(skill)].id) level \(level)")
                }
            }
        }
    }

    @Test func zeroCostsAreTheFixpointOfHMax() throws {
        for seed in UInt64(0)..<300 {
            Self.checkZeroCosts(RandomCatalog.make(seed: seed, maxCourses: 14).catalog, label: "random \(seed)")
        }
        for structure in [CatalogStructure.ranked, .chained, .flat] {
            let output = structure.generate(skills: 200, courses: 600, roles: 20, seed: 3)
            Self.checkZeroCosts(try Catalog(skills: output.skills, courses: output.courses, roles: output.roles), label: "\(structure)")
        }
    }

    /// Whether planning the question walks more than the quick effort searches whole, so that the shortlist
    /// is what the plan used.
    static func isShortlisted(_ planner: Planner, _ profile: Profile, _ target: String) throws -> Bool {
        let problem = try planner.resolve(profile: profile, targetRole: target, options: PlanOptions(), strict: true)
        let index = planner.catalog.index
        return index.scratchPool.withScratch(index: index) { scratch in
            scratch.apply(levels: problem.levels, done: problem.done)
            let reachable = problem.goals.filter { scratch.reach.levels[Int($0.skill)] >= $0.need }
            return scratch.relevantGroups(targets: reachable.map { ($0.skill, $0.need) }, filter: CourseFilter(index: index), limit: Planner.shortlistAbove) == nil
        }
    }

    @Test(arguments: [CatalogStructure.ranked, .capped, .chained, .crowded])
    func quickPlansAreValidAndNeverFarFromTheWholeWalk(structure: CatalogStructure) throws {
        let output = structure.generate(skills: 1_000, courses: 3_000, roles: 60, seed: 11)
        let catalog = try Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions)
        let planner = Planner(catalog: catalog)
        var thorough = PlanOptions()
        thorough.effort = .thorough
        var quick = PlanOptions()
        quick.effort = .quick
        var (shortlisted, compared) = (0, 0)
        for (number, question) in CatalogGenerator.questions(for: catalog, count: 12, seed: 5, profileSizes: 5...40).enumerated() {
            let label = "\(structure) question \(number)"
            let plan = try planner.plan(profile: question.profile, targetRole: question.target, options: quick)
            if try Self.isShortlisted(planner, question.profile, question.target) {
                shortlisted += 1
                #expect(!plan.optimal, "\(label): a plan over a shortlist claims to be proven optimal")
            }
            #expect(plan.contractViolations.isEmpty, "\(label): \(plan.contractViolations)")
            #expect(PlanReplay.problems(plan, catalog: catalog, profile: question.profile, options: quick).isEmpty, "\(label)")
            #expect(try planner.plan(profile: question.profile, targetRole: question.target, options: quick) == plan, "\(label): not the same plan twice")
            let reference = try planner.plan(profile: question.profile, targetRole: question.target, options: thorough)
            #expect(plan.unmet.map(\.skill) == reference.unmet.map(\.skill), "\(label)")
            let (hours, best) = (plan.totals.hours.hundredths, reference.totals.hours.hundredths)
            #expect(hours <= best * 2, "\(label): \(hours) hundredths of hours against \(best) walking everything")
            compared += 1
        }
        #expect(shortlisted * 2 >= compared, "\(structure): only \(shortlisted) of \(compared) questions used the shortlist")
    }
}
