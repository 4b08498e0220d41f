/// How an employee likes to learn: the languages and formats of the courses their plans should use, and the
/// hours a week they give to learning. Each is the default for their plans: a plan's own options win.
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

    /// `options` with these preferences filling what it leaves open: languages, formats, and the pace
    /// (which dates the plan from `today` unless it has a start).
    public func defaults(for options: PlanOptions, today: CalendarDate) -> PlanOptions {
        var filled = options
        if filled.languages == nil, !languages.isEmpty { filled.languages = Set(languages) }
        if filled.formats == nil, !formats.isEmpty { filled.formats = Set(formats) }
        if filled.hoursPerWeek == nil, let hoursPerWeek {
            filled.hoursPerWeek = hoursPerWeek
            if filled.startDate == nil { filled.startDate = today }
        }
        return filled
    }
}
