public import SkillPathCore
import SkillPathJSON

/// Who is reading the event log: everything (administrators, services), or one employee, who sees what
/// concerns them, their subtree (unless hidden from managers), what they hire for, and what concerns nobody
/// in particular (docs/access.md).
public enum EventReader: Sendable, Equatable {
    case everyone
    case employee(String)
}

/// A page of the event log and where the log stands.
public struct EventPage: Sendable {
    public var events: [EventRecord]
    /// The cursor to read on from: the last event's id when the page is full; otherwise the newest id, since
    /// every event up to it that the reader may see is in the page (so a reader who sees few events does not
    /// fall behind the log).
    public var next: Int64
    /// The newest id ever given (0 for an empty log).
    public var head: Int64
}

extension OrganisationStore {
    /// Wakes readers after each commit that appended events.
    public var eventSignal: EventSignal { connections.events }

    /// Appends `draft` inside the current write: it commits (and is acknowledged) with the change it tells.
    static func appendEvent(_ draft: EventDraft, at: String, connection: SQLiteConnection) throws {
        try connection.prepare("INSERT INTO events (type, at, employee, also, hidden, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(.text(draft.kind.rawValue), .text(at), draft.employee.map(SQLiteValue.text), draft.also.map(SQLiteValue.text),
                  .int(draft.hiddenFromManagers ? 1 : 0), .text(JSONWriter.string(draft.data)))
            .run()
        connection.appendedEvents = true
    }

    /// Appends an event that no other write carries (a catalog reload), in its own transaction.
    public func appendEvent(_ draft: EventDraft) throws {
        try write { connection in try Self.appendEvent(draft, at: Timestamps.now(), connection: connection) }
    }

    /// The events after `cursor` that `reader` may see, of `kinds` (all when empty) and about `employee` when
    /// given, oldest first, at most `limit`. A cursor the retention has pruned past, or one beyond the newest
    /// id, is refused: reading on from it would skip events without saying so.
    public func events(after cursor: Int64, kinds: [EventRecord.Kind], employee: String?, reader: EventReader, limit: Int) throws -> EventPage {
        // A refusal comes out of the read as a value: `read` reports what escapes it as a store failure.
        try readSnapshot { connection -> Result<EventPage, DomainError> in
            // One snapshot for the bounds and the page: `next` may then move to the head it read.
            let (pruned, head) = try Self.logBounds(connection)
            guard cursor >= pruned else { return .failure(.cursorExpired(cursor: cursor, oldest: pruned)) }
            guard cursor <= head else { return .failure(.invalidValue(field: "after", message: "is \(cursor), beyond the newest event (\(head))")) }
            var values: [SQLiteValue?] = [.integer(cursor)]
            var conditions = ["e.id > ?1"]
            var with = ""
            if case .employee(let id) = reader {
                values.append(.text(id))
                with = "WITH RECURSIVE scope(id) AS (SELECT ?2 UNION ALL SELECT x.id FROM scope s JOIN employees x ON x.manager = s.id)"
                conditions.append("""
                    (e.employee IS NULL OR e.employee = ?2 OR (e.hidden = 0 AND e.employee IN (SELECT id FROM scope))
                     OR (e.also IS NOT NULL AND e.also IN (SELECT id FROM scope)))
                    """)
            }
            if let employee {
                values.append(.text(employee))
                conditions.append("e.employee = ?\(values.count)")
            }
            if !kinds.isEmpty {
                let placeholders = kinds.map { kind in
                    values.append(.text(kind.rawValue))
                    return "?\(values.count)"
                }
                conditions.append("e.type IN (\(placeholders.joined(separator: ", ")))")
            }
            values.append(.int(limit))
            let rows = try connection.prepare("""
                \(with) SELECT e.id, e.type, e.at, e.employee, e.also, e.data FROM events e
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY e.id LIMIT ?\(values.count)
                """).bind(values).rows { row -> EventRecord in
                let text = row.text(5)
                return EventRecord(
                    id: row.int64(0), kind: EventRecord.Kind(rawValue: row.text(1)) ?? .catalogReloaded, at: row.text(2), employee: row.optionalText(3),
                    also: row.optionalText(4), data: (try? JSONParser.parse(Array(text.utf8))) ?? .string(text))
            }
            return .success(EventPage(events: rows, next: rows.count < limit ? head : rows.last?.id ?? cursor, head: head))
        }.get()
    }

    /// How far pruning went (events up to it are gone) and the newest id ever given.
    public func eventLogBounds() throws(StoreError) -> (prunedThrough: Int64, head: Int64) {
        try read { connection in try Self.logBounds(connection) }
    }

    /// The id of the last event recorded before `cutoff`, by bisection over ids (events are recorded in id
    /// order, so `at` grows with the id): a few lookups by primary key, no index on `at` for every write to keep.
    private static func lastEvent(before cutoff: String, after low: Int64, upTo high: Int64, connection: SQLiteConnection) throws -> Int64 {
        let at = try connection.prepare("SELECT id, at FROM events WHERE id >= ?1 ORDER BY id LIMIT 1")
        var (low, high) = (low, high)
        // Invariant: every event with id <= low is before the cutoff (or gone); none with id > high is.
        while low < high {
            let middle = low + (high - low + 1) / 2
            at.reset()
            guard try at.bind(.integer(middle)).step() else { high = middle - 1; continue }
            if at.text(1) < cutoff { low = max(middle, at.int64(0)) } else { high = middle - 1 }
        }
        return low
    }

    private static func logBounds(_ connection: SQLiteConnection) throws -> (prunedThrough: Int64, head: Int64) {
        let pruned = try connection.prepare("SELECT pruned_through FROM event_log WHERE singleton = 1")
        let through = try pruned.step() ? pruned.int64(0) : 0
        let sequence = try connection.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
        let head = try sequence.step() ? sequence.int64(0) : 0
        return (through, max(head, through))
    }

    /// Drops the events older than `days` (by when they were recorded) or beyond the newest `count`, at most
    /// `batch` of them per call; returns how many went. Pruning moves `pruned_through`, which cursors are
    /// checked against.
    @discardableResult
    public func pruneEvents(olderThanDays days: Int?, keepingNewest count: Int?, now: String = Timestamps.now(), batch: Int = 10_000) throws -> Int {
        func limit(_ connection: SQLiteConnection) throws -> (pruned: Int64, through: Int64) {
            let (pruned, head) = try Self.logBounds(connection)
            var through = pruned
            if let count { through = max(through, head - Int64(count)) }
            if let days, let today = CalendarDate(iso: String(now.prefix(10))) {
                let cutoff = today.adding(days: -days).description + now.dropFirst(10)
                through = max(through, try Self.lastEvent(before: cutoff, after: pruned, upTo: head, connection: connection))
            }
            return (pruned, min(through, pruned + Int64(batch)))
        }
        // Looked at first on a reader: most of the time there is nothing to prune, and no write is made.
        let planned = try read { connection in try limit(connection) }
        guard planned.through > planned.pruned else { return 0 }
        return try write { connection in
            let (pruned, through) = try limit(connection)
            guard through > pruned else { return 0 }
            try connection.prepare("DELETE FROM events WHERE id <= ?1").bind(.integer(through)).run()
            let removed = Int(connection.changes)
            try connection.prepare("UPDATE event_log SET pruned_through = ?1 WHERE singleton = 1").bind(.integer(through)).run()
            return removed
        }
    }
}
