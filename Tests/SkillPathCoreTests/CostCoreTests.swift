import SkillPathCore
import SkillPathFixtures
import Testing

/// Training spend and building versus buying against independent, brute-force answers.
@Suite struct CostCoreTests {
    static let currencies = ["EUR", "GBP", "USD"]

    /// 60 random sets of courses: each currency's total is the plain sum of the priced courses in it, teams
    /// and roles each add up to the total, and an unpriced course is counted, never priced at zero.
    @Test(arguments: 0..<60)
    func spendAddsUpPerCurrencyTeamAndRole(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 9_000)
        let courseCount = generator.int(in: 1...30)
        let prices: [String: (amount: Quantity, currency: String)?] = Dictionary(uniqueKeysWithValues: (0..<courseCount).map { index in
            let priced = generator.int(in: 0...9) > 0
            let price = (amount: Quantity(hundredths: Int64(generator.int(in: 0...500_000))), currency: Self.currencies[generator.int(in: 0...2)])
            return ("c\(index)", priced ? .some(price) : nil)
        })
        func courses(_ count: Int) -> [TrainingSpend.Course] {
            (0..<count).map { _ in
                let manager = generator.int(in: 0...3)
                let role = generator.int(in: 0...3)
                return TrainingSpend.Course(
                    employee: "e\(generator.int(in: 0...9))", course: "c\(generator.int(in: 0...(courseCount - 1)))",
                    role: role == 0 ? nil : "r\(role)", manager: manager == 0 ? nil : "m\(manager)")
            }
        }
        let completed = courses(generator.int(in: 0...40))
        let planned = courses(generator.int(in: 0...40))
        let spend = TrainingSpend(completed: completed, planned: planned) { prices[$0] ?? nil }

        // The brute force: cents per currency, by plain loops.
        func expected(_ entries: [TrainingSpend.Course]) -> (courses: Int, cents: [String: Int64], unpriced: Int) {
            var cents: [String: Int64] = [:]
            var unpriced = 0
            for entry in entries {
                guard let price = prices[entry.course] ?? nil else { unpriced += 1; continue }
                cents[price.currency, default: 0] += price.amount.hundredths
            }
            return (entries.count, cents, unpriced)
        }
        func check(_ amount: TrainingSpend.Amount, _ entries: [TrainingSpend.Course]) {
            let want = expected(entries)
            #expect(amount.courses == want.courses && amount.unpriced == want.unpriced)
            #expect(amount.cost.amounts.mapValues(\.hundredths) == want.cents)
            #expect(amount.cost.sorted.map(\.currency) == want.cents.keys.sorted())
        }
        check(spend.total.completed, completed)
        check(spend.total.planned, planned)
        for team in spend.teams {
            check(team.line.completed, completed.filter { $0.manager == team.manager })
            check(team.line.planned, planned.filter { $0.manager == team.manager })
        }
        for role in spend.roles {
            check(role.line.completed, completed.filter { $0.role == role.role })
            check(role.line.planned, planned.filter { $0.role == role.role })
        }
        #expect(Set(spend.teams.map(\.manager)) == Set((completed + planned).map(\.manager)), "every team with a course, and no other")
        #expect(spend.teams.last.map { $0.manager == nil } ?? true || !spend.teams.contains { $0.manager == nil }, "no manager comes last")
    }

    /// A total past 64 bits (a hostile catalog: every course at the highest price, millions of completions)
    /// stays at the largest amount instead of trapping, and other currencies are untouched.
    @Test func aTotalTooLargeToHoldStaysAtTheLargestAmount() {
        var totals = CurrencyTotals(Quantity(hundredths: Int64.max - 5), "USD")
        totals.add(Quantity(hundredths: 100), "USD")
        totals.add(Quantity(7), "EUR")
        #expect(totals.amounts["USD"]?.hundredths == Int64.max && totals.amounts["EUR"] == Quantity(7))
    }

    /// Every combination of known and unknown figures, against the rule written out case by case.
    @Test func buildVersusBuyVerdicts() {
        let today = CalendarDate(iso: "2027-01-01") ?? CalendarDate(daysSinceEpoch: 0)
        let costs: [CurrencyTotals] = [CurrencyTotals(), CurrencyTotals(Quantity(100), "USD"), CurrencyTotals(Quantity(900), "USD"), {
            var both = CurrencyTotals(Quantity(100), "USD")
            both.add(Quantity(5), "EUR")
            return both
        }(), CurrencyTotals(Quantity(100), "EUR")]
        for cost in costs {
            for ready in [nil, 0, 30, 90] as [Int?] {
                for hire in [nil, Money(amount: Quantity(100), currency: "USD"), Money(amount: Quantity(500), currency: "USD")] {
                    for days in [nil, 30] as [Int?] {
                        let comparison = BuildVersusBuy(
                            buildCost: cost, readyBy: ready.map { today.adding(days: $0) }, buy: ExternalHire.Estimate(cost: hire, daysToFill: days), today: today)
                        var cheaper = BuildVersusBuy.Verdict.unknown
                        if ready != nil, let hire, cost.amounts.keys.allSatisfy({ $0 == hire.currency }) {
                            let build = cost.amounts[hire.currency] ?? .zero
                            cheaper = build < hire.amount ? .build : build > hire.amount ? .buy : .same
                        }
                        var sooner = BuildVersusBuy.Verdict.unknown
                        if let ready, let days { sooner = ready < days ? .build : ready > days ? .buy : .same }
                        #expect(comparison.cheaper == cheaper && comparison.sooner == sooner, "\(cost) \(String(describing: ready)) \(String(describing: hire)) \(String(describing: days))")
                        #expect((comparison.unknownBecause == nil) == (cheaper != .unknown && sooner != .unknown))
                    }
                }
            }
        }
    }

    /// The report's build-versus-buy figures are the fills of the period taken one by one.
    @Test(arguments: 0..<30)
    func fillsAreSplitIntoBuiltAndBought(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 4_242)
        let from = CalendarDate(iso: "2026-01-01") ?? CalendarDate(daysSinceEpoch: 0)
        let to = from.adding(days: 364)
        let fills = (0..<generator.int(in: 0...25)).map { index in
            let opens = from.adding(days: generator.int(in: -200...300))
            var fill = MobilityFacts.Fill(
                opportunity: Int64(index + 1), manager: nil, opens: opens, date: opens.adding(days: generator.int(in: 0...120)),
                isInternal: generator.int(in: 0...1) == 0, role: "r",
                externalCost: generator.int(in: 0...2) == 0 ? nil : Money(amount: Quantity(generator.int(in: 1...90_000)), currency: Self.currencies[generator.int(in: 0...2)]))
            fill.training.add(generator.int(in: 0...3) == 0 ? nil : (Quantity(generator.int(in: 0...900)), Self.currencies[generator.int(in: 0...2)]))
            return fill
        }
        let facts = MobilityFacts(employees: [], moves: [], fills: fills, assignments: [], learning: [])
        let figures = MobilityReport.compute(facts, from: from, to: to, asOf: to, manager: nil, grouping: nil).figures.buildVersusBuy
        let inPeriod = fills.filter { $0.date >= from && $0.date <= to }
        let built = inPeriod.filter(\.isInternal)
        let bought = inPeriod.filter { !$0.isInternal }
        #expect(figures.internalFills == built.count && figures.externalFills == bought.count)
        #expect(figures.internalDays.sorted() == built.map { $0.date.daysSinceEpoch - $0.opens.daysSinceEpoch }.sorted())
        #expect(figures.externalCostUnknown == bought.filter { $0.externalCost == nil }.count)
        var cents: [String: Int64] = [:]
        for fill in bought { if let cost = fill.externalCost { cents[cost.currency, default: 0] += cost.amount.hundredths } }
        #expect(figures.externalCost.amounts.mapValues(\.hundredths) == cents)
        #expect(figures.training.courses == built.count && figures.training.unpriced == built.filter { $0.training.unpriced > 0 }.count)
    }
}
