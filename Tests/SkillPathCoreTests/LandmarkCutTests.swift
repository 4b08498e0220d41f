@testable import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// The landmark cut is a lower bound succession benches band people by without planning them: it must never
/// exceed the hours of the cheapest plan that closes every reachable gap (else a person would be banded
/// later than their plan says), and it must be tight enough to be worth its price.
///
/// Checked against brute force (`ExhaustiveOracle`: every subset of the catalog's courses) on small hostile
/// and random catalogs, and on a hand-worked catalog where the cover bound sees less than half of the plan.
@Suite struct LandmarkCutTests {
    static func cut(_ catalog: Catalog, _ profile: Profile, to target: String) -> Int64? {
        let index = catalog.index
        guard let role = index.roleNumbers[target], let relaxation = RoleRelaxation(role: role, index: index) else { return nil }
        var levels: [Int32: UInt8] = [:]
        for entry in profile.skills {
            if let skill = index.skillNumbers[entry.skill] { levels[skill] = max(levels[skill] ?? 0, UInt8(entry.level)) }
        }
        let done = Set(profile.completed.compactMap { index.courseNumbers[$0] }).sorted()
        return LandmarkCut(relaxation: relaxation).bound(level: { levels[$0] ?? 0 }, done: done).hours
    }

    /// Never above the optimum; equal to it on most cases (a cut of zero everywhere would pass the first
    /// check alone).
    static func checkAgainstBruteForce(_ cases: [RandomCatalog.Case], label: String) throws {
        var exact = 0
        var compared = 0
        for (number, testCase) in cases.enumerated() {
            let oracle = ExhaustiveOracle(catalog: testCase.catalog, profile: testCase.profile, target: testCase.target, options: PlanOptions())
            guard let optimum = oracle.solve().bestKey?.primary else { continue }
            let cut = try #require(Self.cut(testCase.catalog, testCase.profile, to: testCase.target))
            #expect(cut <= optimum, "\(label) \(number): cut \(cut) above the cheapest plan's \(optimum) hundredths")
            compared += 1
            if cut == optimum { exact += 1 }
        }
        #expect(compared >= cases.count / 2, "\(label): too few cases with a plan to compare")
        #expect(exact * 10 >= compared * 7, "\(label): the cut met the optimum on only \(exact) of \(compared) cases")
    }

    @Test func neverAboveTheCheapestPlanOnHostileCatalogs() throws {
        let cases = (0..<300).map { seed in HostileCatalog.make(seed: UInt64(seed), knobs: .varied(seed: UInt64(seed))) }
        try Self.checkAgainstBruteForce(cases, label: "hostile")
    }

    @Test func neverAboveTheCheapestPlanOnRandomCatalogs() throws {
        let cases = (0..<200).map { seed in RandomCatalog.make(seed: UInt64(5_000 + seed)) }
        try Self.checkAgainstBruteForce(cases, label: "random")
    }

    /// Skill A to level 3 two ways: a1 (10 h) → a2 (20 h, needs A1) → a3 (30 h, needs A2), 60 hours; or a1,
    /// b1 (15 h) and a3x (40 h, needs A1 and B1), 65 hours. The cover bound sees 25 hours: the landmark A1 (the
    /// one level both teachers of A3 need) at a1's 10, and A3 at half of a3's 30 (a3 teaches A1 too). The cut
    /// finds 60, in four rounds: {a3, a3x} 30, {a2, a3x} 10, {a2, b1} 10, {a1} 10 (docs/planning.md works them).
    @Test func handWorkedCatalogWhereTheCoverBoundSeesLessThanHalf() throws {
        func course(_ id: String, _ hours: Int, teaches: String, _ level: Int, requires: [(String, Int)] = []) -> Course {
            Course(
                id: id, title: id, format: "video", hours: Quantity(hours), teaches: [SkillLevel(skill: teaches, level: level)],
                requires: requires.map { SkillLevel(skill: $0.0, level: $0.1) })
        }
        let catalog = try Catalog(
            skills: [Skill(id: "a", name: "A"), Skill(id: "b", name: "B")],
            courses: [
                course("a1", 10, teaches: "a", 1), course("a2", 20, teaches: "a", 2, requires: [("a", 1)]),
                course("a3", 30, teaches: "a", 3, requires: [("a", 2)]), course("b1", 15, teaches: "b", 1),
                course("a3x", 40, teaches: "a", 3, requires: [("a", 1), ("b", 1)]),
            ],
            roles: [Role(id: "r", title: "R", requires: [RoleRequirement(skill: "a", level: 3)])])
        #expect(Self.cut(catalog, Profile(), to: "r") == 6_000)
        let index = catalog.index
        let cover = index.roleCovers.cover(role: 0, index: index).estimate { _ in 0 }
        #expect(cover.lowerBound == 2_500)
        let plan = try Planner(catalog: catalog).plan(profile: Profile(), targetRole: "r")
        #expect(plan.totals.hours == Quantity(60))
        // Holding A at 1 leaves a2 and a3: 50 hours, and the cut finds all of them.
        #expect(Self.cut(catalog, Profile(skills: [SkillLevel(skill: "a", level: 1)]), to: "r") == 5_000)
    }
}
