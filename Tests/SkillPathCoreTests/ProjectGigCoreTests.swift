import SkillPathCore
import SkillPathFixtures
import Testing

/// The two rules project gigs add, each against an independent brute force on random cases: the weekly
/// budget that gigs take hours from (simulated day by day), and the order a project ranks its candidates in.
@Suite struct ProjectGigCoreTests {
    /// Day by day: each day frees a seventh of what the gigs running that day leave of the week; the first
    /// hour of a stretch falls on the day its first seventh-of-a-hundredth is freed, the last on the day the
    /// whole stretch is.
    static func simulated(pace: Int64, origin: CalendarDate, gigs: [WeeklyBudget.Reservation], before: Int64, hours: Int64) -> (first: Int, last: Int) {
        var freed: Int64 = 0
        var first: Int?
        var day = 0
        let (start, end) = (before * 7, (before + hours) * 7)
        while true {
            let date = origin.adding(days: day)
            let taken = gigs.filter { $0.start <= date && date < $0.end }.reduce(Int64(0)) { $0 + $1.hoursPerWeek.hundredths }
            freed += max(0, pace - taken)
            if first == nil, freed > start { first = day }
            if let first, freed >= end { return (first, max(first, day)) }
            day += 1
        }
    }

    @Test(arguments: 1...12)
    func theBudgetLeftByGigsMatchesADayByDaySimulation(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let origin = CalendarDate(iso: "2027-01-04") ?? CalendarDate(daysSinceEpoch: 0)
        for _ in 0..<40 {
            let pace = Int64.random(in: 100...1200, using: &random)
            let gigs = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                let start = origin.adding(days: Int.random(in: -20...60, using: &random))
                return WeeklyBudget.Reservation(
                    start: start, end: start.adding(days: Int.random(in: 1...90, using: &random)),
                    hoursPerWeek: Quantity(hundredths: Int64.random(in: 50...1500, using: &random)))
            }
            let budget = WeeklyBudget(pace: Quantity(hundredths: pace), origin: origin, reservations: gigs)
            var before: Int64 = 0
            for _ in 0..<5 {
                let hours = Int64.random(in: 0...4000, using: &random)
                let expected = Self.simulated(pace: pace, origin: origin, gigs: gigs, before: before, hours: hours)
                let actual = budget.span(after: before, hours: hours)
                #expect(actual.first == expected.first && actual.last == expected.last, "seed \(seed): pace \(pace), \(gigs), after \(before) + \(hours): \(actual) vs \(expected)")
                before += hours
            }
            if gigs.isEmpty {
                #expect(budget.span(after: 300, hours: 700) == LearningDays.span(after: 300, hours: 700, pace: Quantity(hundredths: pace)))
            }
        }
    }

    /// Hours learnt before a day are what the days before it freed, rounded up to the hundredth.
    @Test func hoursBeforeADayAreWhatTheDaysBeforeFreed() {
        let origin = CalendarDate(iso: "2027-01-04") ?? CalendarDate(daysSinceEpoch: 0)
        // 4 h a week, a gig of 3 h from day 7 to day 21: days 0-6 free 4 h, days 7-20 free 1 h a week (2 h).
        let budget = WeeklyBudget(pace: Quantity(hundredths: 400), origin: origin, reservations: [
            WeeklyBudget.Reservation(start: origin.adding(days: 7), end: origin.adding(days: 21), hoursPerWeek: Quantity(hundredths: 300)),
        ])
        #expect(budget.hours(before: 7) == 400)
        #expect(budget.hours(before: 21) == 600)
        #expect(budget.hours(before: 28) == 1000)
        #expect(budget.isReduced)
        // docs/mobility.md's worked example: a 30 h plan at 4 h a week ends on day 52 alone, on day 104 beside
        // a 3 h gig for ten weeks.
        let alone = WeeklyBudget(pace: Quantity(hundredths: 400), origin: origin, reservations: [])
        #expect(alone.span(after: 0, hours: 3000).last == 52)
        let gig = WeeklyBudget(pace: Quantity(hundredths: 400), origin: origin, reservations: [
            WeeklyBudget.Reservation(start: origin, end: origin.adding(days: 70), hoursPerWeek: Quantity(hundredths: 300)),
        ])
        #expect(gig.span(after: 0, hours: 3000).last == 104)
    }

    @Test(arguments: 1...8)
    func projectCandidatesAreRankedAsTheRuleSays(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let skills = ["a", "b", "c", "d"]
        for _ in 0..<30 {
            let develops = skills.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
                .map { SkillLevel(skill: $0, level: Int.random(in: 1...5, using: &random)) }
            let people = (0..<Int.random(in: 0...25, using: &random)).map { number in
                (id: "p\(number)", levels: Dictionary(uniqueKeysWithValues: skills.map { ($0, Int.random(in: 0...5, using: &random)) }))
            }
            let budgets = Dictionary(uniqueKeysWithValues: people.map { ($0.id, Quantity(hundredths: Int64.random(in: 100...800, using: &random))) })
            let busy = Dictionary(uniqueKeysWithValues: people.map { ($0.id, Quantity(hundredths: Int64.random(in: 0...400, using: &random))) })
            let hours = Quantity(hundredths: Int64.random(in: 100...600, using: &random))
            let limit = Int.random(in: 1...30, using: &random)
            let ranked = ProjectRanking.rank(
                people, develops: develops, hoursPerWeek: hours, budget: { budgets[$0] ?? .zero }, busy: { busy[$0] ?? .zero }, limit: limit)
            // Brute force: each person's steps skill by skill, then the four keys of the rule in turn.
            let expected = people.compactMap { person -> (id: String, room: Int, count: Int, gain: Int)? in
                let steps = develops.map { max(0, $0.level - (person.levels[$0.skill] ?? 0)) }.filter { $0 > 0 }
                guard !steps.isEmpty else { return nil }
                let room = (busy[person.id]?.hundredths ?? 0) + hours.hundredths <= (budgets[person.id]?.hundredths ?? 0)
                return (person.id, room ? 0 : 1, -steps.count, steps.reduce(0, +))
            }
            .sorted { ($0.room, $0.count, $0.gain, $0.id) < ($1.room, $1.count, $1.gain, $1.id) }
            .prefix(limit)
            #expect(ranked.map(\.id) == expected.map(\.id), "seed \(seed)")
            #expect(ranked.map(\.fit.gain) == expected.map(\.gain), "seed \(seed)")
        }
    }
}
