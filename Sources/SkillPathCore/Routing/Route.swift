/// The cheapest sequence of roles from the current role to a target along the catalog's transitions, with
/// the plan for each hop. Skills learnt on one hop count on the next. Where the catalog has no course for a
/// hop's gap (a taxonomy imported without courses), the hop is still taken, marked as a gap only, and routes
/// are ranked first by the skill levels left missing (`gapLevels`), then by the objective.
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
    /// The skill levels no course in the catalog provides, summed over the hops (each missing level once).
    public var gapLevels = 0

    public struct Hop: Sendable, Equatable {
        public var from: String
        public var to: String
        public var fromTitle: String
        public var toTitle: String
        public var kind: Transition.Kind
        public var plan: Plan
        /// The levels this hop leaves missing because no course in the catalog teaches them: the hop's
        /// `plan.unmet` says which. 0 for a hop its plan closes.
        public var gapLevels: Int

        /// "no courses in the catalog: gap only" when the catalog teaches nothing the hop lacks.
        public var gapOnly: Bool { gapLevels > 0 }
    }
}
