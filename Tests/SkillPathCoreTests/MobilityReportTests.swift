import SkillPathCore
import SkillPathFixtures
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
            .init(id: 1, employee: "c", fromRole: "analyst", toRole: "lead", kind: .promotion, date: day("2025-01-15")),
            .init(id: 2, employee: "e", fromRole: "designer", toRole: "engineer", kind: .promotion, date: day("2025-01-20")),
            .init(id: 3, employee: "a", fromRole: "analyst", toRole: "scientist", kind: .promotion, date: day("2025-02-01")),
            .init(id: 4, employee: "b", fromRole: "analyst", toRole: "engineer", kind: .lateral, date: day("2025-03-10")),
            .init(id: 5, employee: "d", fromRole: "engineer", toRole: "designer", kind: .secondment, date: day("2025-04-01")),
            .init(id: 6, employee: "x", fromRole: "analyst", toRole: "scientist", kind: .lateral, date: day("2025-05-05")),
            .init(id: 7, employee: "d", fromRole: "designer", toRole: "engineer", kind: .lateral, date: day("2025-06-01"), isReturn: true),
            .init(id: 8, employee: "e", fromRole: "engineer", toRole: "designer", kind: .lateral, date: day("2025-07-01")),
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
        ],
        feedback: [
            // a and e rate their own promotions; m rates a's promotion and b's lateral move (a and b report to m).
            MoveFeedback(move: 3, respondent: .mover, employee: "a", rating: 4, comment: "Glad I moved", givenAt: "2025-03-10T09:00:00Z"),
            MoveFeedback(move: 3, respondent: .manager, employee: "m", rating: 3, comment: nil, givenAt: "2025-03-11T09:00:00Z"),
            MoveFeedback(move: 2, respondent: .mover, employee: "e", rating: 2, comment: nil, givenAt: "2025-03-01T09:00:00Z"),
            MoveFeedback(move: 4, respondent: .manager, employee: "m", rating: 1, comment: "Not the right fit yet", givenAt: "2025-04-20T09:00:00Z"),
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

    /// docs/mobility.md, "Did the moves work?": retention and feedback of the worked example.
    @Test func didTheMovesWork() {
        let subtree = Self.report(manager: "m").figures
        // c left before the checkpoint; e and a stayed; b's and d's year has not passed by 2026-03-01.
        #expect(subtree.retention.movers == .init(part: 2, whole: 3) && subtree.retention.moversTooRecent == 2)
        #expect(subtree.retention.byKind["promotion"] == .init(part: 2, whole: 3))
        #expect(subtree.retention.byKind["lateral"] == nil && subtree.retention.byKind["secondment"] == nil)
        // m did not move: still employed on 2026-01-01.
        #expect(subtree.retention.stayers == .init(part: 1, whole: 1) && subtree.retention.stayersTooRecent == 0)
        // Five moves were 30 days old by 2026-03-01 (d's return is not a move).
        #expect(subtree.feedback.ratable == 5)
        #expect(subtree.feedback.responses == [.mover: 2, .manager: 2])
        #expect(subtree.feedback.distribution == [.mover: [0, 1, 0, 1, 0], .manager: [1, 0, 1, 0, 0]])
        #expect(subtree.feedback.comments.map(\.text) == ["Glad I moved", "Not the right fit yet"])
        // e's 2 does not change e's failed promotion; m's 1 for b waits for b's checkpoint: still too recent.
        #expect(subtree.success == .init(part: 1, whole: 3) && subtree.tooRecent == 1)

        let everyone = Self.report(manager: nil).figures
        // x's lateral move on 2025-05-05 is too recent; x is not a stayer.
        #expect(everyone.retention.movers == .init(part: 2, whole: 3) && everyone.retention.moversTooRecent == 3)
        #expect(everyone.retention.stayers == .init(part: 1, whole: 1))
        #expect(everyone.feedback.ratable == 6)

        let teams = Self.report(manager: "m").teams
        #expect(teams.map(\.figures.retention.movers) == [.init(part: 2, whole: 2), .init(part: 0, whole: 0), .init(part: 0, whole: 1)])
        #expect(teams.map(\.figures.feedback.ratable) == [3, 1, 1])
    }

    /// A rating of 2 or lower from either respondent turns a move that would have succeeded into a failure.
    @Test func aLowRatingMakesAMoveUnsuccessful() {
        var facts = Self.facts
        facts.feedback[1].rating = 2
        let figures = MobilityReport.compute(facts, from: Self.day("2025-01-01"), to: Self.day("2025-06-30"), asOf: Self.day("2026-03-01"), manager: "m", grouping: nil).figures
        #expect(figures.success == .init(part: 0, whole: 3))
        facts.feedback[1].rating = 3
        let kept = MobilityReport.compute(facts, from: Self.day("2025-01-01"), to: Self.day("2025-06-30"), asOf: Self.day("2026-03-01"), manager: "m", grouping: nil).figures
        #expect(kept.success == .init(part: 1, whole: 3))
    }

    /// Retention against a plain recomputation from its definition, on random organisations and periods.
    @Test(arguments: 1...40) func retentionMatchesItsDefinition(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        func draw(_ bound: Int) -> Int { generator.int(in: 0...(bound - 1)) }
        let start = Self.day("2024-01-01")
        let people = (0..<30).map { "p\($0)" }
        let employees = people.enumerated().map { number, id in
            MobilityFacts.Employee(id: id, manager: number == 0 ? nil : "p\((number - 1) / 3)", leftOn: draw(4) == 0 ? start.adding(days: draw(900)) : nil)
        }
        let moves = (0..<40).map { number in
            MobilityFacts.Move(
                id: Int64(number + 1), employee: people[draw(30)], fromRole: "r\(draw(3))", toRole: "s\(draw(3))",
                kind: Transition.Kind.allCases[draw(3)], date: start.adding(days: draw(700)), isReturn: draw(8) == 0)
        }
        let projects = (0..<6).map { _ in MobilityFacts.Project(employee: people[draw(30)], start: start.adding(days: draw(700)), finishedOn: nil, outcome: nil) }
        let facts = MobilityFacts(employees: employees, moves: moves, fills: [], assignments: [], learning: [], projects: projects)
        let (from, to) = (start.adding(days: draw(300)), start.adding(days: 300 + draw(300)))
        let asOf = to.adding(days: draw(500))
        let retention = MobilityReport.compute(facts, from: from, to: to, asOf: asOf, manager: nil, grouping: nil).figures.retention
        // The definition, person by person.
        var expected = MobilityReport.Retention()
        for employee in employees {
            let dated = moves.filter { $0.employee == employee.id && !$0.isReturn && $0.date >= from && $0.date <= to }.map { ($0.kind.rawValue, $0.date) }
                + projects.filter { $0.employee == employee.id && $0.start >= from && $0.start <= to }.map { ("project", $0.start) }
            func judge(_ anchor: CalendarDate) -> Bool? {
                let checkpoint = anchor.adding(months: 12)
                return checkpoint > asOf ? nil : employee.leftOn.map { $0 > checkpoint } ?? true
            }
            if let first = dated.map(\.1).min() {
                switch judge(first) {
                case nil: expected.moversTooRecent += 1
                case let stayed?: expected.movers.whole += 1; expected.movers.part += stayed ? 1 : 0
                }
                for kind in Set(dated.map(\.0)) {
                    guard let anchor = dated.filter({ $0.0 == kind }).map(\.1).min(), let stayed = judge(anchor) else { continue }
                    expected.byKind[kind, default: .init(part: 0, whole: 0)].whole += 1
                    if stayed { expected.byKind[kind, default: .init(part: 0, whole: 0)].part += 1 }
                }
            } else if employee.leftOn.map({ $0 >= from }) ?? true {
                switch judge(from) {
                case nil: expected.stayersTooRecent += 1
                case let stayed?: expected.stayers.whole += 1; expected.stayers.part += stayed ? 1 : 0
                }
            }
        }
        #expect(retention == expected, "seed \(seed)")
    }
}
