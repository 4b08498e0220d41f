/// A project gig someone took (issue 21): learning on the job beside their role, which it does not change.
///
/// It runs from `start` to `plannedEnd` (the project's weeks), taking `hoursPerWeek` from the person's weekly
/// learning budget meanwhile. It ends when its owner (the opportunity's manager, a manager above them, or an
/// administrator) says how it went: `completed` adds manager-confirmed evidence of every skill it develops at
/// its level, `stopped` adds none. Until then, past its planned end, it is awaiting confirmation: nothing is
/// assumed.
public struct ProjectMove: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        case completed, stopped
    }

    /// Where it stands on a given day.
    public enum Status: String, Sendable, CaseIterable {
        case running
        /// Past its planned end, and its owner has not said how it went.
        case awaitingConfirmation = "awaiting-confirmation"
        case completed, stopped
    }

    public var id: Int64
    public var employee: String
    public var opportunity: Int64
    public var title: String?
    /// The role the person held when it started.
    public var role: String
    public var start: CalendarDate
    public var plannedEnd: CalendarDate
    public var hoursPerWeek: Quantity
    public var develops: [SkillLevel]
    public var finishedOn: CalendarDate?
    public var outcome: Outcome?
    /// Who said how it went.
    public var confirmedBy: String?
    public var note: String?
    public var recordedBy: String
    public var recordedAt: String

    public init(
        id: Int64, employee: String, opportunity: Int64, title: String?, role: String, start: CalendarDate, plannedEnd: CalendarDate,
        hoursPerWeek: Quantity, develops: [SkillLevel], finishedOn: CalendarDate? = nil, outcome: Outcome? = nil, confirmedBy: String? = nil,
        note: String? = nil, recordedBy: String, recordedAt: String
    ) {
        self.id = id
        self.employee = employee
        self.opportunity = opportunity
        self.title = title
        self.role = role
        self.start = start
        self.plannedEnd = plannedEnd
        self.hoursPerWeek = hoursPerWeek
        self.develops = develops
        self.finishedOn = finishedOn
        self.outcome = outcome
        self.confirmedBy = confirmedBy
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public func status(on today: CalendarDate) -> Status {
        switch outcome {
        case .completed: .completed
        case .stopped: .stopped
        case nil: today < plannedEnd ? .running : .awaitingConfirmation
        }
    }

    /// The budget it takes: its weekly hours from its start to the day it stopped taking them (its finish,
    /// or its planned end, whichever came first).
    public var reservation: WeeklyBudget.Reservation {
        WeeklyBudget.Reservation(start: start, end: min(finishedOn ?? plannedEnd, plannedEnd), hoursPerWeek: hoursPerWeek)
    }
}
