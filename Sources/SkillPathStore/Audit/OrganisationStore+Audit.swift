public import SkillPathCore
public import SkillPathJSON

/// Which entries `auditEntries` returns: each filter narrows, all of them together.
public struct AuditQuery: Sendable {
    /// Entries on or after this day, and on or before that one.
    public var since: CalendarDate?
    public var until: CalendarDate?
    public var actor: String?
    /// Entries about this employee (their subject).
    public var employee: String?
    /// An action (`employee.update`) or a family of them (`employee`, `catalog`).
    public var kind: String?
    public var limit = 50
    /// The page after the entry with this id (newest first, so older ones).
    public var before: Int64?

    public init() {}
}

extension OrganisationStore {
    /// The audit trail, newest first, a page at a time; whether older entries remain.
    public func auditEntries(_ query: AuditQuery) throws(StoreError) -> (items: [AuditEntry], hasMore: Bool) {
        var conditions: [String] = []
        var values: [SQLiteValue?] = []
        /// A condition whose `?`s all stand for `value`.
        func add(_ condition: String, _ value: SQLiteValue) {
            values.append(value)
            conditions.append(condition.replacingOccurrences(of: "?", with: "?\(values.count)"))
        }
        if let since = query.since { add("at >= ?", .text(since.description)) }
        // Timestamps are RFC 3339 text: everything before the next day's date is on or before `until`.
        if let until = query.until { add("at < ?", .text(until.adding(days: 1).description)) }
        if let actor = query.actor { add("actor = ?", .text(actor)) }
        if let employee = query.employee { add("subject = ?", .text(employee)) }
        // The one value fills every `?` of its condition: the action itself, or any action of the family.
        if let kind = query.kind { add("(action = ? OR substr(action, 1, length(?) + 1) = ? || '.')", .text(kind)) }
        if let before = query.before { add("id < ?", .integer(before)) }
        values.append(.integer(Int64(query.limit + 1)))
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { connection in
            let rows = try connection.prepare("SELECT id, at, actor, action, subject, detail FROM audit_log \(filter) ORDER BY id DESC LIMIT ?\(values.count)")
                .bind(values).rows { row in
                    let text = row.text(5)
                    // A detail that does not parse is shown as the text it is, never dropped.
                    let detail = (try? JSONParser.parse(Array(text.utf8))) ?? .string(text)
                    return AuditEntry(id: row.int64(0), at: row.text(1), actor: row.text(2), action: row.text(3), subject: row.text(4), detail: detail)
                }
            return (Array(rows.prefix(query.limit)), rows.count > query.limit)
        }
    }

    /// Records something that happened outside a store write (a catalog reload), in its own transaction, with
    /// the event that tells it when there is one.
    public func recordAudit(actor: String, action: String, subject: String, detail: JSONValue, event: EventDraft? = nil) throws {
        try write { connection in
            let now = Timestamps.now()
            try Self.audit(connection, at: now, actor: actor, action: action, subject: subject, detail: detail)
            if let event { try Self.appendEvent(event, at: now, connection: connection) }
        }
    }
}
