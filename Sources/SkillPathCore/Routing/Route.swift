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
}
