/// One change of an employee's role, as the store keeps it: the role history that internal mobility is
/// measured on. Moves are never edited or deleted; a secondment that ends gets a second move (the return or
/// the conversion) and points to it with `endedBy`.
public struct MoveRecord: Sendable, Equatable {
    public var id: Int64
    public var employee: String
    public var fromRole: String
    public var toRole: String
    public var kind: Transition.Kind
    /// Whether a catalog transition, the caller, or the default decided the kind.
    public var kindFrom: MoveKind.Origin
    /// The day the move took effect.
    public var date: CalendarDate
    /// A secondment's planned end.
    public var endDate: CalendarDate?
    /// For a return or a conversion: the secondment it ends.
    public var ends: Int64?
    /// For a secondment that ended: the move that ended it, and how.
    public var endedBy: Int64?
    public var outcome: Outcome?
    /// The opportunity this move filled.
    public var opportunity: Int64?
    /// How it was recorded: `moves.record`, `employees.upsert`, `opportunity`, `secondment-return` (the end
    /// of a secondment, asked for or on its planned end date) or `secondment-conversion`.
    public var source: String
    public var recordedBy: String
    public var recordedAt: String

    /// How a secondment ended.
    public enum Outcome: String, Sendable, CaseIterable {
        /// The employee went back to their home role.
        case returned
        /// The secondment became a permanent move.
        case converted
        /// Another move (a promotion elsewhere, say) replaced it before it ended.
        case superseded
    }

    /// Whether this move only takes a secondee home (mobility counts skip it: it is not a move of its own).
    public var isSecondmentReturn: Bool { source == Self.returnSource }

    public static let returnSource = "secondment-return"
    public static let conversionSource = "secondment-conversion"

    public init(id: Int64, employee: String, fromRole: String, toRole: String, kind: Transition.Kind, kindFrom: MoveKind.Origin, date: CalendarDate, endDate: CalendarDate? = nil, ends: Int64? = nil, endedBy: Int64? = nil, outcome: Outcome? = nil, opportunity: Int64? = nil, source: String, recordedBy: String, recordedAt: String) {
        self.id = id
        self.employee = employee
        self.fromRole = fromRole
        self.toRole = toRole
        self.kind = kind
        self.kindFrom = kindFrom
        self.date = date
        self.endDate = endDate
        self.ends = ends
        self.endedBy = endedBy
        self.outcome = outcome
        self.opportunity = opportunity
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// A move to record. The date defaults to today; the kind is resolved against the catalog (`MoveKind`).
public struct NewMove: Sendable, Equatable {
    public var employee: String
    public var toRole: String
    public var kind: Transition.Kind?
    public var date: CalendarDate
    public var endDate: CalendarDate?
    public var opportunity: Int64?
    public var source: String

    public init(employee: String, toRole: String, kind: Transition.Kind? = nil, date: CalendarDate, endDate: CalendarDate? = nil,
                opportunity: Int64? = nil, source: String) {
        self.employee = employee
        self.toRole = toRole
        self.kind = kind
        self.date = date
        self.endDate = endDate
        self.opportunity = opportunity
        self.source = source
    }
}
