public import SkillPathJSON

/// An amount in one currency (an ISO code such as `EUR`): what an external hire costs, for example.
public struct Money: Sendable, Equatable {
    /// `{"amount": 45000, "currency": "USD"}`.
    public var json: JSONValue { .object([("amount", amount.json), ("currency", .string(currency))]) }

    public var amount: Quantity
    public var currency: String

    public init(amount: Quantity, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Whether `text` reads as a currency code: three to eight ASCII letters or digits (ISO 4217 codes, and
    /// the house codes some LMSs use for credits).
    public static func isCurrencyCode(_ text: String) -> Bool {
        (3...8).contains(text.utf8.count) && text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    /// `45000 USD`, as configuration files write it; nil when it does not read as an amount and a code.
    public init?(text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let amount = Quantity(literal: String(parts[0])), amount >= .zero, amount <= Money.maximum,
              Self.isCurrencyCode(String(parts[1]))
        else { return nil }
        self.init(amount: amount, currency: String(parts[1]))
    }

    /// No hire or course costs more: keeps every sum of them far from overflow.
    public static let maximum = Quantity(1_000_000_000)

    public var description: String { "\(amount) \(currency)" }
}
