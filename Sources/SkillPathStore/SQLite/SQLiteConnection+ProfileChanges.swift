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
        let inserts = EvidenceInserts()
        evidenceInserts = inserts
        sqlite3_update_hook(handle, { context, operation, database, table, row in
            guard operation == SQLITE_INSERT, let context, let database, let table,
                  strcmp(table, "skill_evidence") == 0, strcmp(database, "main") == 0 else { return }
            Unmanaged<EvidenceInserts>.fromOpaque(context).takeUnretainedValue().rows.append(row)
        }, Unmanaged.passUnretained(inserts).toOpaque())
    }

    /// The employees noted since the last call, each once, and the notes cleared: called inside the
    /// transaction, just before its commit. Inserted rows are looked up by id in runs of consecutive ids (one
    /// range query each); a row inserted and then rolled back or deleted is not found, and needs no note.
    func takeChangedProfiles() throws(SQLiteError) -> [String] {
        var changed: Set<String> = []
        let noted = try prepare("SELECT employee FROM changed_profiles")
        while try noted.step() { changed.insert(noted.text(0)) }
        if !changed.isEmpty { try prepare("DELETE FROM changed_profiles").run() }
        guard let inserts = evidenceInserts, !inserts.rows.isEmpty else { return Array(changed) }
        let rows = inserts.rows.sorted()
        inserts.rows.removeAll(keepingCapacity: true)
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

/// The ids of the rows inserted into `skill_evidence` since the last commit, as the update hook reports them.
/// Used by the writer's thread alone (the hook runs inside its statements).
final class EvidenceInserts {
    var rows: [Int64] = []
}
