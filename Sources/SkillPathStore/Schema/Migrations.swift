import SkillPathCore

/// Versioned schema migrations, run at start in order. `PRAGMA user_version` records the version reached.
///
/// A migration is appended, never edited: a database at version N has run exactly migrations 1…N.
enum Migrations {
    static let all: [(version: Int, sql: String)] = [(1, version1), (2, version2), (3, version3), (4, version4), (5, version5), (6, version6), (7, version7), (8, version8), (9, version9), (10, version10), (11, version11), (12, version12), (13, version13), (14, version14)]

    /// Migrations that rebuild a table other tables refer to: run with foreign-key enforcement off (dropping
    /// the old table must not cascade or fail), then every reference checked before they commit (SQLite's
    /// documented procedure for schema changes ALTER TABLE cannot make).
    static let rebuildingReferencedTables: Set<Int> = [10]

    static var latest: Int { all.last?.version ?? 0 }

    static let version1 = """
    CREATE TABLE employees (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        login TEXT UNIQUE,
        email TEXT,
        role TEXT NOT NULL,
        manager TEXT REFERENCES employees(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (manager IS NULL OR manager <> id)
    );
    CREATE INDEX employees_manager ON employees(manager);

    CREATE TABLE skill_levels (
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
        source TEXT NOT NULL CHECK (source IN ('self', 'manager', 'course', 'assessment')),
        set_at TEXT NOT NULL,
        PRIMARY KEY (employee, skill)
    ) WITHOUT ROWID;

    CREATE TABLE completions (
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        course TEXT NOT NULL,
        completed_at TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (employee, course)
    ) WITHOUT ROWID;

    CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        target_role TEXT NOT NULL,
        assigned_by TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        start_date TEXT NOT NULL,
        due_date TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'cancelled')),
        options TEXT NOT NULL,
        plan TEXT NOT NULL,
        catalog_version TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX assignments_employee ON assignments(employee);
    CREATE UNIQUE INDEX assignments_one_active ON assignments(employee, target_role) WHERE status = 'active';

    CREATE TABLE assignment_steps (
        assignment INTEGER NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        course TEXT NOT NULL,
        hours INTEGER NOT NULL,
        planned_start TEXT NOT NULL,
        planned_end TEXT NOT NULL,
        started_at TEXT,
        completed_at TEXT,
        PRIMARY KEY (assignment, position)
    ) WITHOUT ROWID;
    CREATE INDEX assignment_steps_course ON assignment_steps(course);

    CREATE TABLE progress_events (
        id INTEGER PRIMARY KEY,
        event_id TEXT UNIQUE,
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        course TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('started', 'completed')),
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX progress_events_employee ON progress_events(employee);

    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    """

    /// Internal mobility (issue 11): role history, open positions and their fills, departures, and the
    /// indexes the mobility report reads by date.
    static let version2 = """
    CREATE TABLE moves (
        id INTEGER PRIMARY KEY,
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        from_role TEXT NOT NULL,
        to_role TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('promotion', 'lateral', 'secondment')),
        kind_from TEXT NOT NULL CHECK (kind_from IN ('transition', 'given', 'default')),
        date TEXT NOT NULL,
        end_date TEXT,
        ends INTEGER REFERENCES moves(id),
        ended_by INTEGER REFERENCES moves(id),
        outcome TEXT CHECK (outcome IN ('returned', 'converted', 'superseded')),
        opportunity INTEGER,
        source TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        CHECK (from_role <> to_role),
        CHECK (end_date IS NULL OR (kind = 'secondment' AND end_date > date))
    );
    CREATE INDEX moves_employee ON moves(employee, date, id);
    CREATE INDEX moves_date ON moves(date, id);
    CREATE INDEX moves_open_secondments ON moves(end_date) WHERE kind = 'secondment' AND ended_by IS NULL;

    CREATE TABLE opportunities (
        id INTEGER PRIMARY KEY,
        role TEXT NOT NULL,
        title TEXT,
        manager TEXT REFERENCES employees(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('position', 'secondment')),
        headcount INTEGER NOT NULL CHECK (headcount >= 1),
        opens TEXT NOT NULL,
        closes TEXT,
        duration_weeks INTEGER CHECK (duration_weeks IS NULL OR duration_weeks >= 1),
        status TEXT NOT NULL CHECK (status IN ('open', 'filled', 'closed')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        closed_on TEXT,
        CHECK (closes IS NULL OR closes >= opens)
    );
    CREATE INDEX opportunities_status ON opportunities(status, role);

    CREATE TABLE opportunity_fills (
        opportunity INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
        seat INTEGER NOT NULL,
        employee TEXT REFERENCES employees(id) ON DELETE SET NULL,
        external INTEGER NOT NULL CHECK (external IN (0, 1)),
        date TEXT NOT NULL,
        move INTEGER REFERENCES moves(id),
        PRIMARY KEY (opportunity, seat)
    ) WITHOUT ROWID;
    CREATE INDEX opportunity_fills_date ON opportunity_fills(date);

    ALTER TABLE employees ADD COLUMN left_on TEXT;
    CREATE INDEX progress_events_at ON progress_events(at);
    CREATE INDEX assignments_due ON assignments(due_date);
    """

    /// Skill evidence: levels may come from an HRIS import ('import'), which SkillPolicy ranks below a
    /// manager's word and a course completion. SQLite cannot change a CHECK in place, so the table is
    /// rebuilt with its rows.
    static let version3 = """
    CREATE TABLE skill_levels_v3 (
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
        source TEXT NOT NULL CHECK (source IN ('self', 'manager', 'course', 'assessment', 'import')),
        set_at TEXT NOT NULL,
        PRIMARY KEY (employee, skill)
    ) WITHOUT ROWID;
    INSERT INTO skill_levels_v3 (employee, skill, level, source, set_at) SELECT employee, skill, level, source, set_at FROM skill_levels;
    DROP TABLE skill_levels;
    ALTER TABLE skill_levels_v3 RENAME TO skill_levels;
    """

    /// Learner preferences: languages, formats and weekly hours, as JSON (`LearnerPreferences`); null for
    /// none.
    static let version4 = """
    ALTER TABLE employees ADD COLUMN preferences TEXT;
    """

    /// Evidence and sources (issue 18). Skill levels become pieces of evidence, several per skill, each
    /// counting on its own (`SkillEvidence`); the old one-row-per-skill levels are kept as the first pieces.
    /// Progress event ids are scoped by the caller who sent them (`scope`, the caller's login: two LMSs, or
    /// an employee and the LMS, can no longer collide), and remember the `at` the sender gave, so that a
    /// retry can be told from a different event. Assignments say why they closed (`role-reached`). One
    /// employee's audit trail is read by index: the log grows with every event, and a person's entries are
    /// a sliver of it.
    static let version5 = """
    CREATE TABLE skill_evidence (
        id INTEGER PRIMARY KEY,
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
        source TEXT NOT NULL CHECK (source IN ('self', 'manager', 'course', 'assessment', 'import')),
        set_at TEXT NOT NULL,
        course TEXT,
        note TEXT
    );
    CREATE INDEX skill_evidence_employee ON skill_evidence(employee, skill);
    INSERT INTO skill_evidence (employee, skill, level, source, set_at) SELECT employee, skill, level, source, set_at FROM skill_levels ORDER BY employee, skill;
    DROP TABLE skill_levels;

    CREATE TABLE progress_events_v5 (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL,
        event_id TEXT,
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        course TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('started', 'completed')),
        at TEXT NOT NULL,
        given_at TEXT,
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        UNIQUE (scope, event_id)
    );
    INSERT INTO progress_events_v5 (id, scope, event_id, employee, course, status, at, given_at, source, recorded_at)
        SELECT id, CASE WHEN instr(source, ' for ') > 0 THEN substr(source, 1, instr(source, ' for ') - 1) ELSE source END,
               event_id, employee, course, status, at, NULL, source, recorded_at FROM progress_events;
    DROP TABLE progress_events;
    ALTER TABLE progress_events_v5 RENAME TO progress_events;
    CREATE INDEX progress_events_employee ON progress_events(employee);
    CREATE INDEX progress_events_at ON progress_events(at);

    ALTER TABLE assignments ADD COLUMN closed_reason TEXT;

    CREATE INDEX audit_log_subject ON audit_log(subject, id);
    """

    /// Whole-organisation reads (`candidates.rank`, `reports.skills`, the readiness of a bench) scan every
    /// piece of evidence in (employee, skill) order. Version 5's index held only those two columns, so each
    /// row was a lookup from the index into the table, at random: at 50,000 people it doubled the time of a
    /// ranking. This index holds every column those reads take, so they read the index alone, in order; it
    /// serves every lookup the old one did.
    static let version6 = """
    CREATE INDEX skill_evidence_profile ON skill_evidence(employee, skill, level, source, set_at);
    DROP INDEX skill_evidence_employee;
    """

    /// Career aspirations (issue 21): one row per employee who said anything, as JSON (`Aspirations`), with
    /// when it was last set. A table of its own, not a column of `employees`: the organisation's picture reads
    /// every row of it, and most employees have none.
    static let version7 = """
    CREATE TABLE aspirations (
        employee TEXT PRIMARY KEY REFERENCES employees(id) ON DELETE CASCADE,
        value TEXT NOT NULL,
        set_at TEXT NOT NULL
    ) WITHOUT ROWID;
    """

    /// Applications to opportunities (issue 21): one row per application with its current status, and every
    /// step it went through. At most one application per person and opportunity is still open at a time.
    static let version8 = """
    CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        opportunity INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('applied', 'shortlisted', 'offered', 'accepted', 'declined', 'withdrawn', 'closed')),
        confidential INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX applications_opportunity ON applications(opportunity, status);
    CREATE INDEX applications_employee ON applications(employee, status);
    CREATE UNIQUE INDEX applications_open ON applications(opportunity, employee) WHERE status IN ('applied', 'shortlisted', 'offered');
    CREATE TABLE application_steps (
        application INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        status TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (application, position)
    ) WITHOUT ROWID;
    """

    /// Mentors (issue 21): who offers to mentor which skills and how many at once, and the mentoring
    /// relationships with their start and end.
    static let version9 = """
    CREATE TABLE mentor_offers (
        employee TEXT PRIMARY KEY REFERENCES employees(id) ON DELETE CASCADE,
        skills TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 20),
        set_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE mentorings (
        id INTEGER PRIMARY KEY,
        mentor TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        learner TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        started_on TEXT NOT NULL,
        ended_on TEXT,
        started_by TEXT NOT NULL,
        ended_by TEXT,
        note TEXT
    );
    CREATE INDEX mentorings_mentor ON mentorings(mentor, ended_on);
    CREATE INDEX mentorings_learner ON mentorings(learner, ended_on);
    """

    /// Project gigs (issue 21): a third kind of opportunity, with the hours a week it takes and the skills it
    /// develops (JSON pairs `[skill, level]`; hours in hundredths), and the project moves of the people who
    /// took one. A CHECK cannot change in place, so `opportunities` is rebuilt with its rows (its ids, which
    /// fills and applications refer to, are kept).
    static let version10 = """
    CREATE TABLE opportunities_v10 (
        id INTEGER PRIMARY KEY,
        role TEXT NOT NULL,
        title TEXT,
        manager TEXT REFERENCES employees(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('position', 'secondment', 'project')),
        headcount INTEGER NOT NULL CHECK (headcount >= 1),
        opens TEXT NOT NULL,
        closes TEXT,
        duration_weeks INTEGER CHECK (duration_weeks IS NULL OR duration_weeks >= 1),
        hours_per_week INTEGER CHECK (hours_per_week IS NULL OR hours_per_week > 0),
        develops TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'filled', 'closed')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        closed_on TEXT,
        CHECK (closes IS NULL OR closes >= opens),
        CHECK (CASE kind WHEN 'project' THEN hours_per_week IS NOT NULL AND develops IS NOT NULL AND duration_weeks IS NOT NULL
               ELSE hours_per_week IS NULL AND develops IS NULL END)
    );
    INSERT INTO opportunities_v10 (id, role, title, manager, kind, headcount, opens, closes, duration_weeks, status, created_by, created_at, closed_on)
        SELECT id, role, title, manager, kind, headcount, opens, closes, duration_weeks, status, created_by, created_at, closed_on FROM opportunities;
    DROP TABLE opportunities;
    ALTER TABLE opportunities_v10 RENAME TO opportunities;
    CREATE INDEX opportunities_status ON opportunities(status, role);

    CREATE TABLE project_moves (
        id INTEGER PRIMARY KEY,
        employee TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        opportunity INTEGER NOT NULL REFERENCES opportunities(id),
        role TEXT NOT NULL,
        start_date TEXT NOT NULL,
        planned_end TEXT NOT NULL,
        hours_per_week INTEGER NOT NULL CHECK (hours_per_week > 0),
        develops TEXT NOT NULL,
        finished_on TEXT,
        outcome TEXT CHECK (outcome IN ('completed', 'stopped')),
        confirmed_by TEXT,
        note TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        CHECK (planned_end > start_date),
        CHECK ((finished_on IS NULL) = (outcome IS NULL)),
        CHECK (finished_on IS NULL OR finished_on >= start_date)
    );
    CREATE INDEX project_moves_employee ON project_moves(employee, start_date);
    CREATE INDEX project_moves_start ON project_moves(start_date);
    CREATE UNIQUE INDEX project_moves_once ON project_moves(opportunity, employee);
    ALTER TABLE opportunity_fills ADD COLUMN project INTEGER REFERENCES project_moves(id);
    """

    /// Feedback after a move (issue 22): the mover's and their manager's rating of it, one each per move (given
    /// again, it replaces the first; the audit log keeps both).
    static let version11 = """
    CREATE TABLE move_feedback (
        move INTEGER NOT NULL REFERENCES moves(id) ON DELETE CASCADE,
        respondent TEXT NOT NULL CHECK (respondent IN ('mover', 'manager')),
        employee TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment TEXT,
        given_at TEXT NOT NULL,
        PRIMARY KEY (move, respondent)
    ) WITHOUT ROWID;
    """

    /// Critical roles as administrators mark them (issue 22): the catalog's `critical` flag, overridden per role
    /// (`critical` 0 takes a catalog's mark off). Kept by role id: a catalog reload keeps the marks.
    static let version12 = """
    CREATE TABLE critical_roles (
        role TEXT PRIMARY KEY,
        critical INTEGER NOT NULL CHECK (critical IN (0, 1)),
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
    ) WITHOUT ROWID;
    """

    /// Building versus buying (issue 22): an opening's own estimate of hiring from outside, the cost (hundredths,
    /// in `external_currency`) and the days to fill. NULL is unknown, never zero.
    static let version13 = """
    ALTER TABLE opportunities ADD COLUMN external_cost INTEGER CHECK (external_cost IS NULL OR external_cost >= 0);
    ALTER TABLE opportunities ADD COLUMN external_currency TEXT;
    ALTER TABLE opportunities ADD COLUMN external_days INTEGER CHECK (external_days IS NULL OR external_days >= 1);
    """

    /// The event log (issue 22 §4): every change worth telling, with a cursor that only grows (AUTOINCREMENT:
    /// an id is never given twice, even after pruning). `hidden` keeps an event from the employee's managers;
    /// `also` is a second person it concerns. `event_log` keeps how far pruning went, so a cursor older than
    /// the retention is told so; `assignment_watch` the last verdict told for each active assignment. No
    /// index beside the id: every read goes forward from a cursor, and each index would cost every write.
    static let version14 = """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        employee TEXT,
        also TEXT,
        hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        data TEXT NOT NULL
    );
    CREATE TABLE event_log (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        pruned_through INTEGER NOT NULL
    );
    INSERT INTO event_log (singleton, pruned_through) VALUES (1, 0);
    CREATE TABLE assignment_watch (
        assignment INTEGER PRIMARY KEY REFERENCES assignments(id) ON DELETE CASCADE,
        verdict TEXT NOT NULL
    ) WITHOUT ROWID;
    """
}
