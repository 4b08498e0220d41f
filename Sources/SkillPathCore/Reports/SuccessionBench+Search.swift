extension SuccessionBench {
    /// One role's bench, banding most people from bounds instead of plans.
    ///
    /// A band needs only to know on which side of the 6- and 12-month dates a person's plan ends, and their
    /// plan's hours lie between two bounds known without planning: below, the role's cover bound
    /// (`Planner.readinessBound`, exact in its unmet count); above, the role's plan from no skills less the
    /// courses the person does not need (`RoleFloor`), which the planner never does worse than
    /// (`Planner.floored`). Dates grow with hours, so a person whose two bounds date into the same band is in
    /// it; only the others are planned, and the people a band lists (its first `limit` by date, found
    /// best-first from the lower bounds). People are grouped by what the role can see of them
    /// (`CandidateGroups`): bounds and plans are made once per group.
    struct Search {
        /// What the bounds and plans tell of one group of people alike for the role.
        struct Group {
            var state: RelevantState
            /// The current role of the member who sorts first, as rankings plan a group.
            var current: Int32?
            var estimate: RoleCover.Estimate
            var bound: ReadinessBound?
            /// The floor's hours (hundredths), once asked; nil inside when there is no floor.
            var floor: Int64??
            var plan: Plan?
            /// `cutHours`, once asked, and whether it is the cut's last word.
            var cut: (hours: Int64, complete: Bool)?
        }

        /// A person considered: where in the pool, their group, and their band.
        struct Entry {
            var pace: Int
            var position: Int
            /// -1 for a person banded from their exact estimate alone, until they are listed.
            var group: Int
            var band: Band
            /// The cover estimate of the person (of their group's state, for a grouped person).
            var estimate: RoleCover.Estimate
        }

        let pool: Pool
        let planner: Planner
        let target: Int32
        let today: CalendarDate
        /// Days from today to the 6- and 12-month dates.
        let six: Int
        let twelve: Int
        let cover: RoleCover
        let baseline: RoleBaseline
        /// The floor the planner itself answers no worse than (`Planner.floored`).
        let floor: RoleFloor
        let relevance: RoleRelevance
        /// Working memory for the landmark cut; nil when the role has no relaxation.
        private var landmarkCut: LandmarkCut?
        private(set) var groups: [Group] = []
        private(set) var entries: [Entry] = []

        init(target: Int32, pool: Pool, planner: Planner, today: CalendarDate) {
            let index = planner.catalog.index
            self.pool = pool
            self.planner = planner
            self.target = target
            self.today = today
            six = today.adding(months: 6).daysSinceEpoch - today.daysSinceEpoch
            twelve = today.adding(months: 12).daysSinceEpoch - today.daysSinceEpoch
            cover = index.roleCovers.cover(role: target, index: index)
            baseline = index.readinessPlans.baseline(of: target, catalog: planner.catalog)
            floor = index.readinessPlans.floor(of: target, catalog: planner.catalog)
            relevance = RoleRelevance(role: target, index: index)
            landmarkCut = index.roleRelaxations.relaxation(role: target, index: index).map(LandmarkCut.init)
        }

        func person(_ entry: Entry) -> Person {
            pool.groups[entry.pace].people[entry.position]
        }

        /// Considers everyone of the pool's `number`-th pace group but the role's holders, and bands each of them.
        /// A person whose cover estimate is already exact (every requirement they miss is one no course
        /// teaches: a taxonomy without courses) is banded from it at once, without a group; the others are
        /// grouped by what the role can see of them.
        /// `holding`: the role's key in the pool (`Pool.roleKeys`; -1 when nobody holds it).
        mutating func add(pace number: Int, holding: Int) {
            let index = planner.catalog.index
            let pace = pool.groups[number]
            var grouped: [Int] = []
            // The person's levels by skill number while their estimate is made: set, read, then cleared.
            var levels = [UInt8](repeating: 0, count: index.skillCount)
            levels.withUnsafeMutableBufferPointer { table in
                for position in pace.people.indices where pace.roles[position] != holding {
                    guard let numbered = pace.numbers[position], numbered.done.isEmpty else {
                        grouped.append(position)
                        continue
                    }
                    let estimate = Self.estimate(cover, of: numbered, table: table)
                    guard estimate.exact else {
                        grouped.append(position)
                        continue
                    }
                    let ready = estimate.surelyUnmet == 0 && estimate.unclosable == 0
                    entries.append(Entry(pace: number, position: position, group: -1, band: ready ? .readyNow : .later, estimate: estimate))
                }
            }
            let found = CandidateGroups(pace.questions, relevance: relevance, index: index, numbers: pace.numbers, idRanks: pace.idRanks, among: grouped)
            let first = groups.count
            for (group, state) in found.states.enumerated() {
                let current = found.currentRole(of: found.leaders[group], index: index)
                groups.append(Group(state: state, current: current, estimate: cover.estimate(level: state.level)))
            }
            for position in grouped {
                let group = found.groupOfPerson[position]
                guard group >= 0 else { continue }
                var entry = Entry(pace: number, position: position, group: first + group, band: .later, estimate: groups[first + group].estimate)
                entry.band = band(of: entry)
                entries.append(entry)
            }
        }

        /// A numbered profile's cover estimate, read through `table` (all zero, as it is left after): 50,000
        /// people for each of 500 roles, so no allocation and no check of the table's uniqueness per write.
        private static func estimate(_ cover: RoleCover, of numbered: ProfileNumbers, table: UnsafeMutableBufferPointer<UInt8>) -> RoleCover.Estimate {
            for entry in numbered.skills where Int(entry >> 8) < table.count { table[Int(entry >> 8)] = max(table[Int(entry >> 8)], UInt8(truncatingIfNeeded: entry)) }
            let estimate = cover.estimate { skill in skill >= 0 && Int(skill) < table.count ? table[Int(skill)] : 0 }
            for entry in numbered.skills where Int(entry >> 8) < table.count { table[Int(entry >> 8)] = 0 }
            return estimate
        }

        /// The entry's group, made for it alone when it was banded without one (only listed people need it).
        mutating func group(of position: Int) -> Int {
            if entries[position].group >= 0 { return entries[position].group }
            let entry = entries[position]
            let pace = pool.groups[entry.pace]
            let index = planner.catalog.index
            let state = pace.numbers[entry.position].map { relevance.state(of: $0, index: index) } ?? RelevantState(skillEntries: [], courses: [])
            let current = pace.people[entry.position].profile.role.flatMap { index.roleNumbers[$0] }
            groups.append(Group(state: state, current: current, estimate: cover.estimate(level: state.level)))
            entries[position].group = groups.count - 1
            return groups.count - 1
        }

        /// The entry's band: from its group's bounds when both date into one band, else from its plan.
        private mutating func band(of entry: Entry) -> Band {
            let group = entry.group
            let person = pool.groups[entry.pace].datings[entry.position]
            if let plan = groups[group].plan { return Self.band(person, plan: plan, today: today, six: six, twelve: twelve) }
            let estimate = groups[group].estimate
            if estimate.unclosable > 0 || estimate.surelyUnmet > 0 { return .later }
            if band(person, hours: Self.hundredths(estimate.lowerBound)) == .later { return .later }
            let bound = refined(group)
            if bound.unmet > 0 { return .later }
            let low = band(person, hours: Self.hundredths(bound.bound))
            if low == .later { return .later }
            let high = floorHours(group).map { band(person, hours: $0) }
            if high == low { return low }
            // The landmark cut costs a few h_max passes, a plan many: asked only when the cover bound is not enough.
            let (today, six, twelve) = (today, six, twelve)
            let cut = cutHours(group) { hours in Self.band(person, hours: hours, today: today, six: six, twelve: twelve) == high }
            let tight = band(person, hours: cut)
            if tight == .later || tight == high { return tight }
            let made = plan(group)
            return Self.band(person, plan: made, today: today, six: six, twelve: twelve)
        }

        /// The band a plan of `hours` (hundredths) would give the person.
        private func band(_ person: Dating, hours: Int64) -> Band {
            Self.band(person, hours: hours, today: today, six: six, twelve: twelve)
        }

        static func band(_ person: Dating, hours: Int64, today: CalendarDate, six: Int, twelve: Int) -> Band {
            guard hours > 0 else { return .readyNow }
            guard let day = Self.lastDay(person, hours: hours, today: today) else { return .later }
            return day <= six ? .within6Months : day <= twelve ? .within12Months : .later
        }

        static func band(_ person: Dating, plan: Plan, today: CalendarDate, six: Int, twelve: Int) -> Band {
            guard plan.complete else { return .later }
            guard !plan.steps.isEmpty else { return .readyNow }
            guard let day = lastDay(person, hours: plan.totals.hours.hundredths, today: today) else { return .later }
            return day <= six ? .within6Months : day <= twelve ? .within12Months : .later
        }

        /// The day (from today) a plan of `hours` ends at the person's budget, after their assignments'
        /// remaining hours; nil when it never does (no weekly hours) or lies beyond any date.
        static func lastDay(_ person: Dating, hours: Int64, today: CalendarDate) -> Int? {
            guard person.pace.hundredths > 0 else { return nil }
            let (total, overflow) = person.assignedHours.addingReportingOverflow(hours)
            guard !overflow, total < Int64(Int32.max) else { return nil }
            let span = person.gigs.isEmpty
                ? LearningDays.span(after: person.assignedHours, hours: hours, pace: person.pace)
                : WeeklyBudget(pace: person.pace, origin: today, reservations: person.gigs).span(after: person.assignedHours, hours: hours)
            return span.last >= Int(Int32.max) ? nil : span.last
        }

        /// Whole hundredths at least a bound (allowing for rounding in it).
        static func hundredths(_ bound: Double) -> Int64 {
            let least = (bound - 1e-6).rounded(.up)
            return least >= Double(Int64.max) ? .max : Int64(max(0, least))
        }

        mutating func refined(_ group: Int) -> ReadinessBound {
            if let known = groups[group].bound { return known }
            let bound = planner.readinessBound(of: groups[group].state, target: target, cover: cover, baseline: baseline)
            groups[group].bound = bound
            if bound.shared { groups[group].plan = baseline.plan }
            return bound
        }

        /// The floor's hours for the group, when it is a plan for it: not when the group's closure reaches a
        /// requirement the closure from zero skills does not (`doubtful`: the floor may then leave it unmet).
        private mutating func floorHours(_ group: Int) -> Int64? {
            if let known = groups[group].floor { return known }
            let index = planner.catalog.index
            let state = groups[group].state
            var hours: Int64?
            if refined(group).doubtful == false {
                // Not doubtful: the state's gap skills that any closure reaches are those the closure from zero does.
                let goals = index.roleRequirements[target].lazy
                    .filter { $0.essential && index.zeroReach.levels[Int($0.skill)] >= $0.level }
                    .map { (skill: $0.skill, need: $0.level) }
                hours = floor.courses(level: state.level, isDone: state.courses.contains, goals: goals, index: index).map { courses in
                    courses.reduce(Int64(0)) { total, course in
                        let (sum, overflow) = total.addingReportingOverflow(index.hours[Int(course)])
                        return overflow ? .max : sum
                    }
                }
            }
            groups[group].floor = .some(hours)
            return hours
        }

        /// A lower bound on the group's plan hours: the larger of its refined cover bound and the landmark cut
        /// (`LandmarkCut`), which stops as soon as the bound is `enough` (then it is kept as not complete, and
        /// worked out again when more is asked). The cover bound alone when the role has no relaxation, or
        /// when the plan leaves a requirement unmet: the relaxation may reach one the planner cannot (it holds
        /// all that completed courses teach), and the cut would then count hours the plan does not spend.
        mutating func cutHours(_ group: Int, enough: (Int64) -> Bool = { _ in false }) -> Int64 {
            if let known = groups[group].cut, known.complete || enough(known.hours) { return known.hours }
            let refined = refined(group)
            let cover = Self.hundredths(refined.bound)
            let state = groups[group].state
            // The cover bound is the last word only where no cut is asked.
            var found = (hours: cover, complete: refined.unmet > 0 || landmarkCut == nil)
            if refined.unmet == 0, let landmarkCut, !enough(cover) {
                let cut = landmarkCut.bound(level: state.level, done: state.courses, enough: { enough(max(cover, $0)) })
                found = (max(cover, cut.hours), cut.complete)
            }
            groups[group].cut = found
            return found.hours
        }

        mutating func plan(_ group: Int) -> Plan {
            if let known = groups[group].plan { return known }
            let made = planner.readinessPlan(of: groups[group].state, target: target, current: groups[group].current, baseline: baseline).plan
            groups[group].plan = made
            return made
        }
    }
}
