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
        /// Through a shortlist of each level's providers where the whole walk would be large
        /// (`ProviderShortlist`): a hundred times faster than `standard` on catalogs whose requirements
        /// reach anywhere, at a cost in plan quality measured in docs/planning.md.
        case quick
        /// Fast enough for every page view on most catalogs: p99 ≤ 2 ms on 100,000-course catalogs whose
        /// requirements stay local; every provider of every level is searched.
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
    /// Preferred course formats and languages (an employee's stored preferences fill them): unlike
    /// `formats` and `languages` they rule no course out. The plan spends as few hours outside them as the
    /// catalog allows, then minimises the objective (docs/planning.md#preferences); each step outside them
    /// says so. Values no course has are ignored.
    public var preferredFormats: Set<String>?
    public var preferredLanguages: Set<String>?
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
    /// - Parameter requireSchedule: a pace needs a start date and a deadline needs a pace (the library's
    ///   rules; the tools fill in today and the pace, `completingSchedule`).
    public func validate(requireSchedule: Bool = true) throws(PlanningError) {
        if let pace = hoursPerWeek {
            guard pace > .zero else {
                throw PlanningError(.invalidOption, field: "options.hoursPerWeek", "must be greater than 0, got \(pace)")
            }
            guard pace <= Self.maximumHoursPerWeek else {
                throw PlanningError(.invalidOption, field: "options.hoursPerWeek", "must be at most 168 (the hours in a week), got \(pace)")
            }
            if requireSchedule && startDate == nil {
                throw PlanningError(.invalidOption, field: "options.startDate", "is required with hoursPerWeek")
            }
        }
        if requireSchedule && deadline != nil && hoursPerWeek == nil {
            throw PlanningError(.invalidOption, field: "options.deadline", "needs hoursPerWeek to schedule the plan")
        }
        if let maxCost, maxCost < .zero {
            throw PlanningError(.invalidOption, field: "options.maxCost", "must not be negative, got \(maxCost)")
        }
    }

    /// The pace the tools of this product date a plan at when neither the call nor the employee's stored
    /// preferences give one: in plans, suggestions, candidates, assignments and reports alike.
    public static let defaultHoursPerWeek = Quantity(4)

    /// The tools of this product fill a missing pace when a deadline asks for a schedule (`pace`: the
    /// employee's stored one, else the default), then a missing `startDate` with today when there is a pace;
    /// the core never reads the clock, so the same options always give the same plan.
    public func completingSchedule(today: CalendarDate, pace: Quantity? = nil) -> PlanOptions {
        var options = self
        if options.deadline != nil && options.hoursPerWeek == nil { options.hoursPerWeek = pace ?? Self.defaultHoursPerWeek }
        if options.hoursPerWeek != nil && options.startDate == nil { options.startDate = today }
        return options
    }
}
