public import SkillPathJSON

/// One entry of the event log (`events.list`, `events.subscribe`): something worth telling an LMS or a
/// portal, with a cursor (`id`) that only ever grows. docs/events.md lists each type and its `data`.
public struct EventRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case assignmentCreated = "assignment.created"
        /// Replanned, cancelled, completed, closed because the role was reached, or back on track.
        case assignmentChanged = "assignment.changed"
        /// An active assignment's verdict turned at-risk, late or overdue.
        case assignmentAtRisk = "assignment.atRisk"
        case progressRecorded = "progress.recorded"
        /// A skill's stored or counted level changed.
        case skillChanged = "skill.changed"
        case opportunityOpened = "opportunity.opened"
        case opportunityFilled = "opportunity.filled"
        case opportunityClosed = "opportunity.closed"
        /// Applied, shortlisted, offered, accepted, declined or withdrawn.
        case applicationMoved = "application.moved"
        case moveRecorded = "move.recorded"
        case catalogReloaded = "catalog.reloaded"
    }

    public var id: Int64
    public var kind: Kind
    /// When it was recorded (RFC 3339, UTC).
    public var at: String
    /// The person it concerns; nil for what everyone may see (the catalog, the internal market).
    public var employee: String?
    /// A second person it concerns: an application's hiring manager.
    public var also: String?
    public var data: JSONValue

    public init(id: Int64, kind: Kind, at: String, employee: String?, also: String? = nil, data: JSONValue) {
        self.id = id
        self.kind = kind
        self.at = at
        self.employee = employee
        self.also = also
        self.data = data
    }
}

/// An event to append, inside the write that makes it true.
public struct EventDraft: Sendable {
    public var kind: EventRecord.Kind
    public var employee: String?
    public var also: String?
    /// Kept from the employee's managers (a confidential application before it is shortlisted): only the
    /// employee, the `also` side and administrators and services see it.
    public var hiddenFromManagers: Bool
    public var data: JSONValue

    public init(_ kind: EventRecord.Kind, employee: String?, also: String? = nil, hiddenFromManagers: Bool = false, data: JSONValue) {
        self.kind = kind
        self.employee = employee
        self.also = also
        self.hiddenFromManagers = hiddenFromManagers
        self.data = data
    }
}
