public import SkillPathCore
import SkillPathJSON

/// An event as the line a subscriber is sent, built once for every subscriber who may see it: the
/// `events.event` notification, with what deciding who may see it takes.
public struct EventLine: Sendable {
    public var id: Int64
    public var kind: EventRecord.Kind
    public var employee: String?
    /// The notification, newline included.
    public var bytes: [UInt8]
}

extension OrganisationStore {
    /// Every event after `cursor` (at most `limit`) as notification lines, the stored `data` spliced in as it
    /// is (it was written by `JSONWriter`, so it is valid JSON): no parse and no re-encoding per event. The
    /// same bounds as `events(after:…)`: `next` moves to the head when the page is not full.
    public func eventLines(after cursor: Int64, limit: Int) throws -> (lines: [EventLine], next: Int64, head: Int64) {
        try readSnapshot { connection -> Result<(lines: [EventLine], next: Int64, head: Int64), DomainError> in
            let pruned = try connection.prepare("SELECT pruned_through FROM event_log WHERE singleton = 1")
            let through = try pruned.step() ? pruned.int64(0) : 0
            let sequence = try connection.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
            let head = max(try sequence.step() ? sequence.int64(0) : 0, through)
            guard cursor >= through else { return .failure(.cursorExpired(cursor: cursor, oldest: through)) }
            let opening = Array(#"{"jsonrpc":"2.0","method":"events.event","params":{"id":"#.utf8)
            let lines = try connection.prepare("SELECT id, type, at, employee, data FROM events WHERE id > ?1 ORDER BY id LIMIT ?2")
                .bind(.integer(cursor), .int(limit)).rows { row -> EventLine in
                    let id = row.int64(0)
                    let type = row.text(1)
                    let employee = row.optionalText(3)
                    var bytes = opening
                    bytes += Array(String(id).utf8)
                    bytes += Array(#","type":"#.utf8) + JSONWriter.bytes(.string(type))
                    bytes += Array(#","at":"#.utf8) + JSONWriter.bytes(.string(row.text(2)))
                    if let employee { bytes += Array(#","employee":"#.utf8) + JSONWriter.bytes(.string(employee)) }
                    bytes += Array(#","data":"#.utf8) + Array(row.text(4).utf8) + [UInt8(ascii: "}"), UInt8(ascii: "}"), 0x0A]
                    return EventLine(id: id, kind: EventRecord.Kind(rawValue: type) ?? .catalogReloaded, employee: employee, bytes: bytes)
                }
            return .success((lines, lines.count < limit ? head : lines.last?.id ?? cursor, head))
        }.get()
    }
}
