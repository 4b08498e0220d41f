public import SkillPathCore
import SkillPathJSON

/// Mentor offers, the evidence a mentor search reads, and mentoring relationships (docs/mobility.md,
/// "Mentors").
extension OrganisationStore {
    /// Sets `employee`'s offer (capacity 0 withdraws it); returns it as it now is (nil: none).
    public func setMentorOffer(of employee: String, skills: [String], capacity: Int, actor: String) throws -> MentorOffer? {
        try write { connection in
            guard let record = try Self.record(employee, connection: connection) else { throw DomainError.unknownEmployee(employee) }
            if let left = record.leftOn { throw DomainError.conflict("employee '\(employee)' left on \(left)") }
            let now = Timestamps.now()
            if capacity == 0 {
                try connection.prepare("DELETE FROM mentor_offers WHERE employee = ?1").bind(.text(employee)).run()
            } else {
                try connection.prepare("""
                    INSERT INTO mentor_offers (employee, skills, capacity, set_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT (employee) DO UPDATE SET skills = ?2, capacity = ?3, set_at = ?4
                    """).bind(.text(employee), .text(JSONWriter.string(.strings(skills))), .int(capacity), .text(now)).run()
            }
            try Self.audit(connection, at: now, actor: actor, action: "mentor.offer", subject: employee, detail: .object([
                ("skills", .strings(skills)), ("capacity", .int(capacity)),
            ]))
            return capacity == 0 ? nil : MentorOffer(employee: employee, skills: skills, capacity: capacity, setAt: now)
        }
    }

    /// A mentor's offer, how many mentees they have now, and their evidence in the skills searched, for
    /// everyone who offered and has not left: what a mentor search needs, read by index (the evidence of
    /// mentors only). Only evidence someone else gave, stated at `minimum` or more, is read: a level only ever
    /// counts for less than it says, so nothing below can qualify.
    public func mentorCandidates(skills: [(skill: String, minimum: Int)]) throws(StoreError) -> [(offer: MentorOffer, name: String, active: Int, evidence: [StoredSkill])] {
        try read { connection in
            let offers = try connection.prepare("""
                SELECT m.employee, m.skills, m.capacity, m.set_at, e.name,
                       (SELECT COUNT(*) FROM mentorings t WHERE t.mentor = m.employee AND t.ended_on IS NULL)
                FROM mentor_offers m JOIN employees e ON e.id = m.employee WHERE e.left_on IS NULL ORDER BY m.employee
                """).rows { row in
                    (offer: MentorOffer(employee: row.text(0), skills: Self.list(row.text(1)), capacity: row.int(2), setAt: row.text(3)), name: row.text(4), active: row.int(5))
                }
            // One query for the evidence of every mentor in the skills searched. For a few skills, each (mentor,
            // skill) is a seek; for many (a role's whole gap on ESCO, ~50 skills), each mentor's evidence is read
            // in one range of the index and filtered against the skills: half the time at 50 skills, a little
            // more at 10 (measured). Either way the minimum of each skill is checked here.
            let minimum = Dictionary(skills.map { ($0.skill, $0.minimum) }, uniquingKeysWith: min)
            var evidence: [String: [StoredSkill]] = [:]
            let needs = SQLiteValue.text(JSONWriter.string(.array(skills.map { .array([.string($0.skill), .int($0.minimum)]) })))
            let rows = skills.count > Self.seekingSkills
                ? try connection.prepare(Self.mentorEvidenceByMentor).bind(needs, .int(minimum.values.min() ?? 0))
                : try connection.prepare(Self.mentorEvidenceBySkill).bind(needs)
            while try rows.step() {
                let (skill, level) = (rows.text(1), rows.int(2))
                guard level >= minimum[skill] ?? Int.max else { continue }
                evidence[rows.text(0), default: []].append(StoredSkill(
                    skill: skill, level: level, source: SkillSource(rawValue: rows.text(3)) ?? .selfRated, setAt: rows.text(4),
                    course: rows.optionalText(5), note: rows.optionalText(6)))
            }
            return offers.map { offer in
                (offer.offer, offer.name, offer.active, (evidence[offer.offer.employee] ?? []).filter { offer.offer.covers($0.skill) })
            }
        }
    }

    /// Up to this many skills a mentor search seeks each (mentor, skill); past it, it reads each mentor's evidence.
    static let seekingSkills = 16

    /// Every mentor's evidence in the skills searched (`?1`: JSON pairs `[skill, minimum]`), each (mentor, skill)
    /// a seek in the index on (employee, skill, …). CROSS JOIN fixes that order: left to itself, SQLite scans
    /// every piece of evidence of the organisation and probes the offers. The needs are unpacked once
    /// (MATERIALIZED), not once per mentor.
    static let mentorEvidenceBySkill = """
        WITH needs(skill, minimum) AS MATERIALIZED (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?1))
        SELECT e.employee, e.skill, e.level, e.source, e.set_at, e.course, e.note
        FROM mentor_offers m CROSS JOIN needs n CROSS JOIN skill_evidence e
        ON e.employee = m.employee AND e.skill = n.skill AND e.level >= n.minimum AND e.source <> 'self'
        """

    /// The same, each mentor's evidence read as one range of the index (`+e.skill`: not a seek per skill) and
    /// checked against the skills searched, listed once; `?2` is the least minimum.
    static let mentorEvidenceByMentor = """
        WITH needs(skill) AS MATERIALIZED (SELECT json_extract(value, '$[0]') FROM json_each(?1))
        SELECT e.employee, e.skill, e.level, e.source, e.set_at, e.course, e.note
        FROM mentor_offers m CROSS JOIN skill_evidence e ON e.employee = m.employee
        WHERE e.source <> 'self' AND e.level >= ?2 AND +e.skill IN (SELECT skill FROM needs)
        """

    /// Starts a mentoring relationship.
    public func startMentoring(mentor: String, learner: String, skill: String, on date: CalendarDate, note: String?, actor: String) throws -> MentoringRecord {
        try write { connection in
            for id in [mentor, learner] {
                guard let record = try Self.record(id, connection: connection) else { throw DomainError.unknownEmployee(id) }
                if let left = record.leftOn { throw DomainError.conflict("employee '\(id)' left on \(left)") }
            }
            let offer = try connection.prepare("SELECT skills, capacity FROM mentor_offers WHERE employee = ?1").bind(.text(mentor))
            guard try offer.step() else { throw DomainError.conflict("employee '\(mentor)' has not offered to mentor") }
            let (skills, capacity) = (Self.list(offer.text(0)), offer.int(1))
            guard skills.isEmpty || skills.contains(skill) else { throw DomainError.conflict("employee '\(mentor)' does not offer to mentor '\(skill)'") }
            let active = try connection.prepare("SELECT COUNT(*) FROM mentorings WHERE mentor = ?1 AND ended_on IS NULL").bind(.text(mentor))
            _ = try active.step()
            if active.int(0) >= capacity { throw DomainError.conflict("employee '\(mentor)' mentors \(active.int(0)) already, their capacity") }
            let same = try connection.prepare("SELECT id FROM mentorings WHERE mentor = ?1 AND learner = ?2 AND skill = ?3 AND ended_on IS NULL")
                .bind(.text(mentor), .text(learner), .text(skill))
            if try same.step() { throw DomainError.conflict("'\(mentor)' already mentors '\(learner)' in '\(skill)' (mentoring \(same.int64(0)))") }
            try connection.prepare("INSERT INTO mentorings (mentor, learner, skill, started_on, started_by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .bind(.text(mentor), .text(learner), .text(skill), .text(date.description), .text(actor), note.map(SQLiteValue.text)).run()
            let id = connection.lastInsertRowID
            try Self.audit(connection, at: Timestamps.now(), actor: actor, action: "mentoring.start", subject: learner, detail: .object([
                ("mentoring", .int(id)), ("mentor", .string(mentor)), ("skill", .string(skill)),
            ]))
            return try Self.mentoring(id, connection: connection) ?? MentoringRecord(
                id: id, mentor: mentor, learner: learner, skill: skill, started: date, ended: nil, startedBy: actor, endedBy: nil, note: note)
        }
    }

    /// Ends a mentoring relationship on `date` (not before it started).
    public func endMentoring(_ id: Int64, on date: CalendarDate, actor: String) throws -> MentoringRecord {
        try write { connection in
            guard let record = try Self.mentoring(id, connection: connection) else { throw DomainError.notVisible(kind: "mentoring", id: id) }
            if let ended = record.ended { throw DomainError.conflict("mentoring \(id) ended on \(ended)") }
            guard date >= record.started else { throw DomainError.invalidValue(field: "date", message: "is before the mentoring started on \(record.started)") }
            try connection.prepare("UPDATE mentorings SET ended_on = ?2, ended_by = ?3 WHERE id = ?1").bind(.integer(id), .text(date.description), .text(actor)).run()
            try Self.audit(connection, at: Timestamps.now(), actor: actor, action: "mentoring.end", subject: record.learner, detail: .object([("mentoring", .int(id))]))
            return try Self.mentoring(id, connection: connection) ?? record
        }
    }

    public func mentoring(_ id: Int64) throws(StoreError) -> MentoringRecord? {
        try read { connection in try Self.mentoring(id, connection: connection) }
    }

    /// The mentorings `employee` is in, as mentor or learner, newest first.
    public func mentorings(of employee: String) throws(StoreError) -> [MentoringRecord] {
        try read { connection in
            let ids = try connection.prepare("SELECT id FROM mentorings WHERE mentor = ?1 OR learner = ?1 ORDER BY id DESC").bind(.text(employee)).rows { $0.int64(0) }
            return try ids.compactMap { try Self.mentoring($0, connection: connection) }
        }
    }

    static func mentoring(_ id: Int64, connection: SQLiteConnection) throws -> MentoringRecord? {
        let row = try connection.prepare("SELECT mentor, learner, skill, started_on, ended_on, started_by, ended_by, note FROM mentorings WHERE id = ?1").bind(.integer(id))
        guard try row.step() else { return nil }
        return MentoringRecord(
            id: id, mentor: row.text(0), learner: row.text(1), skill: row.text(2), started: CalendarDate(iso: row.text(3)) ?? CalendarDate(daysSinceEpoch: 0),
            ended: row.optionalText(4).flatMap(CalendarDate.init(iso:)), startedBy: row.text(5), endedBy: row.optionalText(6), note: row.optionalText(7))
    }

    /// The learner's reporting line: their managers, direct or indirect, and everyone under them.
    public func reportingLine(of employee: String) throws(StoreError) -> Set<String> {
        try read { connection in
            var line = Set<String>()
            var cursor = try Self.managerOf(employee, connection: connection)
            while let manager = cursor, line.insert(manager).inserted { cursor = try Self.managerOf(manager, connection: connection) }
            let under = try connection.prepare("""
                WITH RECURSIVE under(id) AS (SELECT id FROM employees WHERE manager = ?1 UNION ALL SELECT e.id FROM under u JOIN employees e ON e.manager = u.id)
                SELECT id FROM under
                """).bind(.text(employee)).rows { $0.text(0) }
            line.formUnion(under)
            return line
        }
    }

    /// A JSON list of ids as stored; anything unreadable reads as none.
    static func list(_ text: String) -> [String] {
        (try? JSONParser.parse(Array(text.utf8)))?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
