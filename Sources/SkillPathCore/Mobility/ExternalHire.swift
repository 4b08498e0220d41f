/// What hiring from outside would cost and how long it would take, as far as anyone said: the opening's own
/// figures first, then the configuration's for the role, then its default. What nobody said stays unknown
/// (nil), never zero: an unknown cost must not make building look dear or buying look free.
public struct ExternalHire: Sendable, Equatable {
    public var defaultCost: Money?
    public var costByRole: [String: Money] = [:]
    public var defaultDaysToFill: Int?
    public var daysToFillByRole: [String: Int] = [:]

    public init(defaultCost: Money? = nil, costByRole: [String: Money] = [:], defaultDaysToFill: Int? = nil, daysToFillByRole: [String: Int] = [:]) {
        self.defaultCost = defaultCost
        self.costByRole = costByRole
        self.defaultDaysToFill = defaultDaysToFill
        self.daysToFillByRole = daysToFillByRole
    }

    /// The longest time to fill anyone may state: ten years.
    public static let maximumDaysToFill = 3_650

    /// Where a figure came from.
    public enum Source: String, Sendable {
        case opening, role, configuration
    }

    /// One external estimate: each figure with where it came from, nil when unknown.
    public struct Estimate: Sendable, Equatable {
        public var cost: Money?
        public var costSource: Source?
        public var daysToFill: Int?
        public var daysSource: Source?

        public init(cost: Money? = nil, costSource: Source? = nil, daysToFill: Int? = nil, daysSource: Source? = nil) {
            self.cost = cost
            self.costSource = costSource
            self.daysToFill = daysToFill
            self.daysSource = daysSource
        }
    }

    /// The estimate for `role`, with an opening's own figures when it gives them.
    public func estimate(role: String, openingCost: Money? = nil, openingDays: Int? = nil) -> Estimate {
        var estimate = Estimate()
        if let openingCost {
            (estimate.cost, estimate.costSource) = (openingCost, .opening)
        } else if let cost = costByRole[role] {
            (estimate.cost, estimate.costSource) = (cost, .role)
        } else if let defaultCost {
            (estimate.cost, estimate.costSource) = (defaultCost, .configuration)
        }
        if let openingDays {
            (estimate.daysToFill, estimate.daysSource) = (openingDays, .opening)
        } else if let days = daysToFillByRole[role] {
            (estimate.daysToFill, estimate.daysSource) = (days, .role)
        } else if let defaultDaysToFill {
            (estimate.daysToFill, estimate.daysSource) = (defaultDaysToFill, .configuration)
        }
        return estimate
    }
}
