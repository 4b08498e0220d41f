public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// The active assignments of `employees` (everyone's when nil), with every other active assignment of
    /// the same people: what a shared schedule dates together. One query for the ids, however many people.
    public func activeAssignments(of employees: [String]?) throws(StoreError) -> [AssignmentRecord] {
        try read { connection in
            let ids: [Int64]
            if let employees {
                ids = try connection.prepare("""
                    SELECT id FROM assignments WHERE status = 'active' AND employee IN (SELECT value FROM json_each(?1)) ORDER BY id
                    """).bind(.text(JSONWriter.string(.strings(employees)))).rows { $0.int64(0) }
            } else {
                ids = try connection.prepare("SELECT id FROM assignments WHERE status = 'active' ORDER BY id").rows { $0.int64(0) }
            }
            return try ids.compactMap { try Self.assignment($0, connection: connection) }
        }
    }

    /// The verdict last told for each active assignment of `employees` (everyone's when nil).
    public func toldVerdicts(of employees: [String]?) throws(StoreError) -> [Int64: String] {
        try read { connection in
            let rows: [(Int64, String)]
            if let employees {
                let statement = try connection.prepare("""
                    SELECT w.assignment, w.verdict FROM assignment_watch w JOIN assignments a ON a.id = w.assignment WHERE a.employee = ?1
                    """)
                var all: [(Int64, String)] = []
                for employee in employees {
                    statement.reset()
                    all += try statement.bind(.text(employee)).rows { ($0.int64(0), $0.text(1)) }
                }
                rows = all
            } else {
                rows = try connection.prepare("SELECT assignment, verdict FROM assignment_watch").rows { ($0.int64(0), $0.text(1)) }
            }
            return Dictionary(rows, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Keeps each change's verdict and appends its event, in one transaction; drops what is kept for
    /// assignments no longer active.
    public func recordVerdicts(_ changes: [AssignmentWatch.Change]) throws {
        try write { connection in
            let now = Timestamps.now()
            let keep = try connection.prepare("""
                INSERT INTO assignment_watch (assignment, verdict) VALUES (?1, ?2)
                ON CONFLICT (assignment) DO UPDATE SET verdict = excluded.verdict
                """)
            for change in changes {
                keep.reset()
                try keep.bind(.integer(change.assignment), .text(change.verdict.rawValue)).run()
                if let event = change.event { try Self.appendEvent(event, at: now, connection: connection) }
            }
            try connection.prepare("DELETE FROM assignment_watch WHERE assignment IN (SELECT id FROM assignments WHERE status <> 'active')").run()
        }
    }
}
