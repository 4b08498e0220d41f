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

    /// Every role but the current one, planned and put in the ranking's order: complete plans by hours,
    /// then the others by how many skills stay unmet, then hours; ties by id. As "unmet/hours/id" lines.
    static func bruteForceSuggestions(_ planner: Planner, profile: Profile) throws -> [String] {
        try planner.catalog.roles.filter { $0.id != profile.role }.map { role in
            (try planner.plan(profile: profile, targetRole: role.id, options: PlanOptions(), strict: false), role.id)
        }.sorted { ReadinessRanking<Int>.ranksBefore($0, $1) }.map { Self.line($0.0, $0.1) }
    }

    static func line(_ plan: Plan, _ id: String) -> String {
        "\(plan.unmet.count)/\(plan.totals.hours)/\(id)"
    }

    @Test(arguments: CatalogStructure.allCases)
    func suggestionsMatchPlanningEveryRole(structure: CatalogStructure) throws {
        let catalog = try Self.catalog(structure, seed: 11)
        let planner = Planner(catalog: catalog)
        let questions = CatalogGenerator.questions(for: catalog, count: 6, seed: 5)
        try #require(questions.count == 6 && catalog.roles.count > 10, "\(structure): questions and roles to rank")
        for (number, question) in questions.enumerated() {
            let limit = [1, 5, 10][number % 3]
            let ranking = try planner.suggestRoles(for: question.profile, limit: limit)
            let expected = try Self.bruteForceSuggestions(planner, profile: question.profile)
            // The whole ranking, the plans that cannot close the gap included, is what planning every role gives.
            #expect(ranking.entries.map { Self.line($0.plan, $0.role.id) } == Array(expected.prefix(limit)), "\(structure) question \(number)")
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
        try #require(people.count == 120 && catalog.roles.count >= 5, "\(structure): people and roles to rank")
        for role in catalog.roles.prefix(5) {
            let ranking = try planner.rankCandidates(people, for: role.id, limit: 10)
            let expected = try people.map { person in
                (try planner.plan(profile: person.1, targetRole: role.id, options: PlanOptions(), strict: false), person.0)
            }.sorted { ReadinessRanking<Int>.ranksBefore($0, $1) }.map { Self.line($0.0, $0.1) }
            #expect(ranking.entries.map { Self.line($0.plan, $0.id) } == Array(expected.prefix(10)), "\(structure) role \(role.id)")
        }
    }

    /// Each group is planned from the part of its state the role's plan can read (`RelevantState`), not from
    /// a member's whole profile: on hostile small catalogs every ranked person's plan must be their own plan
    /// exactly, for people holding skills the role needs, skills it never reads, and completed courses.
    @Test func everyRankedPlanIsThePersonsOwnPlan() throws {
        for seed in 0..<150 {
            let testCase = HostileCatalog.make(seed: UInt64(seed), knobs: .varied(seed: UInt64(seed)))
            let catalog = testCase.catalog
            let planner = Planner(catalog: catalog)
            let roles = catalog.roles.map(\.id)
            var people: [(id: String, profile: Profile)] = [("given", testCase.profile)]
            for (number, skill) in catalog.skills.enumerated() {
                let other = catalog.skills[(number * 3 + 1) % catalog.skills.count]
                let held = [SkillLevel(skill: skill.id, level: number % 5 + 1), SkillLevel(skill: other.id, level: 2)]
                people.append(("s\(number)", Profile(skills: held, role: roles[number % roles.count])))
            }
            for (number, course) in catalog.courses.enumerated() {
                people.append(("c\(number)", Profile(skills: [SkillLevel(skill: catalog.skills[number % catalog.skills.count].id, level: 1)], completed: [course.id])))
            }
            let ranking = try planner.rankCandidates(people, for: testCase.target, limit: people.count)
            #expect(ranking.entries.count == people.count, "seed \(seed)")
            // In the order planning everyone gives, whole and cut short (where the search stops early).
            let expected = try people.map { person in
                (try planner.plan(profile: person.profile, targetRole: testCase.target, options: PlanOptions(), strict: false), person.id)
            }.sorted { ReadinessRanking<Int>.ranksBefore($0, $1) }.map { Self.line($0.0, $0.1) }
            #expect(ranking.entries.map { Self.line($0.plan, $0.id) } == expected, "seed \(seed)")
            let top = try planner.rankCandidates(people, for: testCase.target, limit: 3)
            #expect(top.entries.map { Self.line($0.plan, $0.id) } == Array(expected.prefix(3)), "seed \(seed)")
            for entry in ranking.entries {
                let profile = try #require(people.first { $0.id == entry.id }?.profile)
                let own = try planner.plan(profile: profile, targetRole: testCase.target, options: PlanOptions(), strict: false)
                #expect(entry.plan == own, "seed \(seed): \(entry.id) \(profile.skills) \(profile.completed)")
            }
        }
    }

    /// Preparing a role ahead of its first ranking (`Planner.prepareRanking`, which the daemon runs as wishes
    /// arrive) builds what that ranking would build, so it changes no answer: on hostile catalogs and every
    /// generated structure, a planner whose roles were all prepared first ranks exactly as a fresh one, plans
    /// included, and no more of them are planned.
    @Test func preparingARoleChangesNoRanking() throws {
        // Each catalog built twice: what a planner keeps per catalog lives in the catalog's own index.
        let structures = CatalogStructure.allCases
        func build(_ number: Int) throws -> Catalog {
            number < structures.count
                ? try Self.catalog(structures[number], seed: 31)
                : HostileCatalog.make(seed: UInt64(number), knobs: .varied(seed: UInt64(number))).catalog
        }
        for number in 0..<(structures.count + 40) {
            let (catalog, twin) = (try build(number), try build(number))
            let people = CatalogGenerator.questions(for: catalog, count: 40, seed: UInt64(number)).enumerated().map { ("p\($0.offset)", $0.element.profile) }
                + [("blank", Profile())]
            let (fresh, prepared) = (Planner(catalog: catalog), Planner(catalog: twin))
            let roles = catalog.roles.prefix(6).map(\.id)
            for role in roles { prepared.prepareRanking(for: role) }
            prepared.prepareRanking(for: "no-such-role")
            for role in roles {
                let (expected, ranked) = (try fresh.rankCandidates(people, for: role, limit: 5), try prepared.rankCandidates(people, for: role, limit: 5))
                #expect(ranked.entries.map(\.id) == expected.entries.map(\.id), "catalog \(number), role \(role)")
                #expect(ranked.entries.map(\.plan) == expected.entries.map(\.plan), "catalog \(number), role \(role)")
                #expect(ranked.planned == expected.planned, "catalog \(number), role \(role)")
            }
        }
    }

    /// The search stops at a tie only when the id comes later: an entry whose bound equals the last ranked
    /// plan's hours and whose id comes first is still planned (and ranks first), one whose id comes later is
    /// not planned at all.
    @Test func theSearchStopsAtATieOnlyForALaterId() {
        func plan(hours: Int) -> Plan {
            Plan(targetRole: "r", targetTitle: "R", currentRole: nil, objective: .hours, gap: [], steps: [],
                 totals: .init(hours: Quantity(hours), cost: .zero, currency: "USD", courses: 1), unmet: [], schedule: nil, optimal: true, catalogVersion: "")
        }
        // Bounds in hundredths: b's bound (8 h) is below its plan (10 h); the others' bounds are exact.
        let bounds: [String: Double] = ["a": 1_000, "b": 800, "c": 1_000]
        func rank(_ ids: [String]) -> (ranked: [String], planned: Int) {
            let candidates = ids.map { ReadinessRanking<String>.Candidate(item: $0, id: $0, estimate: .init(unclosable: 0, lowerBound: bounds[$0] ?? 0, surelyUnmet: 0, exact: false)) }
            let result = ReadinessRanking.rank(candidates, limit: 1, refine: { ReadinessBound(unmet: 0, bound: bounds[$0] ?? 0) }, plan: { _ in plan(hours: 10) })
            return (result.ranked.map(\.id), result.planned)
        }
        #expect(rank(["a", "b"]) == (["a"], 2), "b is planned first (lower bound), then a ties at 10 h with an earlier id")
        #expect(rank(["b", "c"]) == (["b"], 1), "c ties at 10 h with a later id: not planned")
    }

    /// A taxonomy without courses (O*NET, ESCO): no plan can close anything, so people rank by how many
    /// essential skills they lack, then by id, without a closure each. On 400 people the ranking must be the
    /// brute-force one, with only the people it lists (and the baseline) planned.
    @Test func aTaxonomyWithoutCoursesRanksByUnmetSkillsThenId() throws {
        let skills = (0..<12).map { Skill(id: "k\($0)", name: "K\($0)") }
        let roles = (0..<4).map { number in
            Role(id: "r\(number)", title: "R\(number)", requires: (0..<8).map { RoleRequirement(skill: "k\((number * 3 + $0) % 12)", level: $0 % 4 + 2) })
        }
        let catalog = try Catalog(skills: skills, courses: [], roles: roles, transitions: [])
        let planner = Planner(catalog: catalog)
        var random = SeededGenerator(seed: 5)
        var people: [(id: String, profile: Profile)] = []
        for number in 0..<400 {
            let held = skills.filter { _ in random.chance(0.5) }.map { SkillLevel(skill: $0.id, level: random.int(in: 0...5)) }
            people.append(("p\(number)", Profile(skills: held)))
        }
        for role in roles {
            for limit in [1, 10, 50] {
                let ranking = try planner.rankCandidates(people, for: role.id, limit: limit)
                let expected = try people.map { person in
                    (try planner.plan(profile: person.profile, targetRole: role.id, options: PlanOptions(), strict: false), person.id)
                }.sorted { ReadinessRanking<Int>.ranksBefore($0, $1) }.map { Self.line($0.0, $0.1) }
                #expect(ranking.entries.map { Self.line($0.plan, $0.id) } == Array(expected.prefix(limit)), "\(role.id) limit \(limit)")
                // Ties of unmet count and hours stop the search at the last id listed: the baseline and the listed.
                #expect(ranking.planned <= limit + 1, "\(role.id) limit \(limit): \(ranking.planned) planned")
            }
        }
        // Turned around: the roles closest to a person, on the same taxonomy.
        for (id, profile) in people.prefix(20) {
            let suggestions = try planner.suggestRoles(for: profile, limit: 2)
            let expected = try Self.bruteForceSuggestions(planner, profile: profile)
            #expect(suggestions.entries.map { Self.line($0.plan, $0.role.id) } == Array(expected.prefix(2)), "\(id)")
        }
    }

    /// On hostile small catalogs (self-requiring courses, untaught top levels, profile-dependent reachability)
    /// the bound, landmarks included, never exceeds the exact optimum of a plan that closes the whole gap.
    @Test(arguments: 0..<300)
    func theBoundNeverExceedsTheOptimumOnHostileCatalogs(seed: Int) throws {
        let testCase = HostileCatalog.make(seed: UInt64(seed), knobs: .varied(seed: UInt64(seed)))
        var options = PlanOptions()
        options.objective = .hours
        let planner = Planner(catalog: testCase.catalog)
        let answer = ExhaustiveOracle(catalog: testCase.catalog, profile: testCase.profile, target: testCase.target, options: options).solve()
        let problem = try planner.resolve(profile: testCase.profile, targetRole: testCase.target, options: PlanOptions(), strict: false)
        let number = try #require(testCase.catalog.index.roleNumbers[testCase.target])
        let estimate = RoleCover(role: number, index: testCase.catalog.index).estimate(level: problem.level)
        if answer.unreachable.isEmpty, let best = answer.bestKey {
            #expect(estimate.unclosable == 0, "seed \(seed): the gap can be closed")
            #expect(estimate.lowerBound <= Double(best.primary) + 1e-6, "seed \(seed): bound \(estimate.lowerBound) > optimum \(best.primary)")
        }
        if estimate.unclosable > 0 { #expect(!answer.unreachable.isEmpty, "seed \(seed): the bound says a needed level has no course") }
    }

    /// The ranking hands the empty profile's plan to everyone `RoleBaseline` says gets it, without planning
    /// them. On hostile small catalogs, for profiles holding one skill, a few skills or a completed course,
    /// every such profile's own plan must be that plan exactly (but for the current role it names).
    @Test func everyoneSaidToShareTheBaselineGetsItsPlanExactly() throws {
        var sharedByOthers = 0
        var checked = 0
        for seed in 0..<300 {
            let testCase = HostileCatalog.make(seed: UInt64(seed), knobs: .varied(seed: UInt64(seed)))
            let catalog = testCase.catalog
            let planner = Planner(catalog: catalog)
            let target = try #require(catalog.index.roleNumbers[testCase.target])
            let baseline = RoleBaseline(role: target, planner: planner)
            let relevance = RoleRelevance(role: target, index: catalog.index)
            var profiles = [testCase.profile, Profile(role: "current")]
            for (number, skill) in catalog.skills.enumerated() {
                profiles.append(Profile(skills: [SkillLevel(skill: skill.id, level: number % 3 + 1)], role: "current"))
            }
            for course in catalog.courses.prefix(8) { profiles.append(Profile(skills: [], completed: [course.id])) }
            for profile in profiles {
                let problem = try planner.resolve(profile: profile, targetRole: testCase.target, options: PlanOptions(), strict: false)
                // Judged as the ranking judges it: from the part of the state the role's plan can read.
                let state = try #require(relevance.state(of: profile, index: catalog.index))
                let shares = catalog.index.scratchPool.withScratch(index: catalog.index) { scratch in
                    scratch.apply(levels: state.levels, done: state.done)
                    return baseline.isShared(by: state, closure: scratch)
                }
                guard shares else { continue }
                checked += 1
                if !problem.levels.isEmpty || !problem.done.isEmpty { sharedByOthers += 1 }
                var own = try planner.plan(profile: profile, targetRole: testCase.target, options: PlanOptions(), strict: false)
                own.currentRole = nil
                #expect(own == baseline.plan, "seed \(seed): \(profile.skills) \(profile.completed)")
            }
        }
        // Not only the empty profile: people holding skills and courses the plan never reads share it too.
        #expect(sharedByOthers > 1_000, "\(sharedByOthers) of \(checked)")
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
