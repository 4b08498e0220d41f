import Foundation
import JSONRPC
import SkillPathCore
import SkillPathJSON

/// The sample organisation's past: the moves people made and the internal openings, dated relative to today
/// so the mobility report and the internal market always have something recent to show.
///
/// Read from `moves.csv` (`employee, fromRole, toRole, daysAgo, kind?, endInDays?, opportunity?`) and
/// `opportunities.csv` (`key, role, title?, kind, manager?, headcount, opensDaysAgo, closesInDays?,
/// durationWeeks?, externalFillDaysAgo?`), and replayed oldest first through the RPC methods a client would
/// use, so the sample history obeys every rule a real one does.
struct SampleHistory {
    struct Move {
        var line: Int
        var employee: String
        var toRole: String
        var date: CalendarDate
        var kind: String?
        var endDate: CalendarDate?
        var opportunity: String?
    }

    struct Opening {
        var line: Int
        var key: String
        var params: [(String, JSONValue?)]
        var externalFill: CalendarDate?
    }

    let file: (moves: String, opportunities: String)
    var moves: [Move] = []
    var openings: [Opening] = []
    /// Each employee's role before their first move.
    var firstRole: [String: String] = [:]

    static func read(directory: String, today: CalendarDate) throws -> SampleHistory {
        var history = SampleHistory(file: ("\(directory)/moves.csv", "\(directory)/opportunities.csv"))
        func day(_ text: String?, before: Bool, _ line: Int, _ column: String, _ file: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let days = Int(text), abs(days) <= 36_500 else {
                throw CSVError(file: file, line: line, column: nil, columnName: column, message: "expected a whole number of days, got '\(text)'")
            }
            return today.adding(days: before ? -days : days)
        }
        if let table = try table(history.file.moves) {
            let file = history.file.moves
            let columns = try table.columns(required: ["employee", "fromRole", "toRole", "daysAgo"], optional: ["kind", "endInDays", "opportunity"], file: file)
            for record in table.records {
                guard let employee = record.value("employee", in: columns), let from = record.value("fromRole", in: columns),
                      let to = record.value("toRole", in: columns),
                      let date = try day(record.value("daysAgo", in: columns), before: true, record.line, "daysAgo", file) else {
                    throw CSVError(file: file, line: record.line, column: nil, message: "employee, fromRole, toRole and daysAgo are required")
                }
                if history.firstRole[employee] == nil { history.firstRole[employee] = from }
                history.moves.append(Move(
                    line: record.line, employee: employee, toRole: to, date: date, kind: record.value("kind", in: columns),
                    endDate: try day(record.value("endInDays", in: columns), before: false, record.line, "endInDays", file),
                    opportunity: record.value("opportunity", in: columns)))
            }
        }
        if let table = try table(history.file.opportunities) {
            let file = history.file.opportunities
            let columns = try table.columns(
                required: ["key", "role", "kind", "headcount", "opensDaysAgo"],
                optional: ["title", "manager", "closesInDays", "durationWeeks", "externalFillDaysAgo"], file: file)
            for record in table.records {
                guard let key = record.value("key", in: columns), let role = record.value("role", in: columns),
                      let opens = try day(record.value("opensDaysAgo", in: columns), before: true, record.line, "opensDaysAgo", file) else {
                    throw CSVError(file: file, line: record.line, column: nil, message: "key, role and opensDaysAgo are required")
                }
                let closes = try day(record.value("closesInDays", in: columns), before: false, record.line, "closesInDays", file)
                let params: [(String, JSONValue?)] = [
                    ("role", .string(role)), ("title", record.value("title", in: columns).map(JSONValue.string)),
                    ("kind", record.value("kind", in: columns).map(JSONValue.string)), ("manager", record.value("manager", in: columns).map(JSONValue.string)),
                    ("headcount", record.value("headcount", in: columns).flatMap(Int64.init).map(JSONValue.int)), ("opens", .string(opens.description)),
                    ("closes", closes.map { .string($0.description) }),
                    ("durationWeeks", record.value("durationWeeks", in: columns).flatMap(Int64.init).map(JSONValue.int)),
                ]
                history.openings.append(Opening(
                    line: record.line, key: key, params: params,
                    externalFill: try day(record.value("externalFillDaysAgo", in: columns), before: true, record.line, "externalFillDaysAgo", file)))
            }
        }
        return history
    }

    private static func table(_ path: String) throws -> CSVTable? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try CSVReader.parse([UInt8](data), file: path)
    }

    /// Opens every opportunity, then replays moves and outside hires oldest first. A row the daemon refuses
    /// stops the replay with its file, line and the daemon's reason.
    func replay(_ call: (String, JSONValue) -> Result<JSONValue, JSONRPCError>) throws -> (moves: Int, opportunities: Int) {
        func run(_ method: String, _ params: JSONValue, _ file: String, _ line: Int) throws -> JSONValue {
            switch call(method, params) {
            case .success(let result): return result
            case .failure(let error): throw CSVError(file: file, line: line, column: nil, message: "\(method) refused the row: \(error.message)")
            }
        }
        var ids: [String: JSONValue] = [:]
        for opening in openings {
            ids[opening.key] = try run("opportunities.create", .object(opening.params), file.opportunities, opening.line)["id"]
        }
        enum Event { case move(Move), externalFill(Opening, CalendarDate) }
        let fills = openings.compactMap { opening in opening.externalFill.map { (date: $0, event: Event.externalFill(opening, $0)) } }
        let events = (moves.map { (date: $0.date, event: Event.move($0)) } + fills).enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element.event)
        for event in events {
            switch event {
            case .move(let move):
                if let key = move.opportunity {
                    guard let id = ids[key] else {
                        throw CSVError(file: file.moves, line: move.line, column: nil, columnName: "opportunity", message: "no opportunity '\(key)' in opportunities.csv")
                    }
                    _ = try run("opportunities.close", .object([("id", id), ("filledBy", .string(move.employee)), ("date", .string(move.date.description))]), file.moves, move.line)
                } else {
                    _ = try run("moves.record", .object([
                        ("employee", .string(move.employee)), ("toRole", .string(move.toRole)), ("kind", move.kind.map(JSONValue.string)),
                        ("date", .string(move.date.description)), ("endDate", move.endDate.map { .string($0.description) }),
                    ]), file.moves, move.line)
                }
            case .externalFill(let opening, let date):
                _ = try run("opportunities.close", .object([("id", ids[opening.key] ?? .null), ("external", true), ("date", .string(date.description))]), file.opportunities, opening.line)
            }
        }
        // Secondments whose end has passed return home now, not at the first request.
        _ = try run("moves.list", .object([("limit", 1)]), file.moves, 1)
        return (moves.count, openings.count)
    }
}
