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

        public init(id: String, name: String, role: String, profile: Profile, pace: Quantity) {
            self.id = id
            self.name = name
            self.role = role
            self.profile = profile
            self.pace = pace
        }
    }

    /// One wanted role of one person, with the plan to it (nil: the catalog no longer has the role).
    public struct Wish: Sendable {
        public var role: String
        public var choice: Int
        public var plan: Plan?
        public var readyBy: CalendarDate?
    }

    /// One person who said something.
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
        /// Of those who want it, how many a plan makes ready by `horizon`.
        public var readyWithin: Int
        /// The wanter ready soonest (by date, then id), when anyone can be.
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

    /// Builds the picture for `people` (everyone in scope) from their `aspirations`, planning each wish once.
    public init(people: [Person], aspirations: [String: Aspirations], planner: Planner, today: CalendarDate, months: Int) throws(PlanningError) {
        let catalog = planner.catalog
        horizon = today.adding(months: months)
        self.people = people.count
        var entries: [Entry] = []
        var holders: [String: Int] = [:]
        for person in people {
            holders[person.role, default: 0] += 1
            guard let wants = aspirations[person.id], !wants.isEmpty else { continue }
            var wishes: [Wish] = []
            for role in wants.wanted(currentRole: person.role) {
                let choice = wants.choice(of: role) ?? 0
                guard catalog.role(role) != nil else {
                    wishes.append(Wish(role: role, choice: choice, plan: nil, readyBy: nil))
                    continue
                }
                let plan = try planner.plan(profile: person.profile, targetRole: role, strict: false)
                wishes.append(Wish(role: role, choice: choice, plan: plan, readyBy: PlanReadiness.readyBy(plan, pace: person.pace, today: today)))
            }
            entries.append(Entry(person: person, aspirations: wants, wishes: wishes))
        }
        self.entries = entries
        notLooking = entries.count { $0.aspirations.notLooking }
        openTo = Aspirations.Move.allCases.map { kind in (kind, entries.count { $0.aspirations.openTo.contains(kind) }) }
        var demand: [String: RoleDemand] = [:]
        func blank(_ role: String) -> RoleDemand {
            RoleDemand(role: role, title: catalog.role(role)?.title, wantedBy: 0, firstChoice: 0, holders: holders[role] ?? 0, readyWithin: 0, nearest: nil)
        }
        for entry in entries {
            for wish in entry.wishes {
                var role = demand[wish.role] ?? blank(wish.role)
                role.wantedBy += 1
                if wish.choice == 1 { role.firstChoice += 1 }
                if let ready = wish.readyBy {
                    if ready <= horizon { role.readyWithin += 1 }
                    if role.nearest.map({ (ready, entry.person.id) < ($0.readyBy, $0.employee) }) ?? true { role.nearest = (entry.person.id, ready) }
                }
                demand[wish.role] = role
            }
        }
        roles = demand.values.sorted { ($0.wantedBy, $0.firstChoice, $1.role) > ($1.wantedBy, $1.firstChoice, $0.role) }
        leastWanted = holders.keys.map { demand[$0] ?? blank($0) }.sorted { ($0.wantedBy, $0.role) < ($1.wantedBy, $1.role) }
        var skillCounts: [String: Int] = [:]
        for entry in entries { for skill in entry.aspirations.skills { skillCounts[skill, default: 0] += 1 } }
        skills = skillCounts.map { ($0.key, $0.value) }.sorted { ($0.wantedBy, $1.skill) > ($1.wantedBy, $0.skill) }
    }

    /// Wanted roles nobody who wants them is ready for by the horizon: demand the organisation cannot meet
    /// from within soon.
    public var outOfReach: [RoleDemand] { roles.filter { $0.readyWithin == 0 } }
}

/// When a plan makes someone ready at a pace: only a plan that closes the whole gap has a date.
public enum PlanReadiness {
    public static func readyBy(_ plan: Plan, pace: Quantity, today: CalendarDate) -> CalendarDate? {
        plan.complete ? plan.scheduled(pace: pace, start: today, deadline: nil).schedule?.estimatedCompletion : nil
    }
}
