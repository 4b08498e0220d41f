import Foundation
import SkillPathCore
@testable import SkillPathStore
import SkillPathTestSupport
import Testing

/// The mobility ledger (`MobilityLedger`) against the rows it stands for: whatever writes happen, through
/// the store's methods or plain SQL on its writer, rolled back or cascading, and however reports overlap
/// them, the mobility report counts what the rows say.
@Suite struct MobilityLedgerTests {
    static let (from, to, asOf) = (day("2025-01-01"), day("2026-06-30"), day("2027-09-01"))

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0) }

    /// Random hires, moves, secondments ended, progress, leavers, managers changed, rows updated and deleted
    /// in place, writes rolled back, while another thread asks for reports all along: after every step the
    /// report (everyone, and a manager's subtree by month) equals one computed from facts read straight from
    /// SQL, and at the end a store opened afresh on a copy (nothing kept) gives the same report.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func reportsAgreeWithTheRowsThroughRandomWrites(seed: UInt64) throws {
        let fixture = try StoreFixture()
        let (store, catalog) = (fixture.store, fixture.catalog)
        var random = SplitMix(seed: seed)
        let overlapping = OverlappingReads {
            _ = try? store.mobilityFacts(from: Self.from, to: Self.to, asOf: Self.asOf, courseHours: { catalog.course($0)?.hours })
        }
        overlapping.start()
        for step in 0..<150 {
            let person = "p\(random.next(12))"
            let described = try Self.randomStep(person, &random, store: store, catalog: catalog)
            for manager in [nil, "p\(random.next(4))"] {
                let (kept, rows) = try Self.reports(store, catalog: catalog, manager: manager)
                #expect(kept == rows, "seed \(seed), step \(step) (\(described)), manager \(manager ?? "none")")
            }
        }
        overlapping.stop()
        #expect(overlapping.reads > 0)
        let copy = "\(fixture.directory.path)/copy.db"
        try SQLiteConnection(path: store.path, mode: .readOnly).execute("VACUUM INTO '\(copy)'")
        let fresh = try OrganisationStore(path: copy)
        #expect(try Self.reports(store, catalog: catalog, manager: "p0").kept == Self.reports(fresh, catalog: catalog, manager: "p0").kept)
        #expect(try Self.reports(store, catalog: catalog, manager: nil).kept.figures.movesTotal > 0, "the sequence moved people")
    }

    /// One random write; what it was, for the failure message. Steps the store refuses (a move to the role
    /// someone holds, progress for someone not hired) are part of the sequence too.
    static func randomStep(_ person: String, _ random: inout SplitMix, store: OrganisationStore, catalog: Catalog) throws -> String {
        let roles = catalog.roles.map(\.id)
        let date = from.adding(days: random.next(700) - 60)
        let sql: [String] = [
            "UPDATE moves SET date = '\(date)' WHERE id = \(1 + random.next(20))",
            "DELETE FROM moves WHERE id = \(1 + random.next(20))",
            "UPDATE progress_events SET at = '\(date)T09:00:00Z' WHERE id = \(1 + random.next(20))",
            "DELETE FROM progress_events WHERE id = \(1 + random.next(20))",
            "UPDATE employees SET manager = 'p\(random.next(12))' WHERE id = '\(person)'",
            "UPDATE employees SET left_on = '\(date)' WHERE id = '\(person)'",
            "DELETE FROM employees WHERE id = '\(person)'",
        ]
        let choice = random.next(14)
        do {
            switch choice {
            case 0...2:
                let manager: FieldUpdate<String> = random.next(3) == 0 ? .set(nil) : .set("p\(random.next(12))")
                let leftOn: FieldUpdate<CalendarDate> = random.next(6) == 0 ? .set(date) : .keep
                _ = try store.upsert(
                    [EmployeeInput(id: person, name: "Person \(person)", role: roles[random.next(roles.count)], manager: person == "p0" ? .set(nil) : manager, leftOn: leftOn)],
                    catalog: catalog, actor: "test")
                return "upsert \(person)"
            case 3...5:
                let kind: Transition.Kind? = random.next(4) == 0 ? .secondment : nil
                _ = try store.recordMove(
                    NewMove(employee: person, toRole: roles[random.next(roles.count)], kind: kind, date: date, endDate: kind == .secondment ? date.adding(days: 90) : nil, source: "test"),
                    catalog: catalog, actor: "test", today: date)
                return "move of \(person)"
            case 6...7:
                let course = catalog.courses[random.next(catalog.courses.count)]
                _ = try store.recordProgress(
                    employee: person, course: course, status: random.next(2) == 0 ? .started : .completed, at: "\(date)T10:00:00Z",
                    eventID: nil, source: "lms", catalog: catalog)
                return "progress of \(person)"
            case 8:
                _ = try store.endDueSecondments(today: date.adding(days: 200), catalog: catalog)
                return "secondments ended"
            case 9:
                // A group that fails after writing rows is rolled back: nothing changed.
                _ = try? store.write { connection in
                    try connection.execute("UPDATE employees SET left_on = '2025-02-02' WHERE id = '\(person)'")
                    try connection.execute("DELETE FROM moves WHERE employee = '\(person)'")
                    try connection.execute("INSERT INTO no_such_table VALUES (1)")
                }
                return "a rolled-back write"
            default:
                // The last statement, deleting an employee (and by cascade their moves and progress), is rarer.
                let statement = sql[random.next(random.next(5) == 0 ? sql.count : sql.count - 1)]
                try store.write { connection in try connection.execute(statement) }
                return statement
            }
        } catch is DomainError {
            return "refused step \(choice)"
        } catch is StoreError {
            return "refused step \(choice)"
        }
    }

    /// The report as the store makes it (from the ledger), and as made from facts read straight from SQL.
    static func reports(
        _ store: OrganisationStore, catalog: Catalog, manager: String?
    ) throws -> (kept: MobilityReport.Comparable, rows: MobilityReport.Comparable) {
        let kept = try store.mobilityFacts(from: from, to: to, asOf: asOf, courseHours: { catalog.course($0)?.hours })
        let connection = try SQLiteConnection(path: store.path, mode: .readOnly)
        let employees = try connection.prepare("SELECT id, manager, left_on FROM employees ORDER BY id DESC").rows { row in
            MobilityFacts.Employee(id: row.text(0), manager: row.optionalText(1), leftOn: row.optionalText(2).flatMap(CalendarDate.init(iso:)))
        }
        let moves = try connection.prepare("SELECT id, employee, from_role, to_role, kind, date, source FROM moves").rows { row in
            MobilityFacts.Move(
                id: row.int64(0), employee: row.text(1), fromRole: row.text(2), toRole: row.text(3), kind: Transition.Kind(rawValue: row.text(4)) ?? .lateral,
                date: day(row.text(5)), isReturn: row.text(6) == MoveRecord.returnSource, isConversion: row.text(6) == MoveRecord.conversionSource)
        }
        let learning = try connection.prepare("SELECT employee, course, status, at FROM progress_events").rows { row in
            MobilityFacts.Learning(
                employee: row.text(0), date: day(String(row.text(3).prefix(10))),
                completedHours: row.text(2) == "completed" ? catalog.course(row.text(1))?.hours ?? .zero : nil)
        }
        let rows = MobilityFacts(
            employees: employees, moves: moves, fills: kept.fills, assignments: kept.assignments, learning: learning, projects: kept.projects,
            feedback: kept.feedback)
        func compute(_ facts: MobilityFacts) -> MobilityReport.Comparable {
            MobilityReport.Comparable(MobilityReport.compute(facts, from: from, to: to, asOf: asOf, manager: manager, grouping: manager == nil ? nil : .month))
        }
        return (compute(kept), compute(rows))
    }
}

extension MobilityReport {
    /// A report's figures, buckets and teams, to compare two reports.
    struct Comparable: Equatable {
        var figures: Figures
        var buckets: [Bucket]
        var teams: [Team]

        init(_ report: MobilityReport) {
            figures = report.figures
            buckets = report.buckets
            teams = report.teams
        }
    }
}
