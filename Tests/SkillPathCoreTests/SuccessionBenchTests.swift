import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// Succession benches against their definition: every person planned on their own and dated by hand (their
/// assignments' remaining hours first, then the plan, at their pace), on random organisations.
@Suite struct SuccessionBenchTests {
    static let today = CalendarDate(iso: "2026-12-07") ?? CalendarDate(daysSinceEpoch: 0)

    /// The test catalog (seeds 1–30); small hostile catalogs (31–70: unteachable top levels, skills only
    /// experience gives, `after` chains, many teachers per level), whose people also have completed courses;
    /// and the test catalog without any course, a taxonomy (71–80), where everyone is banded from their
    /// estimate alone.
    static func catalog(seed: Int) throws -> Catalog {
        let fixture = try Fixtures.catalog()
        switch seed {
        case ...30: return fixture
        case ...70: return HostileCatalog.make(seed: UInt64(seed), knobs: .varied(seed: UInt64(seed))).catalog
        default: return try Catalog(skills: fixture.skills, courses: [], roles: fixture.roles)
        }
    }

    @Test(arguments: 1...80) func bandsAreEachPersonsOwnPlanDated(seed: Int) throws {
        let catalog = try Self.catalog(seed: seed)
        let planner = Planner(catalog: catalog)
        var generator = SeededGenerator(seed: UInt64(seed))
        func draw(_ bound: Int) -> Int { generator.int(in: 0...(bound - 1)) }
        let skills = catalog.skills.map(\.id)
        let roles = catalog.roles.map(\.id)
        let courses = catalog.courses.map(\.id)
        var people = (0..<40).map { number in
            SuccessionBench.Person(
                id: "p\(number)", name: "Person \(number)", role: roles[draw(roles.count)], manager: "m\(draw(3))",
                profile: Profile(
                    skills: skills.compactMap { skill in draw(2) == 0 ? SkillLevel(skill: skill, level: draw(6)) : nil },
                    completed: seed > 30 && seed <= 70 ? courses.filter { _ in draw(6) == 0 } : []),
                pace: Quantity([1, 2, 4][draw(3)]), assignedHours: Int64(draw(5) * 1_000),
                aspirations: draw(4) == 0 ? Aspirations(roles: [roles[draw(roles.count)]], notLooking: draw(2) == 0) : nil)
        }
        // Half of them numbered already, as the store reads them (the daemon's path), half from the profile.
        for position in people.indices where draw(2) == 0 { people[position].numbers = ProfileNumbers(people[position].profile, catalog: catalog) }
        let role = catalog.roles[draw(catalog.roles.count)]
        let limit = 1 + draw(4)
        let bench = try SuccessionBench(role: role, people: people, planner: planner, today: Self.today, limit: limit)

        // By hand: each candidate planned alone, ready on the day their assigned hours and plan hours are learnt.
        var expected: [SuccessionBench.Band: [(id: String, key: (Int, Int, Int64))]] = [:]
        for person in people where person.role != role.id {
            let plan = try planner.plan(profile: person.profile, targetRole: role.id, strict: false)
            var band = SuccessionBench.Band.later
            var day = Int.max
            if plan.complete && plan.steps.isEmpty {
                band = .readyNow
                day = Self.today.daysSinceEpoch
            } else if plan.complete {
                let hours = person.assignedHours + plan.totals.hours.hundredths
                let days = Int((hours * 7 + person.pace.hundredths - 1) / person.pace.hundredths) - 1
                let ready = Self.today.adding(days: days)
                day = ready.daysSinceEpoch
                if ready <= Self.today.adding(months: 6) {
                    band = .within6Months
                } else if ready <= Self.today.adding(months: 12) {
                    band = .within12Months
                }
            }
            expected[band, default: []].append((person.id, (day, plan.unmet.count, plan.totals.hours.hundredths)))
        }
        #expect(bench.incumbents.map(\.id) == people.filter { $0.role == role.id }.map(\.id))
        #expect(bench.considered == people.count - bench.incumbents.count)
        for band in SuccessionBench.Band.allCases {
            #expect(bench.counts[band] ?? 0 == expected[band]?.count ?? 0, "seed \(seed) \(band)")
            let sorted = (expected[band] ?? []).sorted { (left: (id: String, key: (Int, Int, Int64)), right: (id: String, key: (Int, Int, Int64))) -> Bool in
                left.key != right.key ? left.key < right.key : Text.precedes(left.id, right.id)
            }
            let order = sorted.prefix(limit).map { $0.id }
            #expect((bench.members[band] ?? []).map(\.id) == Array(order), "seed \(seed) \(band)")
        }
        let soon = bench.members.filter { $0.key != .later }.values.flatMap { $0 }
        #expect(bench.flags.noneWithin12Months == soon.isEmpty)
    }

    /// The worked example of docs/mobility.md, "Succession benches".
    @Test func theWorkedExampleOfTheDocs() throws {
        let catalog = try Fixtures.catalog()
        let planner = Planner(catalog: catalog)
        func person(_ id: String, role: String, manager: String, skills: [(String, Int)], pace: Int = 4, assigned: Int64 = 0, aspirations: Aspirations? = nil) -> SuccessionBench.Person {
            SuccessionBench.Person(
                id: id, name: id, role: role, manager: manager, profile: Profile(skills: skills.map { SkillLevel(skill: $0.0, level: $0.1) }, role: role),
                pace: Quantity(pace), assignedHours: assigned * 100, aspirations: aspirations)
        }
        let people = [
            person("s", role: "scientist", manager: "l", skills: [("python", 3), ("statistics", 2), ("sql", 1)]),
            person("a1", role: "analyst", manager: "m", skills: [("python", 3), ("statistics", 2), ("sql", 2)]),
            person("a2", role: "analyst", manager: "m", skills: [("python", 2), ("sql", 2)], pace: 1),
            person("a3", role: "analyst", manager: "m", skills: [("python", 1), ("sql", 1)], pace: 1, assigned: 10, aspirations: Aspirations(notLooking: true)),
            person("e", role: "ml-engineer", manager: "l", skills: [], pace: 1),
        ]
        let bench = try SuccessionBench(role: try #require(catalog.role("scientist")), people: people, planner: planner, today: Self.today, limit: 10)
        #expect(bench.incumbents.map(\.id) == ["s"])
        // a1 holds every level: ready now. a2 needs py3 (10 h, the cheapest way to Python 3 from 2) and
        // stats-course (8 h): 18 h at 1 h a week, 126 days → 2027-04-11, within 6 months.
        #expect(bench.members[.readyNow]?.map(\.id) == ["a1"])
        #expect(bench.members[.within6Months]?.map(\.id) == ["a2"])
        #expect(bench.members[.within6Months]?.first?.readyBy == CalendarDate(iso: "2027-04-11"))
        #expect(bench.members[.within6Months]?.first?.hours == Quantity(18))
        // a3 needs py2 (6 h), py3 (10 h), stats (8 h) = 24 h after 10 h of assignments: 34 h at 1 h a week,
        // 238 days → 2027-08-01, within 12 months; e needs 4 + 6 + 10 + 8 + 3 = 31 h: 217 days → 2027-07-11.
        #expect(bench.members[.within12Months]?.map(\.id) == ["e", "a3"])
        #expect(bench.members[.within12Months]?.map(\.readyBy) == [CalendarDate(iso: "2027-07-11"), CalendarDate(iso: "2027-08-01")])
        #expect(bench.counts == [.readyNow: 1, .within6Months: 1, .within12Months: 2, .later: 0])
        #expect(!bench.flags.noneWithin12Months && !bench.flags.singleIncumbentNoneReadyNow)
        // The bench (a1, a2, a3, e) spans m's and l's teams; a3 is not looking.
        #expect(bench.flags.benchInOneTeam == nil && bench.flags.notWanting == ["a3"])
    }
}
