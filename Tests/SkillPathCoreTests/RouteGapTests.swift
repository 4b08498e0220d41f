@testable import SkillPathCore
import Testing

/// Routes on catalogs without courses for every gap (issue 19): a hop whose gap no course in the catalog
/// teaches is taken and marked as a gap only, each missing level is counted once along the route, and a gap
/// that courses could close but the options keep open still blocks.
@Suite struct RouteGapTests {
    /// Skill a is taught to level 2 (a1, a2); nothing teaches b. r1 → r2 → r3 is the only way to r3.
    static func catalog() throws -> Catalog {
        try Catalog(
            skills: [Skill(id: "a", name: "A"), Skill(id: "b", name: "B")],
            courses: [
                Course(id: "a1", title: "A one", format: "video", hours: Quantity(3), teaches: [SkillLevel(skill: "a", level: 1)]),
                Course(id: "a2", title: "A two", format: "video", hours: Quantity(5), teaches: [SkillLevel(skill: "a", level: 2)], requires: [SkillLevel(skill: "a", level: 1)]),
            ],
            roles: [
                Role(id: "r1", title: "Role One", requires: [RoleRequirement(skill: "a", level: 1)]),
                Role(id: "r2", title: "Role Two", requires: [RoleRequirement(skill: "a", level: 2), RoleRequirement(skill: "b", level: 2)]),
                Role(id: "r3", title: "Role Three", requires: [RoleRequirement(skill: "a", level: 2), RoleRequirement(skill: "b", level: 3)]),
            ],
            transitions: [Transition(from: "r1", to: "r2", kind: .promotion), Transition(from: "r2", to: "r3", kind: .promotion)])
    }

    @Test func aGapNoCourseTeachesIsTakenAndCountedOnce() throws {
        let planner = Planner(catalog: try Self.catalog())
        let route = try planner.route(profile: Profile(skills: [SkillLevel(skill: "a", level: 1)], role: "r1"), targetRole: "r3", maxHops: 2)
        #expect(route.found)
        #expect(route.hops.map(\.to) == ["r2", "r3"])
        #expect(route.hops.map(\.toTitle) == ["Role Two", "Role Three"])
        #expect(route.hops.map(\.gapLevels) == [2, 1], "b 0 → 2 on the first hop, 2 → 3 on the second: each level once")
        #expect(route.gapLevels == 3)
        #expect(route.hops.allSatisfy { $0.gapOnly })
        #expect(route.hops[0].plan.steps.map(\.course) == ["a2"], "the course that exists is still planned")
        #expect(route.totals.hours == Quantity(5))
    }

    @Test func aGapTheOptionsKeepOpenStillBlocks() throws {
        let planner = Planner(catalog: try Self.catalog())
        var options = PlanOptions()
        options.exclude = ["a2"]
        let route = try planner.route(profile: Profile(skills: [SkillLevel(skill: "a", level: 1)], role: "r1"), targetRole: "r3", options: options, maxHops: 2)
        #expect(!route.found)
        #expect(route.reason?.hasPrefix("every route is blocked by skills the allowed courses cannot reach: 'r1' → 'r2' needs") == true, "\(route.reason ?? "")")
    }

    /// Levels missing weigh their skill's importance to the hop's role: through x, one level of d, which x rates
    /// 5 against a mean of 3 (1.67); through y, two levels of e, which y rates 1 against 3 (2 × 0.33 = 0.67).
    /// Counted plainly x is the smaller gap; weighted, y is, and the route goes through y.
    @Test func missingLevelsWeighTheirImportance() throws {
        let weights = [SkillWeight(skill: "d", weight: Quantity(5)), SkillWeight(skill: "e", weight: Quantity(1))]
        let catalog = try Catalog(
            skills: ["a", "d", "e"].map { Skill(id: $0, name: $0.uppercased()) },
            courses: [],
            roles: [
                Role(id: "r1", title: "Start", requires: [RoleRequirement(skill: "a", level: 1)]),
                Role(id: "t", title: "Target", requires: [RoleRequirement(skill: "a", level: 1)]),
                Role(id: "x", title: "Through X", requires: [RoleRequirement(skill: "d", level: 1)], weights: weights),
                Role(id: "y", title: "Through Y", requires: [RoleRequirement(skill: "e", level: 2)], weights: weights),
            ],
            transitions: [
                Transition(from: "r1", to: "x", kind: .lateral), Transition(from: "r1", to: "y", kind: .lateral),
                Transition(from: "x", to: "t", kind: .promotion), Transition(from: "y", to: "t", kind: .promotion),
            ])
        let route = try Planner(catalog: catalog).route(profile: Profile(skills: [SkillLevel(skill: "a", level: 1)], role: "r1"), targetRole: "t", maxHops: 2)
        #expect(route.found)
        #expect(route.hops.map(\.to) == ["y", "t"])
        #expect(route.gapLevels == 2)
        #expect(abs(route.gapWeight - 2.0 / 3) < 1e-9, "\(route.gapWeight)")
        // Without weights both count plainly, and the single level through x wins.
        var plain = catalog.roles
        for index in plain.indices { plain[index].weights = [] }
        let unweighted = try Catalog(skills: catalog.skills, courses: [], roles: plain, transitions: catalog.transitions)
        let direct = try Planner(catalog: unweighted).route(profile: Profile(skills: [SkillLevel(skill: "a", level: 1)], role: "r1"), targetRole: "t", maxHops: 2)
        #expect(direct.hops.map(\.to) == ["x", "t"])
        #expect(direct.gapWeight == 1)
    }
}
