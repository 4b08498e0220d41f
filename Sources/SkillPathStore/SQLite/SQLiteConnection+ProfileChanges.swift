import CSQLite
import Glibc

extension SQLiteConnection {
    /// Notes every employee whose skill evidence or completed courses a write inserts, updates or deletes,
    /// however it does so (a statement, a cascade from `employees`), so that the profile cache
    /// (`ProfileCache`) forgets exactly them after the commit.
    ///
    /// Two ways, by cost. Evidence is mostly inserted, a million rows in a large import: SQLite's update
    /// hook hands each new row's id to `evidenceInserts` (a few nanoseconds), and the ids are turned into
    /// employees once per commit. A trigger per row cost 10 µs, a quarter more on the whole import. Updates and
    /// deletes of evidence (a row deleted is gone by commit time) and every change of completions (a table
    /// without row ids, which the hook does not report) are noted by temporary triggers, in a table of this
    /// connection's own, in memory; a rolled-back savepoint or transaction takes those notes back with it.
    ///
    /// The same hook notes every row of `employees`, `moves` and `progress_events` written, for the
    /// mobility ledger (`MobilityLedger`), which reads those rows again.
    func watchProfileChanges() throws(SQLiteError) {
        try execute("""
            PRAGMA temp_store = MEMORY;
            CREATE TEMP TABLE changed_profiles (employee TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TEMP TRIGGER skill_evidence_updated AFTER UPDATE ON main.skill_evidence
            BEGIN INSERT OR IGNORE INTO changed_profiles VALUES (OLD.employee); INSERT OR IGNORE INTO changed_profiles VALUES (NEW.employee); END;
            CREATE TEMP TRIGGER skill_evidence_deleted AFTER DELETE ON main.skill_evidence
            BEGIN INSERT OR IGNORE INTO changed_profiles VALUES (OLD.employee); END;
            CREATE TEMP TRIGGER completions_inserted AFTER INSERT ON main.completions
            BEGIN INSERT OR IGNORE INTO changed_profiles VALUES (NEW.employee); END;
            CREATE TEMP TRIGGER completions_updated AFTER UPDATE ON main.completions
            BEGIN INSERT OR IGNORE INTO changed_profiles VALUES (OLD.employee); INSERT OR IGNORE INTO changed_profiles VALUES (NEW.employee); END;
            CREATE TEMP TRIGGER completions_deleted AFTER DELETE ON main.completions
            BEGIN INSERT OR IGNORE INTO changed_profiles VALUES (OLD.employee); END;
            """)
        let written = WrittenRows()
        writtenRows = written
        sqlite3_update_hook(handle, { context, operation, database, table, row in
            guard let context, let database, let table, strcmp(database, "main") == 0 else { return }
            let written = Unmanaged<WrittenRows>.fromOpaque(context).takeUnretainedValue()
            if strcmp(table, "skill_evidence") == 0 {
                if operation == SQLITE_INSERT { written.evidenceInserts.append(row) }
            } else if strcmp(table, "moves") == 0 {
                written.mobility.moves.append(row)
            } else if strcmp(table, "progress_events") == 0 {
                written.mobility.progress.append(row)
            } else if strcmp(table, "employees") == 0 {
                written.mobility.employees.append(row)
                if operation == SQLITE_DELETE { written.mobility.everything = true }
            }
        }, Unmanaged.passUnretained(written).toOpaque())
    }

    /// The employees noted since the last call, each once, and the notes cleared: called inside the
    /// transaction, just before its commit. Inserted rows are looked up by id in runs of consecutive ids (one
    /// range query each); a row inserted and then rolled back or deleted is not found, and needs no note.
    func takeChangedProfiles() throws(SQLiteError) -> [String] {
        var changed: Set<String> = []
        let noted = try prepare("SELECT employee FROM changed_profiles")
        while try noted.step() { changed.insert(noted.text(0)) }
        if !changed.isEmpty { try prepare("DELETE FROM changed_profiles").run() }
        guard let written = writtenRows, !written.evidenceInserts.isEmpty else { return Array(changed) }
        let rows = written.evidenceInserts.sorted()
        written.evidenceInserts.removeAll(keepingCapacity: true)
        var start = 0
        while start < rows.count {
            var end = start
            while end + 1 < rows.count, rows[end + 1] <= rows[end] &+ 1 { end += 1 }
            let owners = try prepare("SELECT DISTINCT employee FROM skill_evidence WHERE id BETWEEN ?1 AND ?2").bind(.integer(rows[start]), .integer(rows[end]))
            while try owners.step() { changed.insert(owners.text(0)) }
            start = end + 1
        }
        return Array(changed)
    }
}

/// The rows written since they were last taken, as the update hook reports them: the ids of the rows
/// inserted into `skill_evidence`, and of every row of the tables the mobility ledger mirrors. Used by the
/// writer's thread alone (the hook runs inside its statements).
final class WrittenRows {
    var evidenceInserts: [Int64] = []
    var mobility = MobilityLedger.Changes()

    /// The mobility rows noted since the last call, and the notes cleared: called after each commit or rollback.
    func takeMobilityChanges() -> MobilityLedger.Changes {
        defer { mobility = MobilityLedger.Changes() }
        return mobility
    }
}
