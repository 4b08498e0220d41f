/// The best plan for each of several target roles, side by side: a what-if of one move against another.
public struct RoleComparison: Sendable, Equatable {
    public var currentRole: String?
    public var entries: [Entry]

    public struct Entry: Sendable, Equatable {
        public var targetRole: String
        public var title: String
        /// How the current role connects to the target, when a transition does.
        public var transition: Transition.Kind?
        public var plan: Plan
    }
}

extension Planner {
    /// Plans every target with the same profile and options. Targets keep the order given; a target listed
    /// twice is compared once.
    public func compare(profile: Profile, targetRoles: [String], options: PlanOptions = PlanOptions(), strict: Bool = true) throws(PlanningError) -> RoleComparison {
        guard !targetRoles.isEmpty else {
            throw PlanningError(.invalidOption, field: "targetRoles", "name at least one role to compare")
        }
        var entries: [RoleComparison.Entry] = []
        var seen = Set<String>()
        for (position, role) in targetRoles.enumerated() where seen.insert(role).inserted {
            let plan: Plan
            do {
                plan = try self.plan(profile: profile, targetRole: role, options: options, strict: strict)
            } catch where error.field == "targetRole" {
                throw PlanningError(error.kind, field: "targetRoles[\(position)]", id: error.id, error.message)
            }
            let kind = profile.role.flatMap { current in catalog.transitions.first { $0.from == current && $0.to == role }?.kind }
            entries.append(RoleComparison.Entry(targetRole: role, title: plan.targetTitle, transition: kind, plan: plan))
        }
        return RoleComparison(currentRole: profile.role, entries: entries)
    }
}
