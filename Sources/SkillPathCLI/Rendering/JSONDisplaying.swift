import SkillPathCore
import SkillPathJSON

/// How renderers show values out of a JSON reply: numbers exactly as the daemon wrote them, money with two
/// decimals, and "?" for anything missing, so a reply from a newer daemon never crashes an older CLI.
protocol JSONDisplaying {}

extension JSONDisplaying {
    func text(_ value: JSONValue?) -> String {
        switch value {
        case .number(let literal)?: literal
        case .string(let string)?: string
        default: "?"
        }
    }

    /// A count: a whole number grouped in thousands ("50,012"), as every count the CLI prints; any other
    /// number as written.
    func count(_ value: JSONValue?) -> String {
        if case .number(let literal)? = value, let number = Int(literal) { return Plural.grouped(number) }
        return text(value)
    }

    /// An exact number of hours; nothing (0) for anything else.
    func quantity(_ value: JSONValue?) -> Quantity {
        if case .number(let literal)? = value, let quantity = Quantity(literal: literal) { return quantity }
        return .zero
    }

    func money(_ value: JSONValue?) -> String {
        if case .number(let literal)? = value, let quantity = Quantity(literal: literal) { return quantity.fixedTwoDecimals }
        return "?"
    }
}

/// The display rules for code outside a renderer (a command's one-line summary).
struct Shown: JSONDisplaying {}
