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
}
