import Foundation
import JSONRPC
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// The sample organisation's past: the moves people made and the internal openings, dated relative to today
/// so the mobility report and the internal market always have something recent to show.
///
/// Read from `moves.csv` (`employee, fromRole, toRole, daysAgo, kind?, endInDays?, opportunity?`) and
/// `opportunities.csv` (`key, role, title?, kind, manager?, headcount, opensDaysAgo, closesInDays?,
/// durationWeeks?, externalFillDaysAgo?, hoursPerWeek?, develops?, externalCost?, externalDaysToFill?`), and replayed oldest first through the RPC methods a client would
/// use, so the sample history obeys every rule a real one does.
struct SampleHistory {
    struct Move {
        var line: Int
        var employee: String
        var toRole: String
        var date: CalendarDate
        var kind: Transition.Kind?
        var endDate: CalendarDate?
        var opportunity: String?
    }

    struct Opening {
        var line: Int
        var key: String
        var params: OpportunitiesCreate.Params
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
                let kind = try record.value("kind", in: columns).map { text throws(CSVError) -> Transition.Kind in
                    guard let kind = Transition.Kind(rawValue: text) else {
                        throw CSVError(file: file, line: record.line, column: nil, columnName: "kind", message: "must be promotion, lateral or secondment, got '\(text)'")
                    }
                    return kind
                }
                history.moves.append(Move(
                    line: record.line, employee: employee, toRole: to, date: date, kind: kind,
                    endDate: try day(record.value("endInDays", in: columns), before: false, record.line, "endInDays", file),
                    opportunity: record.value("opportunity", in: columns)))
            }
        }
        if let table = try table(history.file.opportunities) {
            let file = history.file.opportunities
            let columns = try table.columns(
                required: ["key", "role", "kind", "headcount", "opensDaysAgo"],
                optional: ["title", "manager", "closesInDays", "durationWeeks", "externalFillDaysAgo", "hoursPerWeek", "develops", "externalCost", "externalDaysToFill"],
                file: file)
            for record in table.records {
                guard let key = record.value("key", in: columns), let role = record.value("role", in: columns),
                      let opens = try day(record.value("opensDaysAgo", in: columns), before: true, record.line, "opensDaysAgo", file) else {
                    throw CSVError(file: file, line: record.line, column: nil, message: "key, role and opensDaysAgo are required")
                }
                let closes = try day(record.value("closesInDays", in: columns), before: false, record.line, "closesInDays", file)
                let kind = try record.value("kind", in: columns).map { text throws(CSVError) -> OpportunityRecord.Kind in
                    guard let kind = OpportunityRecord.Kind(rawValue: text) else {
                        throw CSVError(file: file, line: record.line, column: nil, columnName: "kind", message: "must be position, secondment or project, got '\(text)'")
                    }
                    return kind
                }
                let params = OpportunitiesCreate.Params(
                    role: role, kind: kind ?? .position,
                    title: record.value("title", in: columns), manager: record.value("manager", in: columns),
                    headcount: record.value("headcount", in: columns).flatMap(Int.init) ?? 1, opens: opens, closes: closes,
                    durationWeeks: record.value("durationWeeks", in: columns).flatMap(Int.init),
                    hoursPerWeek: record.value("hoursPerWeek", in: columns).flatMap(Quantity.init(literal:)),
                    develops: try Self.develops(record.value("develops", in: columns), line: record.line, file: file),
                    externalCost: try record.value("externalCost", in: columns).map { text throws(CSVError) -> Money in
                        guard let money = Money(text: text) else {
                            throw CSVError(file: file, line: record.line, column: nil, columnName: "externalCost", message: "must be an amount and a currency code, such as '45000 USD', got '\(text)'")
                        }
                        return money
                    },
                    externalDaysToFill: try record.value("externalDaysToFill", in: columns).map { text throws(CSVError) -> Int in
                        guard let days = Int(text), (1...ExternalHire.maximumDaysToFill).contains(days) else {
                            throw CSVError(file: file, line: record.line, column: nil, columnName: "externalDaysToFill", message: "expected a whole number of days from 1 to \(ExternalHire.maximumDaysToFill), got '\(text)'")
                        }
                        return days
                    })
                history.openings.append(Opening(
                    line: record.line, key: key, params: params,
                    externalFill: try day(record.value("externalFillDaysAgo", in: columns), before: true, record.line, "externalFillDaysAgo", file)))
            }
        }
        return history
    }

    /// A project's `develops` cell: `skill:level` pairs separated by commas.
    private static func develops(_ text: String?, line: Int, file: String) throws(CSVError) -> [SkillLevel] {
        guard let text, !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { (pair: Substring) throws(CSVError) -> SkillLevel in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let level = Int(parts[1]) else {
                throw CSVError(file: file, line: line, column: nil, columnName: "develops", message: "must be skill:level pairs separated by commas, got '\(pair)'")
            }
            return SkillLevel(skill: String(parts[0]), level: level)
        }
    }

    private static func table(_ path: String) throws -> CSVTable? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try CSVReader.parse([UInt8](data), file: path)
    }

    /// Opens every opportunity, then replays moves and outside hires oldest first. A row the daemon refuses
    /// stops the replay with its file, line and the daemon's reason.
    func replay(_ call: (String, JSONValue) -> Result<JSONValue, JSONRPCError>) throws -> (moves: Int, opportunities: [String: Int64]) {
        func run<Method: RPCMethod>(_ method: Method.Type, _ params: Method.Params, _ file: String, _ line: Int) throws -> JSONValue {
            switch call(Method.name, params.json) {
            case .success(let result): return result
            case .failure(let error): throw CSVError(file: file, line: line, column: nil, message: "\(Method.name) refused the row: \(error.message)")
            }
        }
        var ids: [String: Int64] = [:]
        for opening in openings {
            ids[opening.key] = try run(OpportunitiesCreate.self, opening.params, file.opportunities, opening.line)["id"]?.intValue.map(Int64.init)
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
                    _ = try run(OpportunitiesClose.self, .init(id: id, closing: .filledBy(move.employee), date: move.date), file.moves, move.line)
                } else {
                    _ = try run(MovesRecord.self, .init(
                        employee: move.employee, toRole: move.toRole, kind: move.kind, date: move.date, endDate: move.endDate), file.moves, move.line)
                }
            case .externalFill(let opening, let date):
                guard let id = ids[opening.key] else { continue }
                _ = try run(OpportunitiesClose.self, .init(id: id, closing: .filledExternally, date: date), file.opportunities, opening.line)
            }
        }
        // Secondments whose end has passed return home now, not at the first request.
        _ = try run(MovesList.self, .init(page: PageRequest(limit: 1)), file.moves, 1)
        return (moves.count, ids)
    }
}
