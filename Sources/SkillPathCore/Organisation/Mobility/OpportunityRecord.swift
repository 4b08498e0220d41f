/// An open internal position, secondment or project gig: the internal job market.
///
/// A project (issue 21) does not change anyone's role: its `role` is the role whose work it is (context for
/// the listing), it takes `hoursPerWeek` for `durationWeeks`, and it develops the skills of `develops` to
/// their levels. Filling a seat of one records a project move (`ProjectMove`), not a move of role.
public struct OpportunityRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case position, secondment, project
    }

    public enum Status: String, Sendable, CaseIterable {
        /// Seats left to fill.
        case open
        /// Every seat filled (by employees or from outside).
        case filled
        /// Withdrawn with seats unfilled.
        case closed
    }

    /// One seat filled: by an employee (with the move that took them there) or from outside.
    public struct Fill: Sendable, Equatable {
        public var seat: Int
        public var employee: String?
        public var external: Bool
        public var date: CalendarDate
        public var move: Int64?
        /// For a project: the project move of whoever took the seat.
        public var project: Int64?

        public init(seat: Int, employee: String? = nil, external: Bool, date: CalendarDate, move: Int64? = nil, project: Int64? = nil) {
            self.project = project
            self.seat = seat
            self.employee = employee
            self.external = external
            self.date = date
            self.move = move
        }
    }

    public var id: Int64
    public var role: String
    public var title: String?
    public var manager: String?
    public var kind: Kind
    public var headcount: Int
    public var opens: CalendarDate
    public var closes: CalendarDate?
    public var durationWeeks: Int?
    /// A project's weekly hours, taken from the learning budget of whoever takes it.
    public var hoursPerWeek: Quantity?
    /// The skills a project develops, each to its level.
    public var develops: [SkillLevel]
    /// The opening's own estimate of hiring from outside (`ExternalHire`); nil: not given.
    public var externalCost: Money?
    public var externalDaysToFill: Int?
    public var status: Status
    public var createdBy: String
    public var createdAt: String
    /// The day it was filled or withdrawn.
    public var closedOn: CalendarDate?
    public var fills: [Fill]

    public var seatsLeft: Int { status == .open ? max(0, headcount - fills.count) : 0 }

    public init(id: Int64, role: String, title: String? = nil, manager: String? = nil, kind: Kind, headcount: Int, opens: CalendarDate, closes: CalendarDate? = nil, durationWeeks: Int? = nil, hoursPerWeek: Quantity? = nil, develops: [SkillLevel] = [], status: Status, createdBy: String, createdAt: String, closedOn: CalendarDate? = nil, fills: [Fill]) {
        self.hoursPerWeek = hoursPerWeek
        self.develops = develops
        self.id = id
        self.role = role
        self.title = title
        self.manager = manager
        self.kind = kind
        self.headcount = headcount
        self.opens = opens
        self.closes = closes
        self.durationWeeks = durationWeeks
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.closedOn = closedOn
        self.fills = fills
    }
}

/// An opportunity to create.
public struct NewOpportunity: Sendable, Equatable {
    public var role: String
    public var title: String?
    public var manager: String?
    public var kind: OpportunityRecord.Kind
    public var headcount: Int
    public var opens: CalendarDate
    public var closes: CalendarDate?
    public var durationWeeks: Int?
    public var hoursPerWeek: Quantity?
    public var develops: [SkillLevel]
    public var externalCost: Money?
    public var externalDaysToFill: Int?

    public init(role: String, title: String?, manager: String?, kind: OpportunityRecord.Kind, headcount: Int, opens: CalendarDate,
                closes: CalendarDate?, durationWeeks: Int?, hoursPerWeek: Quantity? = nil, develops: [SkillLevel] = [],
                externalCost: Money? = nil, externalDaysToFill: Int? = nil) {
        self.externalCost = externalCost
        self.externalDaysToFill = externalDaysToFill
        self.hoursPerWeek = hoursPerWeek
        self.develops = develops
        self.role = role
        self.title = title
        self.manager = manager
        self.kind = kind
        self.headcount = headcount
        self.opens = opens
        self.closes = closes
        self.durationWeeks = durationWeeks
    }
}

/// How an opportunity is closed: one seat filled by an employee or from outside, or withdrawn.
public enum OpportunityClosing: Sendable, Equatable {
    case filledBy(String)
    case filledExternally
    case withdrawn
}
