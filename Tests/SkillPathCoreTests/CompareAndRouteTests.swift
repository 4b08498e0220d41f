import SkillPathCore
import SkillPathTestSupport
import Testing

@Suite struct CompareAndRouteTests {
    let planner: Planner

    init() throws {
        planner = Planner(catalog: try Fixtures.catalog())
    }

    @Test func compareShowsEachTargetSideBySide() throws {
        let profile = Profile(skills: [SkillLevel(skill: "sql", level: 2)], role: "analyst")
        let comparison = try planner.compare(profile: profile, targetRoles: ["scientist", "ml-engineer", "scientist"])
        #expect(comparison.entries.map(\.targetRole) == ["scientist", "ml-engineer"])
        #expect(comparison.entries.map(\.transition) == [.promotion, .lateral])
        #expect(comparison.entries[0].plan.totals.hours == Quantity(28))
        #expect(comparison.entries[1].plan.unmet.count == 2)
    }

    @Test func compareNamesTheBadTarget() {
        #expect(throws: PlanningError(.unknownRole, field: "targetRoles[1]", id: "nobody", "unknown role 'nobody'")) {
            try planner.compare(profile: Profile(), targetRoles: ["lead", "nobody"])
        }
    }

    @Test func routeFollowsTransitionsAndCarriesSkillsForward() throws {
        let profile = Profile(skills: [SkillLevel(skill: "sql", level: 1)], role: "analyst")
        var options = PlanOptions()
        options.hoursPerWeek = Quantity(5)
        options.startDate = CalendarDate(iso: "2027-03-01")
        let route = try planner.route(profile: profile, targetRole: "lead", options: options)
        #expect(route.found)
        #expect(route.hops.map { "\($0.from)->\($0.to):\($0.kind.rawValue)" } == ["analyst->scientist:promotion", "scientist->lead:promotion"])
        // The first hop teaches python 3 and statistics 2, so the second only needs SQL 2.
        #expect(route.hops[1].plan.steps.map(\.course) == ["sql1", "sql2"])
        #expect(route.totals.courses == route.hops[0].plan.steps.count + 2)
        #expect(route.hops[1].plan.steps.last?.end == route.schedule?.estimatedCompletion)
        #expect(route.hops[1].plan.steps[0].start! >= route.hops[0].plan.steps.last!.end!)
    }

    @Test func routeSaysWhenNoneExists() throws {
        let route = try planner.route(profile: Profile(role: "lead"), targetRole: "analyst")
        #expect(!route.found)
        #expect(route.reason == "no sequence of at most 4 transitions leads from 'lead' to 'analyst'")
        let blocked = try planner.route(profile: Profile(role: "analyst"), targetRole: "ml-engineer")
        #expect(!blocked.found)
        #expect(blocked.reason?.hasPrefix("every route is blocked by skills the allowed courses cannot reach: 'analyst' → 'ml-engineer' needs") == true)
    }

    @Test func routeNeedsACurrentRole() {
        #expect(throws: PlanningError(.noCurrentRole, field: "profile.role", "a route starts from the profile's current role, and none is given")) {
            try planner.route(profile: Profile(), targetRole: "lead")
        }
    }
}
