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

        public init() {}

        public var medianDaysToFill: String? {
            guard !daysToFill.isEmpty else { return nil }
            let sorted = daysToFill.sorted()
            let middle = sorted.count / 2
            if sorted.count % 2 == 1 { return String(sorted[middle]) }
            let sum = sorted[middle - 1] + sorted[middle]
            return sum % 2 == 0 ? String(sum / 2) : "\(sum / 2).5"
        }
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
        let tree = Tree(facts.employees)
        let scope = manager.map { tree.subtree(of: $0) }
        let calculator = Calculator(facts: facts, tree: tree, asOf: asOf, windowMonths: successWindowMonths)
        let figures = calculator.figures(scope: scope, from: from, to: to)
        var buckets: [Bucket] = []
        if let grouping {
            var start = grouping == .month ? from.startOfMonth : from.startOfQuarter
            while start <= to {
                let next = start.adding(months: grouping == .month ? 1 : 3)
                let (low, high) = (max(start, from), min(next.adding(days: -1), to))
                let (year, month, _) = start.components
                let label = grouping == .month ? String(start.description.prefix(7)) : "\(year)-Q\((month - 1) / 3 + 1)"
                buckets.append(Bucket(label: label, from: low, to: high, figures: calculator.figures(scope: scope, from: low, to: high)))
                start = next
            }
        }
        let teams = manager.map { root in
            tree.reports(of: root).map { report in Team(manager: report, figures: calculator.figures(scope: tree.subtree(of: report), from: from, to: to)) }
        } ?? []
        return MobilityReport(from: from, to: to, asOf: asOf, successWindowMonths: successWindowMonths, figures: figures, buckets: buckets, teams: teams)
    }

    /// The reporting lines, for scopes.
    struct Tree {
        var reports: [String: [String]] = [:]

        init(_ employees: [MobilityFacts.Employee]) {
            for employee in employees {
                if let manager = employee.manager { reports[manager, default: []].append(employee.id) }
            }
            for key in reports.keys { reports[key]?.sort(by: Text.precedes) }
        }

        func reports(of manager: String) -> [String] { reports[manager] ?? [] }

        func subtree(of root: String) -> Set<String> {
            var members: Set<String> = [root]
            var queue = [root]
            while let next = queue.popLast() {
                for report in reports[next] ?? [] where members.insert(report).inserted { queue.append(report) }
            }
            return members
        }
    }

    struct Calculator {
        let facts: MobilityFacts
        let asOf: CalendarDate
        let windowMonths: Int
        let leftOn: [String: CalendarDate]
        /// Each employee's moves, in the order they happened.
        let history: [String: [MobilityFacts.Move]]

        init(facts: MobilityFacts, tree: Tree, asOf: CalendarDate, windowMonths: Int) {
            self.facts = facts
            self.asOf = asOf
            self.windowMonths = windowMonths
            var leftOn: [String: CalendarDate] = [:]
            for employee in facts.employees { if let left = employee.leftOn { leftOn[employee.id] = left } }
            self.leftOn = leftOn
            self.history = Dictionary(grouping: facts.moves, by: \.employee)
        }

        func figures(scope: Set<String>?, from: CalendarDate, to: CalendarDate) -> Figures {
            func inScope(_ id: String?) -> Bool { scope == nil || id.map { scope?.contains($0) ?? true } ?? false }
            var figures = Figures()
            figures.people = facts.employees.filter { inScope($0.id) && ($0.leftOn.map { $0 >= from } ?? true) }.count
            for move in facts.moves where move.date >= from && move.date <= to && inScope(move.employee) {
                if move.isReturn {
                    figures.secondmentsReturned += 1
                    continue
                }
                if move.isConversion { figures.secondmentsConverted += 1 }
                figures.moves[move.kind, default: 0] += 1
                guard move.kind != .secondment else { continue }
                switch succeeded(move) {
                case nil: figures.tooRecent += 1
                case true?: figures.success.part += 1; figures.success.whole += 1
                case false?: figures.success.whole += 1
                }
            }
            for fill in facts.fills where fill.date >= from && fill.date <= to && (scope == nil || inScope(fill.manager)) {
                figures.fills.whole += 1
                if fill.isInternal { figures.fills.part += 1 }
                figures.daysToFill.append(fill.date.daysSinceEpoch - fill.opens.daysSinceEpoch)
            }
            for assignment in facts.assignments where !assignment.cancelled && assignment.dueDate >= from && assignment.dueDate <= to
                && assignment.dueDate < asOf && inScope(assignment.employee) {
                figures.pathCompletion.whole += 1
                if assignment.planComplete, let done = assignment.allStepsCompletedOn, done <= assignment.dueDate { figures.pathCompletion.part += 1 }
            }
            var learners = Set<String>()
            for event in facts.learning where event.date >= from && event.date <= to && inScope(event.employee) {
                learners.insert(event.employee)
                if let hours = event.completedHours { figures.learningHours += hours }
            }
            figures.activeLearners = learners.count
            if !learners.isEmpty {
                let divisor = Int64(learners.count) * Int64(to.daysSinceEpoch - from.daysSinceEpoch + 1)
                figures.hoursPerLearnerPerWeek = Quantity(hundredths: (figures.learningHours.hundredths * 7 * 2 + divisor) / (divisor * 2))
            }
            return figures
        }

        /// A permanent move succeeded when, `windowMonths` after it, the employee had not left and did not
        /// hold the role they came from. Nil while the window has not passed.
        func succeeded(_ move: MobilityFacts.Move) -> Bool? {
            let checkpoint = move.date.adding(months: windowMonths)
            guard checkpoint <= asOf else { return nil }
            if let left = leftOn[move.employee], left <= checkpoint { return false }
            let moves = history[move.employee] ?? []
            guard let position = moves.firstIndex(where: { $0.date == move.date && $0.toRole == move.toRole && $0.fromRole == move.fromRole }) else { return true }
            let role = moves[position...].last { $0.date <= checkpoint }?.toRole ?? move.toRole
            return role != move.fromRole
        }
    }
}
