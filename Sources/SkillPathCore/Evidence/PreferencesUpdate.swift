/// A change to preferences: a field given replaces the stored one (an empty list clears it; `.some(nil)`
/// clears the pace), a field left out keeps it.
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
}
