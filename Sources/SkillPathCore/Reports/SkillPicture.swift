/// The organisation's skill picture: for each team and skill, how many people need the skill (for their
/// current role, or for a role they are heading to), how many meet it, the shortfall, and the course hours
/// that would close it. docs/reports.md has the exact definitions; `reports.skills` serves it.
///
/// Made for a whole organisation of a million people in a few seconds: people come with their team's
/// position and their levels by the catalog's skill numbers, each role's needs are worked out once, and
/// cells are found by number, so nothing per person builds or hashes a string.
public struct SkillPicture: Sendable {
    /// Someone counted: their team, current role, the roles they are heading to (active assignments), and
    /// their levels as plans see them (effective levels).
    public struct Person: Sendable {
        /// The position of their team in the picture's team order; a team past its end is counted in the
        /// totals but not shown (someone whose chain of managers reaches no team head).
        public var team: Int
        public var role: String
        public var targets: [String]
        /// Levels above 0, by the catalog's skill number; a skill listed twice counts at its higher level.
        public var levels: [(skill: Int32, level: Int)]

        public init(team: Int, role: String, targets: [String], levels: [(skill: Int32, level: Int)]) {
            self.team = team
            self.role = role
            self.targets = targets
            self.levels = levels
        }

        /// The level held of `skill`, 0 when none: a scan, as people hold a handful of skills.
        func level(of skill: Int32) -> Int {
            var best = 0
            for entry in levels where entry.skill == skill { best = max(best, entry.level) }
            return best
        }
    }

    /// An open seat in a team (by position in the team order): a role someone will have to fill.
    public struct Seat: Sendable {
        public var team: Int
        public var role: String

        public init(team: Int, role: String) {
            self.team = team
            self.role = role
        }
    }

    public struct Cell: Sendable, Equatable {
        public var skill: String
        /// People whose current role requires the skill.
        public var needCurrent = 0
        /// People heading to a role (an active assignment) that requires it, not counted in `needCurrent`.
        public var needTarget = 0
        /// Open seats whose role requires it.
        public var openSeats = 0
        /// Of the people needing it (current or target), those at or above the highest level they need.
        public var meet = 0
        /// Course hours that would bring every person short of it to the level they need; `unclosable`
        /// people no course sequence brings there.
        public var hours = Quantity.zero
        public var unclosable = 0

        public var need: Int { needCurrent + needTarget }
        public var shortfall: Int { need - meet }

        mutating func add(_ other: Cell) {
            needCurrent += other.needCurrent
            needTarget += other.needTarget
            openSeats += other.openSeats
            meet += other.meet
            hours = hours + other.hours
            unclosable += other.unclosable
        }
    }

    public struct Team: Sendable {
        public var id: String
        public var people: Int
        public var cells: [Cell]
    }

    public var teams: [Team]
    public var totals: [Cell]

    /// - Parameters:
    ///   - teams: the team heads' ids, in the order to show them (`Person.team` and `Seat.team` are positions in it).
    ///   - roles: when given, only needs that come from these roles count.
    ///   - skills: when given, only these skills are shown.
    public init(people: [Person], seats: [Seat], teams order: [String], catalog: Catalog, planner: Planner, roles: Set<String>? = nil, skills: Set<String>? = nil) {
        let needs = RoleNeeds(catalog: catalog, roles: roles, skills: skills)
        let skillCount = catalog.skills.count
        var raising = RaiseHours(planner: planner, catalog: catalog)
        var grid: [Int: Cell] = [:]
        // Ids taken out once: a cell made inside the loop over a million people must not reach into the catalog.
        let skillIDs = catalog.skills.map(\.id)
        let shownAndHidden = max(order.count, (people.map(\.team).max() ?? -1) + 1, (seats.map(\.team).max() ?? -1) + 1)
        var headcount = [Int](repeating: 0, count: shownAndHidden)
        func update(team: Int, skill: Int32, _ change: (inout Cell) -> Void) {
            change(&grid[team * skillCount + Int(skill), default: Cell(skill: skillIDs[Int(skill)])])
        }
        var highest: [(skill: Int32, level: Int, current: Bool)] = []
        for person in people where person.team >= 0 {
            headcount[person.team] += 1
            highest.removeAll(keepingCapacity: true)
            for requirement in needs.of(person.role) { Self.raise(&highest, requirement, current: true) }
            for target in person.targets {
                for requirement in needs.of(target) { Self.raise(&highest, requirement, current: false) }
            }
            for need in highest {
                let have = person.level(of: need.skill)
                let extra = have >= need.level ? nil : raising.hours(need.skill, from: have, to: need.level)
                update(team: person.team, skill: need.skill) { cell in
                    if need.current { cell.needCurrent += 1 } else { cell.needTarget += 1 }
                    if have >= need.level {
                        cell.meet += 1
                    } else if let extra {
                        cell.hours = cell.hours + extra
                    } else {
                        cell.unclosable += 1
                    }
                }
            }
        }
        for seat in seats where seat.team >= 0 {
            for requirement in needs.of(seat.role) { update(team: seat.team, skill: requirement.skill) { $0.openSeats += 1 } }
        }
        // Biggest shortfall first, then the skill id: the rows a reader acts on come first.
        func sorted(_ cells: [Cell]) -> [Cell] {
            cells.sorted { $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : Text.precedes($0.skill, $1.skill) }
        }
        var byTeam = [[Cell]](repeating: [], count: order.count)
        var sums: [Int: Cell] = [:]
        for (key, cell) in grid {
            let (team, skill) = key.quotientAndRemainder(dividingBy: max(skillCount, 1))
            if team < order.count { byTeam[team].append(cell) }
            sums[skill, default: Cell(skill: cell.skill)].add(cell)
        }
        teams = order.indices.map { Team(id: order[$0], people: headcount[$0], cells: sorted(byTeam[$0])) }
        totals = sorted(Array(sums.values))
    }

    /// Adds one requirement to a person's needs: the highest level any of their roles asks, counted as a need
    /// of their current role when that role asks it at all.
    private static func raise(_ highest: inout [(skill: Int32, level: Int, current: Bool)], _ requirement: (skill: Int32, level: Int), current: Bool) {
        if let position = highest.firstIndex(where: { $0.skill == requirement.skill }) {
            highest[position].level = max(highest[position].level, requirement.level)
            highest[position].current = highest[position].current || current
        } else {
            highest.append((requirement.skill, requirement.level, current))
        }
    }
}

/// Each role's essential requirements that pass the picture's filters, by skill number, worked out once per role.
private struct RoleNeeds {
    private var byRole: [String: [(skill: Int32, level: Int)]] = [:]

    init(catalog: Catalog, roles: Set<String>?, skills: Set<String>?) {
        let numbers = catalog.index.skillNumbers
        for role in catalog.roles where roles?.contains(role.id) ?? true {
            byRole[role.id] = role.requires.compactMap { requirement in
                guard requirement.importance == .essential, skills?.contains(requirement.skill) ?? true, let number = numbers[requirement.skill] else { return nil }
                return (number, requirement.level)
            }
        }
    }

    func of(_ role: String) -> [(skill: Int32, level: Int)] { byRole[role] ?? [] }
}

/// The hours to raise one skill between two levels (`Planner.hoursToRaise`), planned once per skill and pair
/// of levels.
private struct RaiseHours {
    let planner: Planner
    let catalog: Catalog
    /// Per skill number and pair of levels (0–5 each): nil when not planned yet.
    private var known: [Quantity??]

    init(planner: Planner, catalog: Catalog) {
        self.planner = planner
        self.catalog = catalog
        known = Array(repeating: nil, count: catalog.skills.count * 36)
    }

    mutating func hours(_ skill: Int32, from have: Int, to need: Int) -> Quantity? {
        let key = Int(skill) * 36 + min(max(have, 0), 5) * 6 + min(max(need, 0), 5)
        guard known.indices.contains(key) else { return nil }
        if let found = known[key] { return found }
        let found = planner.hoursToRaise(skill: catalog.skills[Int(skill)].id, from: have, to: need)
        known[key] = .some(found)
        return found
    }
}

extension Planner {
    /// The hours of the plan that raises one skill from `from` to `to` for someone with no other skills
    /// (the prerequisites such a person would take included); nil when no course sequence gets there.
    /// Planned once per catalog, skill and pair of levels (`RaiseHoursMemo`).
    public func hoursToRaise(skill: String, from have: Int, to need: Int) -> Quantity? {
        let index = catalog.index
        guard let number = index.skillNumbers[skill], let anyRole = catalog.roles.first.flatMap({ index.roleNumbers[$0.id] }) else { return nil }
        // Levels outside 0–5 are planned as asked and not remembered: the key has room for 0–5 only.
        let key = (0...5).contains(have) && (0...5).contains(need) ? RaiseHoursMemo.key(skill: number, from: have, to: need) : nil
        if let key, let known = index.raiseHours.hours(key) { return known }
        let levels: [Int32: UInt8] = have > 0 ? [number: UInt8(clamping: have)] : [:]
        let goal = Goal(skill: number, need: UInt8(clamping: need), importance: .essential, role: anyRole)
        let problem = PlanningProblem(levels: levels, filter: CourseFilter(index: index), target: anyRole, current: nil, goals: [goal])
        let plan = plan(problem, options: PlanOptions())
        let hours = plan.complete ? plan.totals.hours : nil
        if let key { index.raiseHours.remember(hours, for: key) }
        return hours
    }
}
