/// One internal candidate's plan set against hiring from outside: which is cheaper and which is sooner,
/// or `unknown` with the reason when the figures cannot say.
///
/// Building costs the plan's courses (per currency) and is done on the day the person is ready at their
/// pace; buying costs the external estimate and is done `daysToFill` days from today. A plan that cannot
/// close the gap has no readiness date: neither comparison is made for it. Costs in different currencies
/// are not compared (there is no exchange rate); a plan with no cost at all is cheaper than any hire that
/// costs something, in any currency.
public struct BuildVersusBuy: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        case build, buy, same, unknown
    }

    public var buildCost: CurrencyTotals
    /// Days from today until the person is ready (nil: the plan cannot make them ready).
    public var buildDays: Int?
    public var buy: ExternalHire.Estimate
    public var cheaper: Verdict
    public var sooner: Verdict
    /// Why a verdict is `unknown`, in words; nil when both are known.
    public var unknownBecause: String?

    public init(buildCost: CurrencyTotals, readyBy: CalendarDate?, buy: ExternalHire.Estimate, today: CalendarDate) {
        self.buildCost = buildCost
        self.buy = buy
        buildDays = readyBy.map { max(0, $0.daysSinceEpoch - today.daysSinceEpoch) }
        var reasons: [String] = []
        if buildDays == nil { reasons.append("no plan closes the whole gap") }
        if buy.cost == nil { reasons.append("the external cost is unknown") }
        if buy.daysToFill == nil { reasons.append("the external time to fill is unknown") }
        switch (buildDays, buy.cost) {
        case (.some, let cost?):
            if let single = buildCost.single, single.currency != cost.currency {
                cheaper = .unknown
                reasons.append("the plan costs \(single.currency), the hire \(cost.currency)")
            } else if buildCost.amounts.count > 1 {
                cheaper = .unknown
                reasons.append("the plan's courses are priced in several currencies")
            } else {
                cheaper = Self.verdict(buildCost.single?.amount ?? .zero, cost.amount)
            }
        default: cheaper = .unknown
        }
        sooner = switch (buildDays, buy.daysToFill) {
        case (let build?, let buy?): Self.verdict(build, buy)
        default: .unknown
        }
        unknownBecause = reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    private static func verdict<T: Comparable>(_ build: T, _ buy: T) -> Verdict {
        build < buy ? .build : build > buy ? .buy : .same
    }
}

extension Plan {
    /// The plan's cost per currency: each step at its course's currency (plan totals add them as plain
    /// numbers in the catalog's main currency; a comparison with money must not).
    public func costByCurrency(in catalog: Catalog) -> CurrencyTotals {
        var totals = CurrencyTotals()
        for step in steps { totals.add(step.cost, catalog.course(step.course)?.currency ?? catalog.currency) }
        return totals
    }
}
