/// How to build a plan. Every option is optional; the defaults give the fastest path to the essential skills.
public struct PlanOptions: Sendable, Equatable {
    public enum Objective: String, Sendable, CaseIterable {
        /// Fewest total hours; ties broken by cost.
        case hours
        /// Lowest total cost; ties broken by hours.
        case cost
    }

    /// How hard to search for the best plan (docs/planning.md#effort).
    public enum Effort: String, Sendable, CaseIterable {
        /// Fast enough for every page view: p99 ≤ 2 ms on 100,000-course catalogs.
        case standard
        /// A hundred times the search, for plans worth waiting for (a frozen assignment, a batch report).
        case thorough
    }

    public var objective: Objective = .hours
    public var effort: Effort = .standard
    /// Allowed course formats, languages and providers; nil allows any.
    public var formats: Set<String>?
    public var languages: Set<String>?
    public var providers: Set<String>?
    /// A budget for the whole plan. When no plan reaches every gap skill within it, the plan keeps the skills
    /// it can afford and reports the rest as unmet with reason `over-budget`.
    public var maxCost: Quantity?
    /// Courses never to plan.
    public var exclude: Set<String> = []
    /// Also close the target role's optional skills.
    public var includeOptional = false
    /// Also close the gaps of the profile's current role.
    public var keepCurrentRole = false
    /// The learner's pace; with `startDate` it gives every step dates and the plan a completion date.
    public var hoursPerWeek: Quantity?
    public var startDate: CalendarDate?
    /// With a pace, the plan says whether it completes by this date.
    public var deadline: CalendarDate?

    public init() {}

    /// The most hours a week a pace may have: the hours in a week.
    public static let maximumHoursPerWeek = Quantity(168)

    /// Every rule on the options that does not need the catalog, in one place: the JSON reader, the planner,
    /// the CLI and every daemon method go through it, so no path can skip a check.
    /// - Parameter requireStart: a pace needs a start date (the library's rule; the tools fill in today).
    public func validate(requireStart: Bool = true) throws(PlanningError) {
        if let pace = hoursPerWeek {
            guard pace > .zero else {
                throw PlanningError(.invalidOption, field: "options.hoursPerWeek", "must be greater than 0, got \(pace)")
            }
            guard pace <= Self.maximumHoursPerWeek else {
                throw PlanningError(.invalidOption, field: "options.hoursPerWeek", "must be at most 168 (the hours in a week), got \(pace)")
            }
            if requireStart && startDate == nil {
                throw PlanningError(.invalidOption, field: "options.startDate", "is required with hoursPerWeek")
            }
        }
        if deadline != nil && hoursPerWeek == nil {
            throw PlanningError(.invalidOption, field: "options.deadline", "needs hoursPerWeek to schedule the plan")
        }
        if let maxCost, maxCost < .zero {
            throw PlanningError(.invalidOption, field: "options.maxCost", "must not be negative, got \(maxCost)")
        }
    }

    /// The tools of this product fill a missing `startDate` with today when a pace is given; the core never
    /// reads the clock, so the same options always give the same plan.
    public func startingToday(_ today: CalendarDate) -> PlanOptions {
        var options = self
        if options.hoursPerWeek != nil && options.startDate == nil { options.startDate = today }
        return options
    }
}
