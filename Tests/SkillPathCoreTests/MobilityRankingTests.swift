@testable import SkillPathCore
import SkillPathFixtures
import Testing

/// Role suggestions and candidate rankings plan only the questions their lower bound cannot rule out. Here
/// they are checked against brute force, which plans every question: the complete part of the ranking must
/// be exactly the brute-force order (plan hours, then id), on every catalog structure, and the bound must
/// never exceed a plan's hours.
@Suite struct MobilityRankingTests {
    static func catalog(_ structure: CatalogStructure, seed: UInt64) throws -> Catalog {
        let output = structure.generate(skills: 100, courses: 400, roles: 50, seed: seed)
        return try Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions)
    }

    /// The complete plans of every role but the current one, best first.
    static func bruteForceSuggestions(_ planner: Planner, profile: Profile) throws -> [(id: String, hours: Int64)] {
        try planner.catalog.roles.filter { $0.id != profile.role }.compactMap { role in
            let plan = try planner.plan(profile: profile, targetRole: role.id, options: PlanOptions(), strict: false)
            return plan.complete ? (role.id, plan.totals.hours.hundredths) : nil
        }.sorted { $0.hours != $1.hours ? $0.hours < $1.hours : Text.precedes($0.id, $1.id) }
    }

    @Test(arguments: CatalogStructure.allCases)
    func suggestionsMatchPlanningEveryRole(structure: CatalogStructure) throws {
        let catalog = try Self.catalog(structure, seed: 11)
        let planner = Planner(catalog: catalog)
        for (number, question) in CatalogGenerator.questions(for: catalog, count: 6, seed: 5).enumerated() {
            let limit = [1, 5, 10][number % 3]
            let ranking = try planner.suggestRoles(for: question.profile, limit: limit)
            let expected = try Self.bruteForceSuggestions(planner, profile: question.profile)
            let complete = ranking.entries.filter(\.plan.complete).map { ($0.role.id, $0.plan.totals.hours.hundredths) }
            #expect(complete.map(\.0) == expected.prefix(limit).map(\.id), "\(structure) question \(number)")
            #expect(complete.map(\.1) == expected.prefix(limit).map(\.hours), "\(structure) question \(number)")
            #expect(ranking.entries.count == min(limit, catalog.roles.count - 1))
            // Complete plans first; incomplete ones only after them.
            if let firstIncomplete = ranking.entries.firstIndex(where: { !$0.plan.complete }) {
                #expect(ranking.entries[firstIncomplete...].allSatisfy { !$0.plan.complete })
            }
            #expect(ranking.planned <= ranking.considered)
        }
    }

    @Test(arguments: CatalogStructure.allCases)
    func candidatesMatchPlanningEveryone(structure: CatalogStructure) throws {
        let catalog = try Self.catalog(structure, seed: 23)
        let planner = Planner(catalog: catalog)
        let questions = CatalogGenerator.questions(for: catalog, count: 80, seed: 9)
        // Twins (the same skills in another role) and people with no skills share plans: the ranking plans
        // each such group once, and must still list and order every member by id.
        let twins = questions.prefix(30).enumerated().map { number, question in
            var profile = question.profile
            profile.role = catalog.roles[(number * 7) % catalog.roles.count].id
            return ("t\(number)", profile)
        }
        let blank = (0..<10).map { ("z\($0)", Profile(role: catalog.roles[$0 % catalog.roles.count].id)) }
        let people = questions.enumerated().map { ("p\($0.offset)", $0.element.profile) } + twins + blank
        for role in catalog.roles.prefix(5) {
            let ranking = try planner.rankCandidates(people, for: role.id, limit: 10)
            let expected = try people.compactMap { person -> (String, Int64)? in
                let plan = try planner.plan(profile: person.1, targetRole: role.id, options: PlanOptions(), strict: false)
                return plan.complete ? (person.0, plan.totals.hours.hundredths) : nil
            }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : Text.precedes($0.0, $1.0) }
            let complete = ranking.entries.filter(\.plan.complete)
            #expect(complete.map(\.id) == expected.prefix(10).map(\.0), "\(structure) role \(role.id)")
            #expect(complete.map(\.plan.totals.hours.hundredths) == expected.prefix(10).map(\.1), "\(structure) role \(role.id)")
        }
    }

    @Test(arguments: CatalogStructure.allCases)
    func theBoundNeverExceedsAPlan(structure: CatalogStructure) throws {
        let catalog = try Self.catalog(structure, seed: 31)
        let planner = Planner(catalog: catalog)
        for question in CatalogGenerator.questions(for: catalog, count: 4, seed: 3) {
            for role in catalog.roles {
                let plan = try planner.plan(profile: question.profile, targetRole: role.id, options: PlanOptions(), strict: false)
                let problem = try planner.resolve(profile: question.profile, targetRole: role.id, options: PlanOptions(), strict: false)
                let number = try #require(catalog.index.roleNumbers[role.id])
                let estimate = catalog.index.roleCovers.cover(role: number, index: catalog.index).estimate(level: problem.level)
                if plan.complete {
                    #expect(estimate.unclosable == 0, "\(role.id): a complete plan exists, so every requirement has a course")
                    #expect(estimate.lowerBound <= Double(plan.totals.hours.hundredths) + 1e-6, "\(role.id): bound \(estimate.lowerBound) > plan \(plan.totals.hours)")
                }
                if estimate.unclosable > 0 { #expect(!plan.complete, "\(role.id): the bound says a skill has no course") }
            }
        }
    }

    /// Hand-worked: a course covering two of three unmet requirements shares its hours between them.
    @Test func theBoundSharesACourseAmongTheRequirementsItCloses() throws {
        let catalog = try Catalog(
            skills: ["a", "b", "c"].map { Skill(id: $0, name: $0.uppercased()) },
            courses: [
                Course(id: "ab", title: "AB", format: "video", hours: Quantity(10), teaches: [SkillLevel(skill: "a", level: 2), SkillLevel(skill: "b", level: 2)]),
                Course(id: "c", title: "C", format: "video", hours: Quantity(4), teaches: [SkillLevel(skill: "c", level: 1)]),
                Course(id: "a-only", title: "A", format: "video", hours: Quantity(7), teaches: [SkillLevel(skill: "a", level: 2)]),
            ],
            roles: [Role(id: "r", title: "R", requires: ["a", "b"].map { RoleRequirement(skill: $0, level: 2) } + [RoleRequirement(skill: "c", level: 1)])])
        let cover = catalog.index.roleCovers.cover(role: 0, index: catalog.index)
        let estimate = cover.estimate { _ in 0 }
        // a: min(10/2, 7/1) = 5; b: 10/2 = 5; c: 4/1 = 4 → 14 hours; the best plan (ab + c) takes 14.
        #expect(estimate.lowerBound == 1_400)
        #expect(estimate.unclosable == 0)
        let plan = try Planner(catalog: catalog).plan(profile: Profile(skills: []), targetRole: "r")
        #expect(plan.totals.hours == Quantity(14))
    }
}
