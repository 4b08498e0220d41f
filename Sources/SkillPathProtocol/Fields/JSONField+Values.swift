public import SkillPathCore
public import SkillPathJSON

/// Reading the value types every request shares, with the messages every method gives for them: one reader
/// per type, so that `maxCost`, `hoursPerWeek` and `maxHours` are refused in the same words.
extension JSONField {
    /// A calendar date, `YYYY-MM-DD`.
    public func date() throws(JSONFieldError) -> CalendarDate {
        let text = try string()
        guard let date = CalendarDate(iso: text) else { throw JSONFieldError(path: path, message: "must be a date as YYYY-MM-DD, got \"\(text)\"") }
        return date
    }

    /// One of an enumeration's raw values.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) throws(JSONFieldError) -> Choice where Choice.RawValue == String {
        let text = try string()
        guard let choice = Choice(rawValue: text) else {
            throw JSONFieldError(path: path, message: "must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
        }
        return choice
    }

    /// An exact decimal number (hours, a cost, a pace) within `Quantity`'s range, at least `minimum` when
    /// one is given (zero: "must not be negative"; anything above: "must be greater than 0").
    public func quantity(minimum: Quantity? = nil) throws(JSONFieldError) -> Quantity {
        guard case .number(let text) = value else { throw mismatch("a number") }
        let quantity: Quantity
        switch Quantity.parse(text) {
        case .success(let parsed): quantity = parsed
        case .failure(.outOfRange):
            throw JSONFieldError(path: path, message: "is out of range: \(Text.abbreviated(text)) (at most \(Quantity.limit))")
        case .failure(.notANumber): throw mismatch("a number")
        }
        if let minimum, quantity < minimum {
            throw JSONFieldError(path: path, message: minimum == .zero ? "must not be negative" : "must be greater than 0")
        }
        return quantity
    }

    /// The optional `note` member of these params (or another text member, `key`): text, at most
    /// `ApplicationRecord.maximumNote` characters (an application's step, a mentoring, a move's feedback).
    public func note(_ key: String = "note") throws(JSONFieldError) -> String? {
        guard let field = try optional(key) else { return nil }
        let text = try field.string()
        guard text.count <= ApplicationRecord.maximumNote else {
            throw JSONFieldError(path: field.path, message: "is \(text.count) characters long; at most \(ApplicationRecord.maximumNote)")
        }
        return text
    }

    /// A positive whole number id (an assignment, a move, an opportunity).
    public func positiveID() throws(JSONFieldError) -> Int64 {
        Int64(try int(in: 1...Int.max))
    }
}
