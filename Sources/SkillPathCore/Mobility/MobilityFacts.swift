/// What the mobility report is computed from: plain records the store reads, so that the figures can be
/// computed, and checked by hand, without a database (`MobilityReport`). People, moves and learning are
/// held numbered (`MobilityRecords`); `Employee`, `Move` and `Learning` are their hand-written form.
public struct MobilityFacts: Sendable {
    public struct Employee: Sendable {
        public var id: String
        public var manager: String?
        public var leftOn: CalendarDate?

        public init(id: String, manager: String?, leftOn: CalendarDate?) {
            self.id = id
            self.manager = manager
            self.leftOn = leftOn
        }
    }

    public struct Move: Sendable {
        /// The move's id, which feedback names (0 where none is needed).
        public var id: Int64
        public var employee: String
        public var fromRole: String
        public var toRole: String
        public var kind: Transition.Kind
        public var date: CalendarDate
        /// The end of a secondment (a return home): not a move of its own.
        public var isReturn: Bool
        /// A secondment turned permanent.
        public var isConversion: Bool

        public init(
            id: Int64 = 0, employee: String, fromRole: String, toRole: String, kind: Transition.Kind, date: CalendarDate, isReturn: Bool = false,
            isConversion: Bool = false
        ) {
            self.id = id
            self.employee = employee
            self.fromRole = fromRole
            self.toRole = toRole
            self.kind = kind
            self.date = date
            self.isReturn = isReturn
            self.isConversion = isConversion
        }
    }

    /// One seat of an opportunity filled.
    public struct Fill: Sendable {
        public var opportunity: Int64
        /// The opportunity's manager, who places it in a subtree.
        public var manager: String?
        public var opens: CalendarDate
        public var date: CalendarDate
        public var isInternal: Bool
        /// The opportunity's role.
        public var role: String
        /// An external fill: what hiring from outside was estimated to cost (the opening's figure, else the
        /// configuration's); nil when nobody said.
        public var externalCost: Money?
        /// An internal fill: the courses the person completed toward the role (steps of their assignments to
        /// it) by the day they filled the seat, as `TrainingSpend` prices them.
        public var training = TrainingSpend.Amount()
        /// The employee who filled it (nil from outside).
        public var employee: String?

        public init(opportunity: Int64, manager: String?, opens: CalendarDate, date: CalendarDate, isInternal: Bool, role: String = "", externalCost: Money? = nil) {
            self.role = role
            self.externalCost = externalCost
            self.opportunity = opportunity
            self.manager = manager
            self.opens = opens
            self.date = date
            self.isInternal = isInternal
        }
    }

    public struct Assignment: Sendable {
        public var employee: String
        public var dueDate: CalendarDate
        public var cancelled: Bool
        /// Whether the plan closed the whole gap when it was made (or last replanned).
        public var planComplete: Bool
        /// The day the last step was completed, when every step was.
        public var allStepsCompletedOn: CalendarDate?

        public init(employee: String, dueDate: CalendarDate, cancelled: Bool, planComplete: Bool, allStepsCompletedOn: CalendarDate?) {
            self.employee = employee
            self.dueDate = dueDate
            self.cancelled = cancelled
            self.planComplete = planComplete
            self.allStepsCompletedOn = allStepsCompletedOn
        }
    }

    /// A progress event: a course started or completed on a day, with the course's hours when completed.
    public struct Learning: Sendable {
        public var employee: String
        public var date: CalendarDate
        public var completedHours: Quantity?

        public init(employee: String, date: CalendarDate, completedHours: Quantity?) {
            self.employee = employee
            self.date = date
            self.completedHours = completedHours
        }
    }

    /// A project gig taken: it starts on one day and may have ended (completed or stopped) on another.
    public struct Project: Sendable {
        public var employee: String
        public var start: CalendarDate
        public var finishedOn: CalendarDate?
        public var outcome: ProjectMove.Outcome?

        public init(employee: String, start: CalendarDate, finishedOn: CalendarDate?, outcome: ProjectMove.Outcome?) {
            self.employee = employee
            self.start = start
            self.finishedOn = finishedOn
            self.outcome = outcome
        }
    }

    /// The people, their moves and their learning, numbered.
    public var records: MobilityRecords
    public var fills: [Fill]
    public var assignments: [Assignment]
    public var projects: [Project]
    /// Ratings of the moves (`MoveFeedback`), by move id.
    public var feedback: [MoveFeedback]

    public var employees: [Employee] { records.employees }

    /// Facts written by hand (tests, docs/mobility.md's example): numbered here.
    public init(
        employees: [Employee], moves: [Move], fills: [Fill], assignments: [Assignment], learning: [Learning], projects: [Project] = [],
        feedback: [MoveFeedback] = []
    ) {
        self.init(records: MobilityRecords(employees: employees, moves: moves, learning: learning), fills: fills, assignments: assignments, projects: projects, feedback: feedback)
    }

    public init(records: MobilityRecords, fills: [Fill], assignments: [Assignment], projects: [Project], feedback: [MoveFeedback]) {
        self.records = records
        self.fills = fills
        self.assignments = assignments
        self.projects = projects
        self.feedback = feedback
    }
}
