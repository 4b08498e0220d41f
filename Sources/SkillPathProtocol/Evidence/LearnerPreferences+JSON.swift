public import SkillPathCore
public import SkillPathJSON

extension LearnerPreferences {
    /// `{languages, formats, hoursPerWeek}`: what `employees.get` shows and the store keeps.
    public var json: JSONValue {
        .object([("languages", .strings(languages)), ("formats", .strings(formats)), ("hoursPerWeek", hoursPerWeek?.json ?? .null)])
    }
}

extension PreferencesUpdate {
    /// Reads `{languages?, formats?, hoursPerWeek?}`: null or an empty list clears a field, a field left out
    /// keeps it.
    public init(json field: JSONField) throws(JSONFieldError) {
        self.init()
        try field.checkKeys(["languages", "formats", "hoursPerWeek"])
        // `optional` reads null as absent; here null means "clear", so members are looked up as given.
        let members = try field.objectValue()
        func member(_ key: String) -> JSONField? {
            members[key].map { JSONField($0, path: field.child(key)) }
        }
        func list(_ key: String) throws(JSONFieldError) -> [String]? {
            guard let value = member(key) else { return nil }
            if value.value.isNull { return [] }
            let items = try value.strings().map { $0.trimmingSpaces }
            if let blank = items.firstIndex(where: \.isEmpty) { throw JSONFieldError(path: "\(value.path)[\(blank)]", message: "must not be empty") }
            guard items.count <= 50 else { throw JSONFieldError(path: value.path, message: "lists \(items.count) values; at most 50") }
            return items
        }
        languages = try list("languages")
        formats = try list("formats")
        if let value = member("hoursPerWeek") {
            if value.value.isNull {
                hoursPerWeek = .some(nil)
            } else {
                let hours = try value.quantity(minimum: Quantity(hundredths: 1))
                guard hours <= LearnerPreferences.maximumHoursPerWeek else {
                    throw JSONFieldError(path: value.path, message: "must be at most \(LearnerPreferences.maximumHoursPerWeek) (the hours in a week), got \(hours)")
                }
                hoursPerWeek = .some(hours)
            }
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
