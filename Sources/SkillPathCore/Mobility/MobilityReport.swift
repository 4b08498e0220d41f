/// The internal-mobility figures HR reports, computed from `MobilityFacts` for a period and a scope.
/// docs/mobility.md defines each figure exactly and works an example through by hand.
public struct MobilityReport: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case month, quarter
    }

    /// A count out of a count; `rate` is nil when there is nothing to count.
    public struct Ratio: Sendable, Equatable {
        public var part: Int
        public var whole: Int

        public init(part: Int, whole: Int) {
            self.part = part
            self.whole = whole
        }

        /// The ratio to four decimals, rounded half up, as exact decimal text (`0.6667`); nil when `whole` is 0.
        public var rate: String? {
            guard whole > 0 else { return nil }
            let scaled = (part * 20_000 / whole + 1) / 2
            let text = String(scaled)
            let padded = String(repeating: "0", count: max(0, 5 - text.count)) + text
            return "\(padded.dropLast(4)).\(padded.suffix(4))"
        }
    }

    public struct Figures: Sendable, Equatable {
        /// People in scope who had not left before the period began.
        public var people = 0
        /// Moves dated in the period, by kind (a secondment's return is not a move; its conversion is).
        public var moves: [Transition.Kind: Int] = [:]
        public var movesTotal: Int { moves.values.reduce(0, +) }
        /// Secondments that ended in the period: back home, or made permanent.
        /// Project moves (gigs) started in the period: a kind of move that changes no role, so `movesTotal`
        /// leaves them out; and those that ended in it, by how.
        public var projectsStarted = 0
        public var projectsCompleted = 0
        public var projectsStopped = 0
        public var secondmentsReturned = 0
        public var secondmentsConverted = 0
        /// Seats filled in the period, and how many by employees.
        public var fills = Ratio(part: 0, whole: 0)
        /// Days from an opportunity's opening to each of its fills in the period; the median, exact
        /// (`12.5` for an even count whose middle two differ by one).
        public var daysToFill: [Int] = []
        /// Permanent moves in the period old enough to judge (their window has passed by `asOf`), and how
        /// many succeeded; `tooRecent` are the others.
        public var success = Ratio(part: 0, whole: 0)
        public var tooRecent = 0
        /// Assignments due in the period (and past due by `asOf`), and how many met their role by the due date.
        public var pathCompletion = Ratio(part: 0, whole: 0)
        /// People with at least one progress event in the period, and the hours of the courses they completed.
        public var activeLearners = 0
        public var learningHours = Quantity.zero
        /// Learning hours per active learner per week of the period, to the hundredth, rounded half up.
        public var hoursPerLearnerPerWeek: Quantity?
        /// Who stayed a year after moving, against who stayed without moving.
        public var retention = Retention()
        /// How the movers and their managers rated the period's moves.
        public var feedback = Feedback()
        /// Seats filled from inside against seats filled from outside: what each cost and took.
        public var buildVersusBuy = BuildVersusBuyFigures()

        public init() {}

        public var medianDaysToFill: String? { MobilityReport.median(daysToFill) }
    }

    /// The period's fills by where the person came from (docs/mobility.md, "Building versus buying").
    public struct BuildVersusBuyFigures: Sendable, Equatable {
        /// Seats filled by employees, the days each took from the opening, and the priced courses they
        /// completed toward the role by then.
        public var internalFills = 0
        public var internalDays: [Int] = []
        public var training = TrainingSpend.Amount()
        /// Seats filled from outside, the days each took, the estimated cost of those whose cost someone
        /// gave, and how many nobody priced.
        public var externalFills = 0
        public var externalDays: [Int] = []
        public var externalCost = CurrencyTotals()
        public var externalCostUnknown = 0
    }

    /// The median of whole days, exact (`12.5` for an even count whose middle two differ by one); nil for none.
    public static func median(_ days: [Int]) -> String? {
        guard !days.isEmpty else { return nil }
        let sorted = days.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return String(sorted[middle]) }
        let sum = sorted[middle - 1] + sorted[middle]
        return sum % 2 == 0 ? String(sum / 2) : "\(sum / 2).5"
    }

    public struct Bucket: Sendable, Equatable {
        /// `2026-03` or `2026-Q1`.
        public var label: String
        public var from: CalendarDate
        public var to: CalendarDate
        public var figures: Figures
    }

    public struct Team: Sendable, Equatable {
        /// The direct report whose subtree this is.
        public var manager: String
        public var figures: Figures
    }

    public var from: CalendarDate
    public var to: CalendarDate
    public var asOf: CalendarDate
    public var successWindowMonths: Int
    public var figures: Figures
    public var buckets: [Bucket]
    public var teams: [Team]

    /// The report for `scope` (everyone when nil, else the subtree of that manager, the manager included),
    /// with one team per direct report of the manager, and buckets when `grouping` is given. `asOf` is the
    /// day the report is made: moves whose success window has not passed by then are too recent to judge.
    public static func compute(
        _ facts: MobilityFacts, from: CalendarDate, to: CalendarDate, asOf: CalendarDate, manager: String?,
        grouping: Grouping?, successWindowMonths: Int = 12
    ) -> MobilityReport {
        // Only a manager's report needs the reporting lines.
        let tree = manager.map { _ in Tree(facts.records) }
        let scope = manager.flatMap { manager in tree?.subtree(of: manager) }
        var ranges: [(label: String, from: CalendarDate, to: CalendarDate)] = []
        if let grouping {
            var start = grouping == .month ? from.startOfMonth : from.startOfQuarter
            while start <= to {
                let next = start.adding(months: grouping == .month ? 1 : 3)
                let (year, month, _) = start.components
                let label = grouping == .month ? String(start.description.prefix(7)) : "\(year)-Q\((month - 1) / 3 + 1)"
                ranges.append((label, max(start, from), min(next.adding(days: -1), to)))
                start = next
            }
        }
        let roots = manager.flatMap { manager in tree?.reports(of: manager) } ?? []
        var tally = MobilityTally(facts: facts, from: from, to: to, scope: scope, teamRoots: roots, tree: tree, buckets: ranges.map { ($0.from, $0.to) })
        let (figures, bucketFigures, teamFigures) = tally.tally(asOf: asOf, windowMonths: successWindowMonths)
        let buckets = zip(ranges, bucketFigures).map { Bucket(label: $0.label, from: $0.from, to: $0.to, figures: $1) }
        let teams = zip(roots, teamFigures).map { Team(manager: $0, figures: $1) }
        return MobilityReport(from: from, to: to, asOf: asOf, successWindowMonths: successWindowMonths, figures: figures, buckets: buckets, teams: teams)
    }

    /// The reporting lines, for scopes: each person's direct reports by position, as runs of one array.
    struct Tree {
        let records: MobilityRecords
        /// `reports[starts[person]..<starts[person + 1]]` are the positions of `person`'s direct reports.
        private let starts: [Int]
        private let reports: [Int32]

        init(_ records: MobilityRecords) {
            self.records = records
            let count = records.employees.count
            var boss = [Int](repeating: -1, count: count)
            var starts = [Int](repeating: 0, count: count + 1)
            for (position, employee) in records.employees.enumerated() {
                guard let manager = employee.manager, let found = records.positions[manager] else { continue }
                boss[position] = Int(found)
                starts[Int(found) + 1] += 1
            }
            for person in 0..<count { starts[person + 1] += starts[person] }
            var next = starts
            var reports = [Int32](repeating: 0, count: starts[count])
            for position in 0..<count where boss[position] >= 0 {
                reports[next[boss[position]]] = Int32(clamping: position)
                next[boss[position]] += 1
            }
            self.starts = starts
            self.reports = reports
        }

        /// The ids of the people whose manager is `manager`, in id order.
        func reports(of manager: String) -> [String] {
            records.employees.filter { $0.manager == manager }.map(\.id).sorted(by: Text.precedes)
        }

        /// Who is in `root`'s subtree, `root` included, by position.
        func subtree(of root: String) -> [Bool] {
            var members = [Bool](repeating: false, count: records.employees.count)
            var queue: [Int] = []
            if let position = records.positions[root] {
                queue.append(Int(position))
            } else {
                // Someone the employees table does not hold can still be named as a manager.
                queue = records.employees.indices.filter { records.employees[$0].manager == root }
            }
            for position in queue { members[position] = true }
            while let next = queue.popLast() {
                for report in reports[starts[next]..<starts[next + 1]] where !members[Int(report)] {
                    members[Int(report)] = true
                    queue.append(Int(report))
                }
            }
            return members
        }
    }
}
