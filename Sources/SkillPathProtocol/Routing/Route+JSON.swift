public import SkillPathCore
public import SkillPathJSON

extension Route {
    public var json: JSONValue {
        .object([
            ("from", .string(from)),
            ("to", .string(to)),
            ("found", .bool(found)),
            ("reason", reason.map(JSONValue.string)),
            ("hops", .array(hops.map { hop in
                .object([
                    ("from", .string(hop.from)), ("to", .string(hop.to)), ("kind", .string(hop.kind.rawValue)),
                    ("steps", .array(hop.plan.steps.map(\.json))), ("totals", hop.plan.totals.json),
                ])
            })),
            ("totals", totals.json),
            ("estimatedCompletion", schedule.map { .string($0.estimatedCompletion.description) }),
            ("schedule", schedule?.json),
            ("optimal", .bool(optimal)),
        ])
    }
}
