import SkillPathCore
import SkillPathJSON

/// Reading the value types the methods share, with the messages every method gives for them.
extension JSONField {
    /// A calendar date, `YYYY-MM-DD`.
    func date() throws(JSONFieldError) -> CalendarDate {
        let text = try string()
        guard let date = CalendarDate(iso: text) else { throw JSONFieldError(path: path, message: "must be a date as YYYY-MM-DD, got \"\(text)\"") }
        return date
    }

    /// One of an enumeration's raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) throws(JSONFieldError) -> Choice where Choice.RawValue == String {
        let text = try string()
        guard let choice = Choice(rawValue: text) else {
            throw JSONFieldError(path: path, message: "must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
        }
        return choice
    }
}
