/// Money kept apart by currency: amounts in different currencies are never added together (there is no
/// exchange rate in SkillPath, and a total that mixed them would be a number nobody can spend).
public struct CurrencyTotals: Sendable, Equatable {
    /// Amount per ISO currency code.
    public private(set) var amounts: [String: Quantity] = [:]

    public init() {}

    public init(_ amount: Quantity, _ currency: String) {
        add(amount, currency)
    }

    /// Adds `amount`; a sum past what 64 bits hold stays at the largest (millions of courses at the highest
    /// price a catalog may give: a figure nobody reads as exact, and no trap on data we did not write).
    public mutating func add(_ amount: Quantity, _ currency: String) {
        let sum = amounts[currency, default: .zero].hundredths.addingClamped(amount.hundredths)
        amounts[currency] = Quantity(hundredths: sum)
    }

    public mutating func add(_ other: CurrencyTotals) {
        for (currency, amount) in other.amounts { add(amount, currency) }
    }

    /// Each currency with its amount, by currency code: the order every answer shows them in.
    public var sorted: [(currency: String, amount: Quantity)] {
        amounts.sorted { Text.precedes($0.key, $1.key) }.map { ($0.key, $0.value) }
    }

    /// The one currency and its amount, when there is exactly one; nil for none or several.
    public var single: (currency: String, amount: Quantity)? {
        amounts.count == 1 ? amounts.first.map { ($0.key, $0.value) } : nil
    }
}
