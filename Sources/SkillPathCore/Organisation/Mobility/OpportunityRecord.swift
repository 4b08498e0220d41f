/// An open internal position or secondment: the internal job market.
public struct OpportunityRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case position, secondment
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

        public init(seat: Int, employee: String? = nil, external: Bool, date: CalendarDate, move: Int64? = nil) {
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
    public var status: Status
    public var createdBy: String
    public var createdAt: String
    /// The day it was filled or withdrawn.
    public var closedOn: CalendarDate?
    public var fills: [Fill]

    public var seatsLeft: Int { status == .open ? max(0, headcount - fills.count) : 0 }

    public init(id: Int64, role: String, title: String? = nil, manager: String? = nil, kind: Kind, headcount: Int, opens: CalendarDate, closes: CalendarDate? = nil, durationWeeks: Int? = nil, status: Status, createdBy: String, createdAt: String, closedOn: CalendarDate? = nil, fills: [Fill]) {
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

    public init(role: String, title: String?, manager: String?, kind: OpportunityRecord.Kind, headcount: Int, opens: CalendarDate,
                closes: CalendarDate?, durationWeeks: Int?) {
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
