public import SkillPathJSON

extension LearnerPreferences {
    /// `{languages, formats, hoursPerWeek}`: what `employees.get` shows and the store keeps.
    public var json: JSONValue {
        .object([("languages", .strings(languages)), ("formats", .strings(formats)), ("hoursPerWeek", hoursPerWeek?.json ?? .null)])
    }

    /// The most a week can hold.
    public static let maximumHoursPerWeek = Quantity(168)
}

/// A change to preferences, as `{languages?, formats?, hoursPerWeek?}`: a field given replaces the stored one
/// (null or an empty list clears it), a field left out keeps it.
public struct PreferencesUpdate: Sendable, Equatable {
    public var languages: [String]?
    public var formats: [String]?
    /// `.some(nil)` clears the pace.
    public var hoursPerWeek: Quantity??

    public init(languages: [String]? = nil, formats: [String]? = nil, hoursPerWeek: Quantity?? = nil) {
        self.languages = languages
        self.formats = formats
        self.hoursPerWeek = hoursPerWeek
    }

    public func applied(to base: LearnerPreferences) -> LearnerPreferences {
        var result = base
        if let languages { result.languages = languages }
        if let formats { result.formats = formats }
        if let hoursPerWeek { result.hoursPerWeek = hoursPerWeek }
        return result
    }

    public init(json field: JSONField) throws(JSONFieldError) {
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
                let hours = try PlanOptions.quantity(value, minimum: Quantity(hundredths: 1))
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
