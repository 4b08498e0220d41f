import Foundation

/// Who wants what, and how near they are: the aspiration picture of a team or of the organisation
/// (`reports.aspirations`; every figure is defined, with a worked example, in docs/mobility.md).
///
/// Readiness is planned, not guessed: each wanted role is planned from the person's stored skills and dated at
/// their own pace, so "within 6 months" means a plan that closes the whole gap by then.
public struct AspirationPicture: Sendable {
    /// A person in scope, as the picture needs them.
    public struct Person: Sendable {
        public var id: String
        public var name: String
        public var role: String
        public var profile: Profile
        /// Their weekly learning hours.
        public var pace: Quantity
        /// The profile already resolved to the catalog's numbers (a numbered store read), or nil to resolve it here.
        public var numbers: ProfileNumbers?

        public init(id: String, name: String, role: String, profile: Profile, pace: Quantity, numbers: ProfileNumbers? = nil) {
            self.id = id
            self.name = name
            self.role = role
            self.profile = profile
            self.pace = pace
            self.numbers = numbers
        }
    }

    /// One wanted role of one person, with the plan to it (nil: the catalog no longer has the role).
    public struct Wish: Sendable {
        public var role: String
        public var choice: Int
        public var plan: Plan?
        public var readyBy: CalendarDate?
    }

    /// One person who said something (their wishes have plans only among the first `listing`).
    public struct Entry: Sendable {
        public var person: Person
        public var aspirations: Aspirations
        public var wishes: [Wish]
    }

    /// A role as wanted across the scope.
    public struct RoleDemand: Sendable {
        public var role: String
        public var title: String?
        /// People who want it (any choice), and those for whom it is the first choice.
        public var wantedBy: Int
        public var firstChoice: Int
        /// People in scope who hold it now.
        public var holders: Int
        /// Of those who want it, how many a plan makes ready by `horizon`; nil when not counted (`countReady`).
        public var readyWithin: Int?
        /// The wanter ready soonest (by date, then fewest hours, then id), when anyone can be.
        public var nearest: (employee: String, readyBy: CalendarDate)?
    }

    public var people: Int
    public var entries: [Entry]
    public var notLooking: Int
    /// How many said they are open to each kind of move, in `Aspirations.Move.allCases` order.
    public var openTo: [(kind: Aspirations.Move, people: Int)]
    /// Wanted roles, most wanted first, then most often a first choice, then by id.
    public var roles: [RoleDemand]
    /// Roles people in scope hold, fewest wanters first (then by id): the roles nobody is asking for.
    public var leastWanted: [RoleDemand]
    /// Wanted skills with how many want each, most wanted first.
    public var skills: [(skill: String, wantedBy: Int)]
    /// The date "within" is measured to.
    public var horizon: CalendarDate

    /// Up to this many wishes in scope (a team, a department), `readyWithin` is counted unless asked not to:
    /// counting plans every wanter up to the horizon, about half a millisecond each, where the nearest wanter
    /// alone takes a few plans per role.
    public static let countedWishes = 2_000

    /// Builds the picture for `people` (the people in scope who said anything, by id) from their `aspirations`;
    /// `holders` counts everyone in scope by role. The wishes of the first `listing` are planned for the team list.
    ///
    /// The role figures need, per role, only who is ready by the horizon and who is nearest: people at one pace
    /// are ready in the order of their plan hours, so one search per role and pace (`rankCandidates` with
    /// `within`) plans the people up to the horizon's hours and no further, each group of people alike in
    /// what the role needs once. The plans are the ones planning each person would give (the tests check).
    ///
    /// `countReady`: whether to count `readyWithin` (nil: when the scope has at most `countedWishes` wishes).
    /// Without it each role's search stops at its nearest wanter, which is all `outOfReach` needs.
    public init(
        people: [Person], holders: [String: Int], aspirations: [String: Aspirations], planner: Planner, today: CalendarDate, months: Int, listing: Int,
        countReady: Bool? = nil
    ) throws(PlanningError) {
        let catalog = planner.catalog
        let horizon = today.adding(months: months)
        self.horizon = horizon
        self.people = holders.values.reduce(0, +)
        var wanting: [(person: Person, aspirations: Aspirations)] = []
        var wantersOf: [String: [(person: Person, numbers: ProfileNumbers?)]] = [:]
        for person in people {
            guard let wants = aspirations[person.id], !wants.isEmpty else { continue }
            wanting.append((person, wants))
            // Resolved to numbers once, however many roles the person wants.
            let numbers = person.numbers ?? ProfileNumbers(person.profile, catalog: catalog)
            for role in wants.wanted(currentRole: person.role) { wantersOf[role, default: []].append((person, numbers)) }
        }
        let counting = countReady ?? (wantersOf.values.reduce(0) { $0 + $1.count } <= Self.countedWishes)
        let demand = try Self.demand(
            wantersOf, holders: holders, aspirations: aspirations, planner: planner, today: today, horizon: horizon, counting: counting)
        let entries = try Self.listed(wanting, first: listing, planner: planner, today: today)
        self.entries = entries
        notLooking = entries.count { $0.aspirations.notLooking }
        openTo = Aspirations.Move.allCases.map { kind in (kind, entries.count { $0.aspirations.openTo.contains(kind) }) }
        roles = demand.values.sorted { ($0.wantedBy, $0.firstChoice, $1.role) > ($1.wantedBy, $1.firstChoice, $0.role) }
        leastWanted = holders.keys.map { role in
            demand[role] ?? RoleDemand(
                role: role, title: catalog.role(role)?.title, wantedBy: 0, firstChoice: 0, holders: holders[role] ?? 0, readyWithin: counting ? 0 : nil, nearest: nil)
        }.sorted { ($0.wantedBy, $0.role) < ($1.wantedBy, $1.role) }
        var skillCounts: [String: Int] = [:]
        for entry in entries { for skill in entry.aspirations.skills { skillCounts[skill, default: 0] += 1 } }
        skills = skillCounts.map { ($0.key, $0.value) }.sorted { ($0.wantedBy, $1.skill) > ($1.wantedBy, $0.skill) }
    }

    /// Each wanted role's figures, the roles shared among the cores: each role's search is independent of the
    /// others' (the plans they remember are the same whoever makes them), so the answer does not depend on
    /// which finished first.
    static func demand(
        _ wantersOf: [String: [(person: Person, numbers: ProfileNumbers?)]], holders: [String: Int], aspirations: [String: Aspirations],
        planner: Planner, today: CalendarDate, horizon: CalendarDate, counting: Bool
    ) throws(PlanningError) -> [String: RoleDemand] {
        let wanted = wantersOf.sorted { Text.precedes($0.key, $1.key) }
        let figures = try Parallel.map(count: wanted.count, parallelFrom: 16) { (position: Int) throws(PlanningError) in
            let (role, wanters) = wanted[position]
            return try roleDemand(
                role, wanters: wanters, holders: holders[role] ?? 0, aspirations: aspirations, planner: planner, today: today, horizon: horizon,
                counting: counting)
        }
        var demand: [String: RoleDemand] = [:]
        for (position, (role, _)) in wanted.enumerated() { demand[role] = figures[position] }
        return demand
    }

    /// One wanted role's figures: who wants it, and who of them is ready soonest (and how many by the horizon
    /// when `counting`).
    static func roleDemand(
        _ role: String, wanters: [(person: Person, numbers: ProfileNumbers?)], holders: Int, aspirations: [String: Aspirations], planner: Planner,
        today: CalendarDate, horizon: CalendarDate, counting: Bool
    ) throws(PlanningError) -> RoleDemand {
        let catalog = planner.catalog
        let choices = wanters.map { aspirations[$0.person.id]?.choice(of: role) ?? 0 }
        var figures = RoleDemand(
            role: role, title: catalog.role(role)?.title, wantedBy: wanters.count, firstChoice: choices.count { $0 == 1 },
            holders: holders, readyWithin: counting ? 0 : nil, nearest: nil)
        guard catalog.role(role) != nil else { return figures }
        let days = Int64(horizon.daysSinceEpoch - today.daysSinceEpoch)
        var best: (date: CalendarDate, hours: Int64, id: String)?
        for (pace, group) in Dictionary(grouping: wanters, by: \.person.pace).sorted(by: { $0.key < $1.key }) {
            // The most hours that can end by the horizon at this pace (`LearningDays`): a plan with more
            // ends after it, so the search stops there.
            let within = counting ? (days + 1) * pace.hundredths / 7 : nil
            let ranking = try planner.rankCandidates(
                group.map { ($0.person.id, $0.person.profile) }, for: role, limit: 1, within: within, numbers: group.map(\.numbers))
            for entry in ranking.entries {
                guard let ready = PlanReadiness.readyBy(entry.plan, pace: pace, today: today) else { continue }
                if ready <= horizon, let counted = figures.readyWithin { figures.readyWithin = counted + 1 }
                let key = (ready, entry.plan.totals.hours.hundredths, entry.id)
                if best.map({ key.0 != $0.date ? key.0 < $0.date : key.1 != $0.hours ? key.1 < $0.hours : Text.precedes(key.2, $0.id) }) ?? true {
                    best = key
                }
            }
        }
        figures.nearest = best.map { ($0.id, $0.date) }
        return figures
    }

    /// Everyone who said anything, with the wishes of the first `first` planned (role by role, each group of
    /// people alike in what the role needs planned once).
    static func listed(
        _ wanting: [(person: Person, aspirations: Aspirations)], first: Int, planner: Planner, today: CalendarDate
    ) throws(PlanningError) -> [Entry] {
        var wantersOf: [String: [(id: String, profile: Profile)]] = [:]
        for (person, wants) in wanting.prefix(first) {
            for role in wants.wanted(currentRole: person.role) where planner.catalog.role(role) != nil {
                wantersOf[role, default: []].append((person.id, person.profile))
            }
        }
        var plans: [String: [String: Plan]] = [:]
        for (role, wanters) in wantersOf { plans[role] = try planner.plans(for: wanters, to: role) }
        return wanting.map { person, wants in
            let wishes = wants.wanted(currentRole: person.role).map { role in
                let plan = plans[role]?[person.id]
                return Wish(role: role, choice: wants.choice(of: role) ?? 0, plan: plan, readyBy: plan.flatMap { PlanReadiness.readyBy($0, pace: person.pace, today: today) })
            }
            return Entry(person: person, aspirations: wants, wishes: wishes)
        }
    }

    /// Wanted roles nobody who wants them is ready for by the horizon: demand the organisation cannot meet
    /// from within soon.
    public var outOfReach: [RoleDemand] { roles.filter { role in role.nearest.map { $0.readyBy > horizon } ?? true } }

    /// Whether `readyWithin` was counted for every role.
    public var readyCounted: Bool { roles.allSatisfy { $0.readyWithin != nil } }
}

/// When a plan makes someone ready at a pace: only a plan that closes the whole gap has a date.
public enum PlanReadiness {
    public static func readyBy(_ plan: Plan, pace: Quantity, today: CalendarDate) -> CalendarDate? {
        plan.complete ? plan.scheduled(pace: pace, start: today, deadline: nil).schedule?.estimatedCompletion : nil
    }
}
