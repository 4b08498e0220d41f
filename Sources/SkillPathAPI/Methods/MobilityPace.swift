import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// What suggestions and candidate lists say about each plan: hours, cost, what stays unmet, and when the
/// person would be ready at a pace.
enum MobilityPace {
    static let defaultHoursPerWeek = AssignmentsCreate.defaultHoursPerWeek

    /// The `hoursPerWeek` parameter, checked by the same rules as every plan option's pace.
    /// `preferred`: the employee's own weekly hours, the default when the call gives none.
    static func read(_ params: JSONField, preferred: Quantity? = nil) throws -> Quantity {
        guard let field = try params.optional("hoursPerWeek") else { return preferred ?? defaultHoursPerWeek }
        var options = PlanOptions()
        options.hoursPerWeek = try CatalogLists.quantity(field)
        do {
            try options.validate(requireStart: false)
        } catch {
            throw JSONFieldError(path: field.path, message: error.message)
        }
        return options.hoursPerWeek ?? defaultHoursPerWeek
    }

    /// The plan's figures; `readyBy` only when the plan closes the whole gap (otherwise the person is never
    /// ready on this catalog, and saying a date would be a lie).
    static func figures(_ plan: Plan, pace: Quantity, today: CalendarDate) -> [(String, JSONValue?)] {
        let ready = plan.complete ? plan.scheduled(pace: pace, start: today, deadline: nil).schedule?.estimatedCompletion : nil
        return [
            ("hours", plan.totals.hours.json), ("cost", plan.totals.cost.json), ("currency", .string(plan.totals.currency)),
            ("courses", .int(plan.totals.courses)), ("complete", .bool(plan.complete)),
            ("unmet", .array(plan.gap.filter { $0.importance == .essential }.map(\.unmetJSON))),
            ("cannotClose", .strings(plan.unmet.map(\.skill))), ("readyBy", ready.map { .string($0.description) }),
        ]
    }

    /// "2 skills to raise, 38 h", "ready now", or what no course can close.
    static func gapSummary(_ plan: Plan) -> String {
        let essential = plan.gap.filter { $0.importance == .essential }.count
        if essential == 0 { return "ready now" }
        let raise = "\(essential) skill\(essential == 1 ? "" : "s") to raise, \(plan.totals.hours) h"
        guard !plan.complete else { return raise }
        return "\(raise); \(plan.unmet.count) no course in the catalog can close (\(plan.unmet.map(\.name).joined(separator: ", ")))"
    }
}
