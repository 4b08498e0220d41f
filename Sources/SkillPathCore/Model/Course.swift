/// Something an employee can take to raise skills: a video series, a workshop, a book, a mentoring programme.
public struct Course: Sendable, Hashable {
    public var id: String
    public var title: String
    public var provider: String?
    /// `video`, `instructor-led`, `reading`, `hands-on`, `mentoring`, or any other string a catalog uses.
    public var format: String
    /// Always greater than zero: every course takes time, which keeps plans minimal (see docs/planning.md).
    public var hours: Quantity
    public var cost: Quantity
    public var currency: String
    public var language: String
    /// Never empty: a course that teaches nothing is rejected.
    public var teaches: [SkillLevel]
    /// Entry requirements: each skill must be at least at the level before the course can be taken.
    public var requires: [SkillLevel]
    /// Courses that must already be done.
    public var after: [String]
    public var url: String?
    public var tags: [String]
    /// The course's id in the LMS's xAPI statements (an activity IRI), when it is not its `url`.
    public var xapiActivity: String?
    public var source: CatalogLocation

    public init(
        id: String, title: String, provider: String? = nil, format: String, hours: Quantity, cost: Quantity = .zero,
        currency: String = Course.defaultCurrency, language: String = Course.defaultLanguage, teaches: [SkillLevel],
        requires: [SkillLevel] = [], after: [String] = [], url: String? = nil, tags: [String] = [], xapiActivity: String? = nil,
        source: CatalogLocation = CatalogLocation(file: "", line: 0)
    ) {
        self.id = id
        self.title = title
        self.provider = provider
        self.format = format
        self.hours = hours
        self.cost = cost
        self.currency = currency
        self.language = language
        self.teaches = teaches
        self.requires = requires
        self.after = after
        self.url = url
        self.tags = tags
        self.xapiActivity = xapiActivity
        self.source = source
    }

    /// Bounds on a course's numbers: no real course is longer or dearer, and they keep every sum over a
    /// catalog of 100,000 courses far from overflow.
    public static let maximumHours = Quantity(100_000)
    public static let maximumCost = Quantity(1_000_000_000)

    public static let defaultCurrency = "USD"
    public static let defaultLanguage = "en"
    /// The formats the product knows by name; others are allowed and simply passed through.
    public static let knownFormats = ["video", "instructor-led", "reading", "hands-on", "mentoring"]
}
