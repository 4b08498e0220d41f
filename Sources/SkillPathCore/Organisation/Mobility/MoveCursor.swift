/// Where a page of moves ends: the last move's date and id (moves are listed newest first).
public struct MoveCursor: Sendable, Equatable, CustomStringConvertible {
    public var date: CalendarDate
    public var id: Int64

    public init(date: CalendarDate, id: Int64) {
        self.date = date
        self.id = id
    }

    /// `2026-05-01:17`, as `nextCursor` gives it.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])), let id = Int64(parts[1]) else { return nil }
        self.init(date: date, id: id)
    }

    public var description: String { "\(date):\(id)" }
}
