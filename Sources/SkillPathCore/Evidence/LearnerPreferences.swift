/// How an employee likes to learn: the languages and formats of the courses their plans should prefer, and
/// the hours a week they give to learning. Preferred languages and formats order the courses and never rule
/// one out (a plan the catalog can complete stays complete); a plan's own options win, and its `formats` and
/// `languages` are hard filters.
public struct LearnerPreferences: Sendable, Equatable {
    public var languages: [String]
    public var formats: [String]
    public var hoursPerWeek: Quantity?

    public init(languages: [String] = [], formats: [String] = [], hoursPerWeek: Quantity? = nil) {
        self.languages = languages
        self.formats = formats
        self.hoursPerWeek = hoursPerWeek
    }

    /// The most a week can hold.
    public static let maximumHoursPerWeek = PlanOptions.maximumHoursPerWeek

    public var isEmpty: Bool { languages.isEmpty && formats.isEmpty && hoursPerWeek == nil }

    /// `options` with these preferences filling what it leaves open: the preferred languages and formats
    /// (where the call sets neither a filter nor a preference of its own), and the pace (which dates the plan
    /// from `today` unless it has a start).
    public func defaults(for options: PlanOptions, today: CalendarDate) -> PlanOptions {
        var filled = options
        if filled.languages == nil, filled.preferredLanguages == nil, !languages.isEmpty { filled.preferredLanguages = Set(languages) }
        if filled.formats == nil, filled.preferredFormats == nil, !formats.isEmpty { filled.preferredFormats = Set(formats) }
        if filled.hoursPerWeek == nil, let hoursPerWeek {
            filled.hoursPerWeek = hoursPerWeek
            if filled.startDate == nil { filled.startDate = today }
        }
        return filled
    }
}
