public import SkillPathCore
public import SkillPathJSON

extension Route {
    /// What a hop whose gap no course in the catalog teaches says of itself.
    public static let gapOnlyNote = "no courses in the catalog: gap only"

    public var json: JSONValue {
        .object([
            ("from", .string(from)),
            ("to", .string(to)),
            ("found", .bool(found)),
            ("reason", reason.map(JSONValue.string)),
            ("hops", .array(hops.map { hop in
                .object([
                    ("from", .string(hop.from)), ("fromTitle", .string(hop.fromTitle)), ("to", .string(hop.to)), ("toTitle", .string(hop.toTitle)),
                    ("kind", .string(hop.kind.rawValue)), ("steps", .array(hop.plan.steps.map(\.json))), ("totals", hop.plan.totals.json),
                    ("gapOnly", hop.gapOnly ? .bool(true) : nil), ("gapLevels", hop.gapOnly ? .int(hop.gapLevels) : nil),
                    ("gapWeight", hop.gapOnly ? .double((hop.gapWeight * 100).rounded() / 100) : nil),
                    ("gap", hop.plan.unmet.isEmpty ? nil : .array(hop.plan.unmet.map { .object([("skill", .string($0.skill)), ("name", .string($0.name)), ("have", .int($0.have)), ("need", .int($0.need))]) })),
                    ("note", hop.gapOnly ? .string(Route.gapOnlyNote) : nil),
                ])
            })),
            ("totals", totals.json), ("gapLevels", found && gapLevels > 0 ? .int(gapLevels) : nil),
            ("gapWeight", found && gapLevels > 0 ? .double((gapWeight * 100).rounded() / 100) : nil),
            ("estimatedCompletion", schedule.map { .string($0.estimatedCompletion.description) }),
            ("schedule", schedule?.json),
            ("optimal", .bool(optimal)),
        ])
    }
}
