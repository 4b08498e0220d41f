import SkillPathCore
import SkillPathJSON

extension Money {
    /// `85000 USD` from `{"amount": 85000, "currency": "USD"}`; nil when it is not one.
    static func shown(_ value: JSONValue) -> String? {
        guard let amount = value["amount"], let currency = value["currency"]?.stringValue else { return nil }
        return "\(Shown().text(amount)) \(currency)"
    }

    /// `2900 USD + 120 EUR` from a list of amounts per currency (never added together); `0` for none.
    static func shown(list value: JSONValue?) -> String {
        let parts = (value?.arrayValue ?? []).compactMap { shown($0) }
        return parts.isEmpty ? "0" : parts.joined(separator: " + ")
    }
}
