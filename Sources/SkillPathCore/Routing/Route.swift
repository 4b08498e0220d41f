public import SkillPathJSON

/// The cheapest sequence of roles from the current role to a target along the catalog's transitions, with
/// the plan for each hop. Skills learnt on one hop count on the next.
public struct Route: Sendable, Equatable {
    public var from: String
    public var to: String
    public var found: Bool
    public var hops: [Hop]
    public var totals: Plan.Totals
    public var schedule: Plan.Schedule?
    /// Why no route exists, when `found` is false.
    public var reason: String?
    public var optimal: Bool

    public struct Hop: Sendable, Equatable {
        public var from: String
        public var to: String
        public var kind: Transition.Kind
        public var plan: Plan
    }

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
