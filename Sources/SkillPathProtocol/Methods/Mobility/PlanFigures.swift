public import SkillPathCore
public import SkillPathJSON

/// What suggestions and candidate lists say of a plan: hours, cost, the gap, what no course can close, and
/// when the person would be ready at a pace (only when the plan closes the whole gap: otherwise they are
/// never ready on this catalog, and a date would be a lie).
public struct PlanFigures: Sendable {
    public var plan: Plan
    public var readyBy: CalendarDate?

    public init(_ plan: Plan, pace: Quantity, today: CalendarDate) {
        self.plan = plan
        readyBy = PlanReadiness.readyBy(plan, pace: pace, today: today)
    }

    public var members: [(String, JSONValue?)] {
        [
            ("hours", plan.totals.hours.json), ("cost", plan.totals.cost.json), ("currency", .string(plan.totals.currency)),
            ("courses", .int(plan.totals.courses)), ("complete", .bool(plan.complete)),
            ("unmet", .array(plan.gap.filter { $0.importance == .essential }.map(\.unmetJSON))),
            ("cannotClose", .strings(plan.unmet.map(\.skill))), ("readyBy", readyBy.map { .string($0.description) }),
        ]
    }

    /// The `hoursPerWeek` parameter of the ranking methods: a pace, by the rules of every plan's pace.
    public static func pace(_ params: JSONField) throws(JSONFieldError) -> Quantity? {
        guard let field = try params.optional("hoursPerWeek") else { return nil }
        let pace = try field.quantity(minimum: Quantity(hundredths: 1))
        guard pace <= PlanOptions.maximumHoursPerWeek else {
            throw JSONFieldError(path: field.path, message: "must be at most \(PlanOptions.maximumHoursPerWeek) (the hours in a week), got \(pace)")
        }
        return pace
    }
}

extension Plan.GapEntry {
    /// A gap skill as suggestions and candidate lists show it.
    public var unmetJSON: JSONValue {
        .object([("skill", .string(skill)), ("name", .string(name)), ("have", .int(have)), ("need", .int(need))])
    }
}
