/// The organisation's skill picture: for each team and skill, how many people need the skill (for their
/// current role, or for a role they are heading to), how many meet it, the shortfall, and the course hours
/// that would close it. docs/reports.md has the exact definitions; `reports.skills` serves it.
public struct SkillPicture: Sendable {
    /// Someone counted: their team, current role, the roles they are heading to (active assignments), and
    /// their levels as plans see them (effective levels).
    public struct Person: Sendable {
        public var id: String
        public var team: String
        public var role: String
        public var targets: [String]
        public var levels: [String: Int]

        public init(id: String, team: String, role: String, targets: [String], levels: [String: Int]) {
            self.id = id
            self.team = team
            self.role = role
            self.targets = targets
            self.levels = levels
        }
    }

    /// An open seat in a team: a role someone will have to fill.
    public struct Seat: Sendable {
        public var team: String
        public var role: String

        public init(team: String, role: String) {
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
    }

    public struct Team: Sendable {
        public var id: String
        public var people: Int
        public var cells: [Cell]
    }

    public var teams: [Team]
    public var totals: [Cell]

    /// - Parameters:
    ///   - teams: the teams in the order to show them (ids as `Person.team` uses them).
    ///   - roles: when given, only needs that come from these roles count.
    ///   - skills: when given, only these skills are shown.
    public init(people: [Person], seats: [Seat], teams order: [String], catalog: Catalog, planner: Planner, roles: Set<String>? = nil, skills: Set<String>? = nil) {
        /// The essential requirements of a role that pass the filters: skill → level.
        func needs(of role: String) -> [(skill: String, level: Int)] {
            guard roles?.contains(role) ?? true, let found = catalog.role(role) else { return [] }
            return found.requires.filter { $0.importance == .essential && (skills?.contains($0.skill) ?? true) }.map { ($0.skill, $0.level) }
        }
        var hoursCache: [String: Quantity?] = [:]
        func hours(_ skill: String, from have: Int, to need: Int) -> Quantity? {
            let key = "\(skill)|\(have)|\(need)"
            if let known = hoursCache[key] { return known }
            let found = planner.hoursToRaise(skill: skill, from: have, to: need)
            hoursCache[key] = found
            return found
        }
        var grid: [String: [String: Cell]] = [:]
        var headcount: [String: Int] = [:]
        for person in people {
            headcount[person.team, default: 0] += 1
            let current = needs(of: person.role)
            var highest: [String: (level: Int, current: Bool)] = [:]
            for requirement in current { highest[requirement.skill] = (max(highest[requirement.skill]?.level ?? 0, requirement.level), true) }
            for target in person.targets {
                for requirement in needs(of: target) {
                    let known = highest[requirement.skill]
                    highest[requirement.skill] = (max(known?.level ?? 0, requirement.level), known?.current ?? false)
                }
            }
            for (skill, need) in highest {
                var cell = grid[person.team]?[skill] ?? Cell(skill: skill)
                if need.current { cell.needCurrent += 1 } else { cell.needTarget += 1 }
                let have = person.levels[skill] ?? 0
                if have >= need.level {
                    cell.meet += 1
                } else if let extra = hours(skill, from: have, to: need.level) {
                    cell.hours = cell.hours + extra
                } else {
                    cell.unclosable += 1
                }
                grid[person.team, default: [:]][skill] = cell
            }
        }
        for seat in seats {
            for requirement in needs(of: seat.role) {
                var cell = grid[seat.team]?[requirement.skill] ?? Cell(skill: requirement.skill)
                cell.openSeats += 1
                grid[seat.team, default: [:]][requirement.skill] = cell
            }
        }
        // Biggest shortfall first, then the skill id: the rows a reader acts on come first.
        func sorted(_ cells: some Sequence<Cell>) -> [Cell] {
            cells.sorted { $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : Text.precedes($0.skill, $1.skill) }
        }
        teams = order.map { Team(id: $0, people: headcount[$0] ?? 0, cells: sorted(grid[$0]?.values ?? [:].values)) }
        var sums: [String: Cell] = [:]
        for team in grid.values {
            for cell in team.values {
                var total = sums[cell.skill] ?? Cell(skill: cell.skill)
                total.needCurrent += cell.needCurrent
                total.needTarget += cell.needTarget
                total.openSeats += cell.openSeats
                total.meet += cell.meet
                total.hours = total.hours + cell.hours
                total.unclosable += cell.unclosable
                sums[cell.skill] = total
            }
        }
        totals = sorted(sums.values)
    }
}

extension Planner {
    /// The hours of the plan that raises one skill from `from` to `to` for someone with no other skills
    /// (the prerequisites such a person would take included); nil when no course sequence gets there.
    public func hoursToRaise(skill: String, from have: Int, to need: Int) -> Quantity? {
        let index = catalog.index
        guard let number = index.skillNumbers[skill], let anyRole = catalog.roles.first.flatMap({ index.roleNumbers[$0.id] }) else { return nil }
        let levels: [Int32: UInt8] = have > 0 ? [number: UInt8(clamping: have)] : [:]
        let goal = Goal(skill: number, need: UInt8(clamping: need), importance: .essential, role: anyRole)
        let problem = PlanningProblem(levels: levels, filter: CourseFilter(index: index), target: anyRole, current: nil, goals: [goal])
        let plan = plan(problem, options: PlanOptions())
        return plan.complete ? plan.totals.hours : nil
    }
}
