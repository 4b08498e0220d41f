import Foundation

/// Who could succeed to a role, and when, computed from real plans (`reports.succession`; docs/mobility.md,
/// "Succession benches", defines every band and flag with a worked example).
///
/// A band is a date, not a guess: each person's plan to the role, dated at their weekly budget as their
/// assignments share it (issue 18's rule: the hours their active assignments still need come first, and
/// running project gigs take their hours out of each week), from today.
public struct SuccessionBench: Sendable {
    public enum Band: String, Sendable, CaseIterable {
        /// No gap: the plan has nothing to do.
        case readyNow
        case within6Months
        case within12Months
        /// Ready after 12 months, or never (a gap no course closes).
        case later

        /// The band's place in `allCases`.
        var position: Int {
            switch self {
            case .readyNow: 0
            case .within6Months: 1
            case .within12Months: 2
            case .later: 3
            }
        }
    }

    /// A person the bench considers, with what the dating needs of them.
    public struct Person: Sendable {
        public var id: String
        public var name: String
        public var role: String
        /// The manager they report to: their team.
        public var manager: String?
        public var profile: Profile
        public var numbers: ProfileNumbers?
        public var pace: Quantity
        /// Hours (hundredths) their active assignments still need, which come before a new plan.
        public var assignedHours: Int64
        public var gigs: [WeeklyBudget.Reservation]
        public var aspirations: Aspirations?

        public init(
            id: String, name: String, role: String, manager: String?, profile: Profile, numbers: ProfileNumbers? = nil, pace: Quantity,
            assignedHours: Int64 = 0, gigs: [WeeklyBudget.Reservation] = [], aspirations: Aspirations? = nil
        ) {
            self.id = id
            self.name = name
            self.role = role
            self.manager = manager
            self.profile = profile
            self.numbers = numbers
            self.pace = pace
            self.assignedHours = assignedHours
            self.gigs = gigs
            self.aspirations = aspirations
        }
    }

    /// What dating a plan reads of a person: copying a whole `Person` for each of 50,000 people and 500 roles
    /// would retain every string and array of it.
    struct Dating: Sendable {
        var pace: Quantity
        /// Hours (hundredths) their active assignments still need, which come before a new plan.
        var assignedHours: Int64
        var gigs: [WeeklyBudget.Reservation]
    }

    public struct Member: Sendable, Equatable {
        public var id: String
        public var name: String
        public var manager: String?
        public var band: Band
        /// Nil when no plan can close the gap.
        public var readyBy: CalendarDate?
        public var hours: Quantity
        public var unmet: Int
        /// Why they may not want it, when their aspirations say so.
        public var reluctance: String?
    }

    public struct Flags: Sendable, Equatable {
        public var noneWithin12Months: Bool
        public var singleIncumbentNoneReadyNow: Bool
        /// The manager whose team holds the whole bench (ready within 12 months), when it has two or more.
        public var benchInOneTeam: String?
        /// Bench members (ready within 12 months) whose aspirations say they do not want the role.
        public var notWanting: [String]
    }

    public var role: Role
    public var incumbents: [(id: String, name: String)]
    /// People in each band, and the first `limit` of each by date, then hours, then id.
    public var counts: [Band: Int]
    public var members: [Band: [Member]]
    public var considered: Int
    public var flags: Flags

    /// Everyone a report's benches consider, arranged once for all of its roles: people grouped by weekly pace
    /// (dates from hours at one pace), with the arrays grouping takes, their ids ranked and their roles numbered.
    public struct Pool: Sendable {
        struct PaceGroup: Sendable {
            var pace: Quantity
            var people: [Person]
            var datings: [Dating]
            var questions: [(id: String, profile: Profile)]
            var numbers: [ProfileNumbers?]
            /// Each person's place in the order of everyone's ids (`Text.precedes`).
            var idRanks: [Int]
            /// Each person's role, as its number in `Pool.roleKeys`.
            var roles: [Int]
        }

        let groups: [PaceGroup]
        let everyone: [Person]
        /// The roles people hold, numbered once per report, so that telling a role's holders apart compares
        /// numbers rather than ids (ESCO's are 50-character URIs, compared 50,000 times per role).
        let roleKeys: [String: Int]
        let everyoneRoles: [Int]

        public init(_ people: [Person]) {
            everyone = people
            var keys: [String: Int] = [:]
            everyoneRoles = people.map { person in
                if let known = keys[person.role] { return known }
                keys[person.role] = keys.count
                return keys.count - 1
            }
            roleKeys = keys
            let order = people.indices.sorted { Text.precedes(people[$0].id, people[$1].id) }
            var rank = [Int](repeating: 0, count: people.count)
            for (place, position) in order.enumerated() { rank[position] = place }
            let roles = everyoneRoles
            groups = Dictionary(grouping: people.indices, by: { people[$0].pace }).sorted { $0.key < $1.key }.map { pace, positions in
                let group = positions.map { people[$0] }
                return PaceGroup(
                    pace: pace, people: group, datings: group.map { Dating(pace: $0.pace, assignedHours: $0.assignedHours, gigs: $0.gigs) }, questions: group.map { ($0.id, $0.profile) }, numbers: group.map(\.numbers),
                    idRanks: positions.map { rank[$0] }, roles: positions.map { roles[$0] })
            }
        }
    }

    /// The bench of `role` among `people` (the scope; its holders are the incumbents), listing up to `limit`
    /// people per band.
    public init(role: Role, people: [Person], planner: Planner, today: CalendarDate, limit: Int) throws(PlanningError) {
        try self.init(role: role, pool: Pool(people), planner: planner, today: today, limit: limit)
    }

    /// The bench of `role` in `pool`: everyone banded, most from bounds rather than plans, and the first
    /// `limit` of each band by date (`Search`).
    public init(role: Role, pool: Pool, planner: Planner, today: CalendarDate, limit: Int) throws(PlanningError) {
        guard let target = planner.catalog.index.roleNumbers[role.id] else {
            throw planner.unknown(.unknownRole, field: "role", id: role.id, kind: "role", among: planner.catalog.roles.lazy.map(\.id))
        }
        self.role = role
        let holding = pool.roleKeys[role.id] ?? -1
        incumbents = pool.everyone.indices.filter { pool.everyoneRoles[$0] == holding }.map { (pool.everyone[$0].id, pool.everyone[$0].name) }
        var search = Search(target: target, pool: pool, planner: planner, today: today)
        for pace in pool.groups.indices { search.add(pace: pace, holding: holding) }
        var tally = [Int](repeating: 0, count: Band.allCases.count)
        for entry in search.entries { tally[entry.band.position] += 1 }
        let counts = Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, tally[$0.position]) })
        var members: [Band: [Member]] = [:]
        for band in Band.allCases {
            let listed = search.listed(band, limit: limit)
            if !listed.isEmpty || band == .later { members[band] = listed }
        }
        self.counts = counts
        self.members = members
        considered = search.entries.count
        let bench = search.entries.filter { $0.band != .later }.map(search.person)
        let teams = Set(bench.map { $0.manager ?? "" })
        flags = Flags(
            noneWithin12Months: bench.isEmpty, singleIncumbentNoneReadyNow: incumbents.count == 1 && (counts[.readyNow] ?? 0) == 0,
            benchInOneTeam: bench.count >= 2 && teams.count == 1 ? teams.first : nil,
            notWanting: bench.filter { Self.reluctance($0.aspirations, role: role.id) != nil }.map(\.id).sorted(by: Text.precedes))
    }

    /// The benches of `roles` in `pool`, the roles shared among the cores (each bench is independent of the
    /// others, and the plans they remember are the same whoever makes them: the answer does not depend on
    /// which finished first), in the order of `roles`.
    public static func benches(roles: [Role], pool: Pool, planner: Planner, today: CalendarDate, limit: Int) throws(PlanningError) -> [SuccessionBench] {
        try Parallel.map(count: roles.count, parallelFrom: 2) { (position: Int) throws(PlanningError) in
            try SuccessionBench(role: roles[position], pool: pool, planner: planner, today: today, limit: limit)
        }
    }

    /// A person's place on the bench: their plan dated after their assignments' remaining hours, at their
    /// weekly budget less their gigs.
    static func member(_ person: Person, plan: Plan, role: String, today: CalendarDate, horizon: (six: CalendarDate, twelve: CalendarDate)) -> Member {
        var readyBy: CalendarDate?
        if plan.complete {
            if plan.steps.isEmpty {
                readyBy = today
            } else if person.pace.hundredths > 0 {
                let week = WeeklyBudget(pace: person.pace, origin: today, reservations: person.gigs)
                let span = week.span(after: person.assignedHours, hours: plan.totals.hours.hundredths)
                readyBy = span.last >= Int(Int32.max) ? nil : today.adding(days: span.last)
            }
        }
        let band: Band = switch readyBy {
        case nil: .later
        case let date? where date == today && plan.steps.isEmpty: .readyNow
        case let date? where date <= horizon.six: .within6Months
        case let date? where date <= horizon.twelve: .within12Months
        default: .later
        }
        return Member(
            id: person.id, name: person.name, manager: person.manager, band: band, readyBy: readyBy, hours: plan.totals.hours, unmet: plan.unmet.count,
            reluctance: reluctance(person.aspirations, role: role))
    }

    /// What their aspirations say against the role: not looking, or wanting other roles and not this one.
    static func reluctance(_ aspirations: Aspirations?, role: String) -> String? {
        guard let aspirations else { return nil }
        if aspirations.notLooking { return "not looking to move" }
        if !aspirations.roles.isEmpty, !aspirations.roles.contains(role) { return "wants \(aspirations.roles.joined(separator: ", "))" }
        return nil
    }
}
