/// The cheapest sequence of roles from the current role to a target along the catalog's transitions, with
/// the plan for each hop. Skills learnt on one hop count on the next. Where the catalog has no course for a
/// hop's gap (a taxonomy imported without courses), the hop is still taken, marked as a gap only, and routes
/// are ranked first by the skill levels left missing, weighted by how much each skill matters to the role
/// (`gapWeight`), then by the objective.
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
    /// The same levels, each weighted by its skill's importance to the hop's role (`Route.importance`).
    public var gapWeight = 0.0

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
        /// The same levels, each weighted by its skill's importance to the role (`Route.importance`).
        public var gapWeight: Double

        /// "no courses in the catalog: gap only" when the catalog teaches nothing the hop lacks.
        public var gapOnly: Bool { gapLevels > 0 }
    }

    /// How much each skill matters to a role, for weighing the levels a route leaves missing: the skill's
    /// weight (O*NET's importance) over the mean of the role's weights, so the role's average skill counts 1
    /// and one it rates twice as high counts 2; 1 for every skill when the role has no weights, and for a
    /// skill it does not rate.
    static func importance(in role: Role) -> (String) -> Double {
        guard !role.weights.isEmpty else { return { _ in 1 } }
        let weights = Dictionary(role.weights.map { ($0.skill, Double($0.weight.hundredths)) }, uniquingKeysWith: max)
        let mean = weights.values.reduce(0, +) / Double(weights.count)
        return { skill in weights[skill].map { mean > 0 ? $0 / mean : 1 } ?? 1 }
    }
}
