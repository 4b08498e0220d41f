import SkillPathCore
import Testing

/// The worked example of docs/mobility.md, every figure checked against the hand computation written there.
@Suite struct MobilityReportTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0) }

    /// m manages a, b and c; a manages d and e; x is in another branch. c left on 2025-11-15.
    static let facts = MobilityFacts(
        employees: [
            .init(id: "m", manager: nil, leftOn: nil), .init(id: "a", manager: "m", leftOn: nil), .init(id: "b", manager: "m", leftOn: nil),
            .init(id: "c", manager: "m", leftOn: day("2025-11-15")), .init(id: "d", manager: "a", leftOn: nil), .init(id: "e", manager: "a", leftOn: nil),
            .init(id: "x", manager: nil, leftOn: nil),
        ],
        moves: [
            .init(employee: "c", fromRole: "analyst", toRole: "lead", kind: .promotion, date: day("2025-01-15")),
            .init(employee: "e", fromRole: "designer", toRole: "engineer", kind: .promotion, date: day("2025-01-20")),
            .init(employee: "a", fromRole: "analyst", toRole: "scientist", kind: .promotion, date: day("2025-02-01")),
            .init(employee: "b", fromRole: "analyst", toRole: "engineer", kind: .lateral, date: day("2025-03-10")),
            .init(employee: "d", fromRole: "engineer", toRole: "designer", kind: .secondment, date: day("2025-04-01")),
            .init(employee: "x", fromRole: "analyst", toRole: "scientist", kind: .lateral, date: day("2025-05-05")),
            .init(employee: "d", fromRole: "designer", toRole: "engineer", kind: .lateral, date: day("2025-06-01"), isReturn: true),
            .init(employee: "e", fromRole: "engineer", toRole: "designer", kind: .lateral, date: day("2025-07-01")),
        ],
        fills: [
            .init(opportunity: 1, manager: "m", opens: day("2025-01-10"), date: day("2025-02-01"), isInternal: true),
            .init(opportunity: 2, manager: "a", opens: day("2025-02-01"), date: day("2025-03-03"), isInternal: false),
            .init(opportunity: 3, manager: "x", opens: day("2025-03-01"), date: day("2025-04-15"), isInternal: true),
            .init(opportunity: 4, manager: "m", opens: day("2025-05-01"), date: day("2025-07-15"), isInternal: false),
        ],
        assignments: [
            .init(employee: "a", dueDate: day("2025-03-31"), cancelled: false, planComplete: true, allStepsCompletedOn: day("2025-03-20")),
            .init(employee: "b", dueDate: day("2025-04-30"), cancelled: false, planComplete: true, allStepsCompletedOn: day("2025-05-10")),
            .init(employee: "d", dueDate: day("2025-06-15"), cancelled: false, planComplete: false, allStepsCompletedOn: nil),
            .init(employee: "e", dueDate: day("2025-05-01"), cancelled: true, planComplete: true, allStepsCompletedOn: nil),
            .init(employee: "x", dueDate: day("2025-02-28"), cancelled: false, planComplete: true, allStepsCompletedOn: day("2025-02-01")),
            .init(employee: "c", dueDate: day("2025-08-01"), cancelled: false, planComplete: true, allStepsCompletedOn: nil),
        ],
        learning: [
            .init(employee: "a", date: day("2025-02-10"), completedHours: Quantity(10)),
            .init(employee: "a", date: day("2025-03-01"), completedHours: nil),
            .init(employee: "b", date: day("2025-04-02"), completedHours: nil),
            .init(employee: "d", date: day("2025-05-20"), completedHours: Quantity(hundredths: 650)),
            .init(employee: "x", date: day("2025-01-05"), completedHours: Quantity(4)),
            .init(employee: "m", date: day("2024-12-30"), completedHours: Quantity(3)),
        ])

    static func report(manager: String?, grouping: MobilityReport.Grouping? = nil) -> MobilityReport {
        MobilityReport.compute(facts, from: day("2025-01-01"), to: day("2025-06-30"), asOf: day("2026-03-01"), manager: manager, grouping: grouping)
    }

    @Test func theManagersSubtree() {
        let figures = Self.report(manager: "m").figures
        #expect(figures.people == 6)
        #expect(figures.moves == [.promotion: 3, .lateral: 1, .secondment: 1])
        #expect(figures.movesTotal == 5)
        #expect(figures.secondmentsReturned == 1 && figures.secondmentsConverted == 0)
        #expect(figures.fills == .init(part: 1, whole: 2) && figures.fills.rate == "0.5000")
        #expect(figures.medianDaysToFill == "26")
        // a is still a scientist (success); c left before the checkpoint and e went back to designer (failures).
        #expect(figures.success == .init(part: 1, whole: 3) && figures.success.rate == "0.3333")
        #expect(figures.tooRecent == 1)
        #expect(figures.pathCompletion == .init(part: 1, whole: 3))
        #expect(figures.activeLearners == 3)
        #expect(figures.learningHours == Quantity(hundredths: 1650))
        // 16.5 h / 3 learners / (181 days / 7) = 0.2127… → 0.21
        #expect(figures.hoursPerLearnerPerWeek == Quantity(hundredths: 21))
    }

    @Test func everyone() {
        let figures = Self.report(manager: nil).figures
        #expect(figures.people == 7)
        #expect(figures.moves == [.promotion: 3, .lateral: 2, .secondment: 1])
        #expect(figures.fills == .init(part: 2, whole: 3) && figures.fills.rate == "0.6667")
        #expect(figures.medianDaysToFill == "30")
        #expect(figures.success == .init(part: 1, whole: 3) && figures.tooRecent == 2)
        #expect(figures.pathCompletion == .init(part: 2, whole: 4) && figures.pathCompletion.rate == "0.5000")
        #expect(figures.activeLearners == 4)
        #expect(figures.learningHours == Quantity(hundredths: 2050))
        // 20.5 h / 4 / (181 / 7) = 0.1982… → 0.20
        #expect(figures.hoursPerLearnerPerWeek == Quantity(hundredths: 20))
        #expect(Self.report(manager: nil).teams.isEmpty)
    }

    @Test func perDirectReport() {
        let teams = Self.report(manager: "m").teams
        #expect(teams.map(\.manager) == ["a", "b", "c"])
        let a = teams[0].figures
        #expect(a.people == 3 && a.moves == [.promotion: 2, .secondment: 1] && a.secondmentsReturned == 1)
        #expect(a.success == .init(part: 1, whole: 2) && a.tooRecent == 0)
        #expect(a.fills == .init(part: 0, whole: 1) && a.medianDaysToFill == "30")
        #expect(a.pathCompletion == .init(part: 1, whole: 2))
        #expect(a.activeLearners == 2 && a.hoursPerLearnerPerWeek == Quantity(hundredths: 32))
        let b = teams[1].figures
        #expect(b.moves == [.lateral: 1] && b.tooRecent == 1 && b.success.rate == nil)
        #expect(b.pathCompletion == .init(part: 0, whole: 1) && b.activeLearners == 1 && b.hoursPerLearnerPerWeek == .zero)
        let c = teams[2].figures
        #expect(c.people == 1 && c.success == .init(part: 0, whole: 1) && c.activeLearners == 0 && c.hoursPerLearnerPerWeek == nil)
        #expect(c.fills.rate == nil && c.medianDaysToFill == nil)
    }

    @Test func byQuarter() {
        let buckets = Self.report(manager: "m", grouping: .quarter).buckets
        #expect(buckets.map(\.label) == ["2025-Q1", "2025-Q2"])
        #expect(buckets.map(\.from.description) == ["2025-01-01", "2025-04-01"])
        #expect(buckets.map(\.to.description) == ["2025-03-31", "2025-06-30"])
        #expect(buckets[0].figures.moves == [.promotion: 3, .lateral: 1])
        #expect(buckets[0].figures.fills == .init(part: 1, whole: 2))
        #expect(buckets[0].figures.activeLearners == 1 && buckets[0].figures.learningHours == Quantity(10))
        #expect(buckets[1].figures.moves == [.secondment: 1] && buckets[1].figures.secondmentsReturned == 1)
        #expect(buckets[1].figures.activeLearners == 2 && buckets[1].figures.learningHours == Quantity(hundredths: 650))
        let months = Self.report(manager: "m", grouping: .month).buckets
        #expect(months.map(\.label) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"])
        #expect(months.map { $0.figures.movesTotal } == [2, 1, 1, 1, 0, 0])
    }

    @Test func ratiosAndMediansAreExactDecimals() {
        #expect(MobilityReport.Ratio(part: 2, whole: 3).rate == "0.6667")
        #expect(MobilityReport.Ratio(part: 1, whole: 8).rate == "0.1250")
        #expect(MobilityReport.Ratio(part: 5, whole: 5).rate == "1.0000")
        #expect(MobilityReport.Ratio(part: 0, whole: 7).rate == "0.0000")
        var figures = MobilityReport.Figures()
        figures.daysToFill = [10, 3, 7, 4]
        #expect(figures.medianDaysToFill == "5.5")
        #expect(CalendarDate(iso: "2025-01-31")?.adding(months: 1).description == "2025-02-28")
        #expect(CalendarDate(iso: "2024-01-31")?.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2025-11-15")?.adding(months: 3).description == "2026-02-15")
    }
}
