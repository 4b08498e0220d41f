/// What training costs, per team and per target role, in each currency the catalog prices courses in.
///
/// - **Completed**: the courses people in scope completed in the period, each at the price the catalog
///   gives it today. A completed course counts toward the target role of the person's assignment whose
///   plan held it (the newest such assignment, cancelled ones last); a course no plan held counts toward
///   no role (`role` nil: learning on the person's own account).
/// - **Planned**: the steps of active assignments not completed yet, at the catalog's price: what the
///   plans still commit to, on the day the report is made.
///
/// A course the catalog no longer has has no price here: it is counted in `unpriced`, never as zero.
/// Amounts are never added across currencies (`CurrencyTotals`). Teams are managers' direct teams: each
/// person counts in the team of the manager they report to (nil for people without a manager), so the
/// teams add up to the whole, and so do the roles. docs/reports.md, "Training spend", works an example.
public struct TrainingSpend: Sendable {
    /// A course completed or still planned, by whom and toward which role.
    public struct Course: Sendable {
        public var employee: String
        public var course: String
        /// The target role of the assignment whose plan holds it; nil for a course taken on one's own.
        public var role: String?
        /// The manager the person reports to: their team.
        public var manager: String?

        public init(employee: String, course: String, role: String?, manager: String?) {
            self.employee = employee
            self.course = course
            self.role = role
            self.manager = manager
        }
    }

    /// Spend of one kind: courses counted, their cost per currency, and courses without a price.
    public struct Amount: Sendable, Equatable {
        public var courses = 0
        public var cost = CurrencyTotals()
        /// Courses the catalog no longer prices: their cost is unknown, not zero.
        public var unpriced = 0

        public init() {}

        public mutating func add(_ other: Amount) {
            courses += other.courses
            cost.add(other.cost)
            unpriced += other.unpriced
        }

        public mutating func add(_ price: (amount: Quantity, currency: String)?) {
            courses += 1
            if let price { cost.add(price.amount, price.currency) } else { unpriced += 1 }
        }
    }

    public struct Line: Sendable, Equatable {
        public var completed = Amount()
        public var planned = Amount()
    }

    public var total = Line()
    /// By the manager people report to (nil: people without a manager), in manager id order, nil last.
    public var teams: [(manager: String?, line: Line)]
    /// By target role (nil: courses toward no role), in role id order, nil last.
    public var roles: [(role: String?, line: Line)]

    /// The report over `completed` (already limited to the period and scope) and `planned`, with each
    /// course's price from `price`.
    public init(completed: [Course], planned: [Course], price: (String) -> (amount: Quantity, currency: String)?) {
        var byTeam: [String?: Line] = [:]
        var byRole: [String?: Line] = [:]
        var total = Line()
        func count(_ courses: [Course], _ part: WritableKeyPath<Line, Amount>) {
            for entry in courses {
                let cost = price(entry.course)
                total[keyPath: part].add(cost)
                byTeam[entry.manager, default: Line()][keyPath: part].add(cost)
                byRole[entry.role, default: Line()][keyPath: part].add(cost)
            }
        }
        count(completed, \.completed)
        count(planned, \.planned)
        self.total = total
        teams = Self.ordered(byTeam).map { (manager: $0.key, line: $0.value) }
        roles = Self.ordered(byRole).map { (role: $0.key, line: $0.value) }
    }

    /// Keys in id order, nil last.
    private static func ordered(_ lines: [String?: Line]) -> [(key: String?, value: Line)] {
        lines.sorted { left, right in
            switch (left.key, right.key) {
            case (let l?, let r?): Text.precedes(l, r)
            case (.some, nil): true
            default: false
            }
        }.map { ($0.key, $0.value) }
    }
}
