import SkillPathCore
import SkillPathProtocol
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The planning contract of docs/planning.md, one rule per test, on the hand-checked fixture catalog.
@Suite struct PlannerContractTests {
    let planner: Planner

    init() throws {
        planner = Planner(catalog: try Fixtures.catalog())
    }

    func plan(_ target: String, skills: [String: Int] = [:], completed: [String] = [], role: String? = nil,
              _ configure: (inout PlanOptions) -> Void = { _ in }) throws -> Plan {
        var options = PlanOptions()
        configure(&options)
        let profile = Profile(
            skills: skills.sorted { $0.key < $1.key }.map { SkillLevel(skill: $0.key, level: $0.value) }, completed: completed, role: role)
        let plan = try planner.plan(profile: profile, targetRole: target, options: options)
        expectValidPlan(plan, catalog: planner.catalog, profile: profile, options: options)
        return plan
    }

    @Test func equalHoursAreBrokenByCostThenOrderedSmallestIdFirst() throws {
        // py1+py2+py3 and the bootcamp both give 31 hours in all; the bootcamp path costs 50 instead of 400.
        let result = try plan("scientist")
        #expect(result.steps.map(\.course) == ["py3-bootcamp", "sql1", "stats-course"])
        #expect(result.totals == Plan.Totals(hours: Quantity(31), cost: Quantity(50), currency: "USD", courses: 3))
        #expect(result.optimal)
    }

    @Test func theObjectiveChoosesBetweenFastAndCheap() throws {
        let fast = try plan("scientist", skills: ["python": 1])
        #expect(fast.steps.map(\.course) == ["py2", "py3", "sql1", "stats-course"])
        #expect(fast.totals.hours == Quantity(27))
        let cheap = try plan("scientist", skills: ["python": 1]) { $0.objective = .cost }
        #expect(cheap.steps.map(\.course) == ["py3-bootcamp", "sql1", "stats-course"])
        #expect(cheap.totals.cost == Quantity(50))
    }

    @Test func fullTiesGoToTheSmallerCourseId() throws {
        let result = try plan("analyst") { $0.includeOptional = true }
        #expect(result.steps.map(\.course) == ["data-video", "sql1", "sql2"])
        #expect(result.gap.map(\.importance) == [.essential, .optional])
    }

    @Test func optionalSkillsCountOnlyWhenAskedFor() throws {
        let result = try plan("analyst")
        #expect(result.gap.map(\.skill) == ["sql"])
        #expect(result.steps.map(\.course) == ["sql1", "sql2"])
    }

    @Test func completedCoursesAreNeverPlannedAndWhatTheyTaughtCounts() throws {
        let result = try plan("scientist", completed: ["py1", "py2"])
        #expect(result.gap.first { $0.skill == "python" }?.have == 2)
        #expect(result.steps.map(\.course) == ["py3", "sql1", "stats-course"])
    }

    @Test func anAfterCourseIsPlannedEvenWhenItsSkillIsAlreadyThere() throws {
        let result = try plan("analyst", skills: ["sql": 1])
        #expect(result.steps.map(\.course) == ["sql1", "sql2"])
        #expect(result.steps[0].closes.isEmpty)
        #expect(result.steps[0].neededBy == ["sql2"])
        #expect(result.steps[0].reason == "Prerequisite for step 2, \"SQL joins\" (must come after it)")
        #expect(result.steps[1].reason == "Closes the gap in SQL (level 2)")
    }

    @Test func eachStepSaysWhyItIsThere() throws {
        let result = try plan("scientist", skills: ["python": 1])
        let py2 = try #require(result.steps.first { $0.course == "py2" })
        #expect(py2.closes.isEmpty)
        #expect(py2.neededBy == ["py3", "stats-course"])
        #expect(py2.reason == "Prerequisite for step 2, \"Python advanced\" (needs Python 2); Prerequisite for step 4, \"Statistics with Python\" (needs Python 2)")
        #expect(result.steps.first { $0.course == "py3" }?.closes == [SkillLevel(skill: "python", level: 3)])
    }

    @Test func unmetSkillsSayWhyAndThePlanCoversTheRest() throws {
        let result = try plan("ml-engineer")
        #expect(result.steps.map(\.course) == ["py1", "py2"])
        #expect(result.unmet.map(\.skill) == ["ml", "kubernetes"])
        #expect(result.unmet.map(\.reason) == [.unreachablePrerequisites, .noCourse])
        #expect(result.unmet[0].detail == "'ml-adv' teaches it but needs Kubernetes level 2 (reachable: 0), which the allowed courses cannot reach")
        #expect(result.unmet[1].detail == "no course in the catalog teaches Kubernetes")
    }

    @Test func skillsOnlyExcludedCoursesTeachAreUnmetAsExcluded() throws {
        let result = try plan("scientist") { $0.exclude = ["py3"]; $0.formats = ["video", "hands-on", "reading"] }
        let python = try #require(result.unmet.first)
        #expect(python.skill == "python")
        #expect(python.reason == .excluded)
        #expect(python.reachable == 2)
        #expect(python.detail == "every course teaching Python at level 3 is excluded: 'py3' (excluded), 'py3-bootcamp' (format 'instructor-led' not allowed)")
        #expect(result.steps.map(\.course) == ["py1", "py2", "sql1", "stats-course"])
    }

    @Test func languageAndProviderFiltersApply() throws {
        let german = try plan("analyst") { $0.includeOptional = true; $0.languages = ["de"] }
        #expect(german.steps.map(\.course) == ["data-workshop"])
        #expect(german.unmet.map(\.reason) == [.excluded])
        let acme = try plan("analyst") { $0.includeOptional = true; $0.providers = ["Acme"] }
        #expect(acme.steps.map(\.course) == ["data-workshop"])
    }

    @Test func aBudgetKeepsWhatItCanAffordAndReportsTheRest() throws {
        let result = try plan("scientist") { $0.maxCost = Quantity(40) }
        #expect(result.steps.map(\.course) == ["sql1"])
        #expect(Set(result.unmet.map(\.skill)) == ["python", "statistics"])
        #expect(result.unmet.allSatisfy { $0.reason == .overBudget })
        let roomy = try plan("scientist") { $0.maxCost = Quantity(50) }
        #expect(roomy.unmet.isEmpty)
        #expect(roomy.totals.cost == Quantity(50))
    }

    @Test func keepCurrentRoleAddsTheCurrentRolesGaps() throws {
        let result = try plan("scientist", role: "analyst") { $0.keepCurrentRole = true }
        #expect(result.gap.map(\.skill) == ["python", "statistics", "sql"])
        #expect(result.gap.last?.need == 2)
        #expect(result.steps.map(\.course).contains("sql2"))
    }

    @Test func aPaceGivesDatesAndADeadlineVerdict() throws {
        let result = try plan("scientist") {
            $0.hoursPerWeek = Quantity(10)
            $0.startDate = CalendarDate(iso: "2027-01-04")
            $0.deadline = CalendarDate(iso: "2027-01-24")
        }
        #expect(result.steps.map { "\($0.start!)..\($0.end!)" } == ["2027-01-04..2027-01-17", "2027-01-18..2027-01-20", "2027-01-20..2027-01-25"])
        #expect(result.schedule?.estimatedCompletion == CalendarDate(iso: "2027-01-25"))
        #expect(result.schedule?.meetsDeadline == false)
    }

    @Test func nothingToLearnGivesAnEmptyPlan() throws {
        let result = try plan("analyst", skills: ["sql": 3], completed: ["sql1"])
        #expect(result.gap.isEmpty && result.steps.isEmpty && result.unmet.isEmpty)
        #expect(result.totals.courses == 0)
    }

    @Test func badQuestionsAreErrorsThatNameTheField() throws {
        #expect(throws: PlanningError(.unknownRole, field: "targetRole", id: "scientst", "unknown role 'scientst' (did you mean 'scientist'?)")) {
            try planner.plan(profile: Profile(), targetRole: "scientst")
        }
        #expect(throws: PlanningError(.unknownSkill, field: "profile.skills[0].skill", id: "pyhton", "unknown skill 'pyhton' (did you mean 'python'?)")) {
            try planner.plan(profile: Profile(skills: [SkillLevel(skill: "pyhton", level: 2)]), targetRole: "scientist")
        }
        #expect(throws: PlanningError(.invalidProfile, field: "profile.skills[0].level", "must be between 0 and 5, got 7")) {
            try planner.plan(profile: Profile(skills: [SkillLevel(skill: "python", level: 7)]), targetRole: "scientist")
        }
        #expect(throws: PlanningError(.unknownCourse, field: "profile.completed[0]", id: "py9", "unknown course 'py9' (did you mean 'py1'?)")) {
            try planner.plan(profile: Profile(completed: ["py9"]), targetRole: "scientist")
        }
        var options = PlanOptions()
        options.deadline = CalendarDate(iso: "2027-01-01")
        #expect(throws: PlanningError(.invalidOption, field: "options.deadline", "needs hoursPerWeek to schedule the plan")) {
            try planner.plan(profile: Profile(), targetRole: "scientist", options: options)
        }
        options = PlanOptions()
        options.keepCurrentRole = true
        #expect(throws: PlanningError(.noCurrentRole, field: "options.keepCurrentRole", "needs the profile's current role ('role')")) {
            try planner.plan(profile: Profile(), targetRole: "scientist", options: options)
        }
    }

    @Test func lenientResolutionSkipsIdsTheCatalogNoLongerHas() throws {
        let profile = Profile(skills: [SkillLevel(skill: "cobol", level: 3), SkillLevel(skill: "python", level: 1)], completed: ["old-course"])
        let result = try planner.plan(profile: profile, targetRole: "scientist", strict: false)
        #expect(result.gap.first?.have == 1)
    }

    @Test func optionsAndProfilesAreReadFromJSONWithPreciseErrors() throws {
        let options = try PlanOptions(json: JSONField(try JSONParser.parse(#"{"objective": "cost", "formats": ["video"], "maxCost": 99.5, "startDate": "2027-02-01", "hoursPerWeek": 4}"#), path: "options"))
        #expect(options.objective == .cost && options.maxCost == Quantity(hundredths: 9950) && options.formats == ["video"])
        #expect(options.startDate?.description == "2027-02-01")
        #expect(throws: PlanningError(.invalidOption, field: "options.fromats", "is not a known field (expected one of: \(PlanOptions.fieldNames.joined(separator: ", ")))")) {
            try PlanOptions(json: JSONField(try JSONParser.parse(#"{"fromats": []}"#), path: "options"))
        }
        #expect(try PlanOptions(json: JSONField(try JSONParser.parse(#"{"effort": "quick"}"#), path: "options")).effort == .quick)
        #expect(throws: PlanningError(.invalidOption, field: "options.effort", "must be \"quick\", \"standard\" or \"thorough\", got \"fast\"")) {
            try PlanOptions(json: JSONField(try JSONParser.parse(#"{"effort": "fast"}"#), path: "options"))
        }
        #expect(throws: PlanningError(.invalidOption, field: "options.startDate", "must be a date as YYYY-MM-DD, got \"2027-02-30\"")) {
            try PlanOptions(json: JSONField(try JSONParser.parse(#"{"startDate": "2027-02-30"}"#), path: "options"))
        }
        #expect(throws: PlanningError(.invalidProfile, field: "profile.skills[1]", "lists skill 'sql' a second time")) {
            try Profile(json: JSONField(try JSONParser.parse(#"{"skills": [{"skill": "sql", "level": 1}, {"skill": "sql", "level": 2}]}"#), path: "profile"))
        }
        #expect(throws: PlanningError(.invalidProfile, field: "profile.skills[0].level", "must be between 0 and 5, got 6")) {
            try Profile(json: JSONField(try JSONParser.parse(#"{"skills": [{"skill": "sql", "level": 6}]}"#), path: "profile"))
        }
    }
}
