/// How a move went, in the words of the two people who lived it (`moves.feedback`): the mover and the manager
/// they report to, each a rating from 1 to 5 with an optional comment, given from `opensAfterDays` after the
/// move. docs/mobility.md defines what the ratings do to a move's success.
public struct MoveFeedback: Sendable, Equatable {
    /// Who gave it: the person who moved, or the manager they report to.
    public enum Respondent: String, Sendable, CaseIterable, Comparable {
        case mover, manager

        public static func < (left: Respondent, right: Respondent) -> Bool {
            allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
        }
    }

    public var move: Int64
    public var respondent: Respondent
    /// The employee who gave it.
    public var employee: String
    public var rating: Int
    public var comment: String?
    /// When it was given (a timestamp).
    public var givenAt: String

    public init(move: Int64, respondent: Respondent, employee: String, rating: Int, comment: String?, givenAt: String) {
        self.move = move
        self.respondent = respondent
        self.employee = employee
        self.rating = rating
        self.comment = comment
        self.givenAt = givenAt
    }

    /// Days after a move before it can be rated: a first impression of a new role is not yet how it went.
    public static let opensAfterDays = 30
    public static let ratings = 1...5
    public static let maximumComment = 2_000
    /// A rating at or below this, from either respondent, makes the move unsuccessful.
    public static let failingRating = 2

    /// The first day a move dated `date` can be rated.
    public static func opens(after date: CalendarDate) -> CalendarDate {
        date.adding(days: opensAfterDays)
    }
}
