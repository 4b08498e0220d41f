import SkillPathCore
import SkillPathJSON

/// Writing skill evidence (docs/evidence.md). A rating (an employee's own, a manager's, an assessment, an
/// import) replaces the earlier evidence it outranks or equals; a course completion only adds a piece. So a
/// level is lowered only on purpose, by a source at least as strong as the evidence it replaces, and never
/// by adding evidence.
extension OrganisationStore {
    /// What writing one rating did.
    enum SkillWrite {
        /// Already so: the same level from the same source, or stronger evidence says as much.
        case unchanged
        /// Written.
        case set
        /// Not written: stronger evidence says more (`SkillPolicy.Source.strength`).
        case kept(StoredSkill)
    }

    /// Every piece of evidence of one skill of an employee, oldest first.
    static func pieces(of employee: String, skill: String, connection: SQLiteConnection) throws -> [StoredSkill] {
        try connection.prepare("SELECT skill, level, source, set_at, course, note FROM skill_evidence WHERE employee = ?1 AND skill = ?2 ORDER BY id")
            .bind(.text(employee), .text(skill))
            .rows(Self.piece)
    }

    /// A `skill_evidence` row read as `skill, level, source, set_at, course, note`, from column `first` on.
    static func piece(_ row: SQLiteStatement, from first: Int32) -> StoredSkill {
        // A source this build does not know (a newer daemon wrote it) counts as the weakest.
        StoredSkill(
            skill: row.text(first), level: row.int(first + 1), source: SkillSource(rawValue: row.text(first + 2)) ?? .selfRated,
            setAt: row.text(first + 3), course: row.optionalText(first + 4), note: row.optionalText(first + 5))
    }

    static func piece(_ row: SQLiteStatement) -> StoredSkill { piece(row, from: 0) }

    /// Records a rating of one skill. A higher level, or the same level from a source at least as strong,
    /// replaces every piece of evidence of equal or weaker source (a manager's word replaces a self-rating);
    /// a lower level does so only when no stronger piece says more, or with `overwrite` (which replaces all).
    static func rate(
        _ entry: SkillLevel, of employee: String, source: SkillSource, at now: String, overwrite: Bool, connection: SQLiteConnection
    ) throws -> SkillWrite {
        let existing = try pieces(of: employee, skill: entry.skill, connection: connection)
        let replaced = overwrite ? existing : existing.filter { $0.source.strength <= source.strength }
        // The same rating again (an import sent twice): nothing to write, when what it would replace says no more.
        let identical = { (piece: StoredSkill) in piece.level == entry.level && piece.source == source && piece.course == nil }
        if replaced.contains(where: identical), replaced.allSatisfy({ identical($0) || $0.level < entry.level }) { return .unchanged }
        if !overwrite {
            if let stronger = existing.filter({ $0.source.strength > source.strength && $0.level > entry.level }).max(by: { $0.level < $1.level }) {
                return .kept(stronger)
            }
            // Stronger evidence already says as much: a weaker rating adds nothing.
            if replaced.isEmpty, existing.contains(where: { $0.level >= entry.level && $0.source.strength > source.strength }) { return .unchanged }
        }
        let weakest = overwrite ? Int.max : source.strength
        let strengths = SkillSource.allCases.filter { $0.strength <= weakest }.map { SQLiteValue.text($0.rawValue) }
        let placeholders = strengths.indices.map { "?\($0 + 3)" }.joined(separator: ", ")
        try connection.prepare("DELETE FROM skill_evidence WHERE employee = ?1 AND skill = ?2 AND source IN (\(placeholders))")
            .bind([.text(employee), .text(entry.skill)] + strengths).run()
        try insert(StoredSkill(skill: entry.skill, level: entry.level, source: source, setAt: now), of: employee, connection: connection)
        return .set
    }

    /// Adds the evidence a completed course gives: a piece per skill it teaches, dated the day it was
    /// completed. A piece for the same course and source is kept once, at its later date.
    static func addCompletion(
        of course: Course, by employee: String, source: SkillSource, at: String, note: String?, connection: SQLiteConnection
    ) throws {
        for taught in course.teaches {
            let earlier = try connection.prepare("""
                SELECT id, set_at FROM skill_evidence WHERE employee = ?1 AND skill = ?2 AND course = ?3 AND source = ?4
                """).bind(.text(employee), .text(taught.skill), .text(course.id), .text(source.rawValue))
            if try earlier.step() {
                let (id, date) = (earlier.int64(0), earlier.text(1))
                if at > date {
                    try connection.prepare("UPDATE skill_evidence SET set_at = ?2, level = ?3, note = ?4 WHERE id = ?1")
                        .bind(.integer(id), .text(at), .int(taught.level), note.map(SQLiteValue.text)).run()
                }
                continue
            }
            try insert(
                StoredSkill(skill: taught.skill, level: taught.level, source: source, setAt: at, course: course.id, note: note), of: employee,
                connection: connection)
        }
    }

    static func insert(_ piece: StoredSkill, of employee: String, connection: SQLiteConnection) throws {
        try connection.prepare("INSERT INTO skill_evidence (employee, skill, level, source, set_at, course, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind(.text(employee), .text(piece.skill), .int(piece.level), .text(piece.source.rawValue), .text(piece.setAt),
                  piece.course.map(SQLiteValue.text), piece.note.map(SQLiteValue.text))
            .run()
    }

    /// Each skill's standing now, for the skills given: what an audit entry compares before and after a write.
    static func standings(of employee: String, skills: [String], evidence: SkillEvidence, connection: SQLiteConnection) throws -> [String: SkillEvidence.Standing] {
        var result: [String: SkillEvidence.Standing] = [:]
        for skill in Set(skills) {
            if let standing = evidence.standing(try pieces(of: employee, skill: skill, connection: connection)) { result[skill] = standing }
        }
        return result
    }

    /// A `skill.changed` event for the changes of one write (none when nothing changed): each skill with its
    /// standing before and after, and what caused it (`progress`, `skills.set`, `import`, `project`).
    static func skillChanged(
        _ employee: String, _ changes: [(field: String, from: JSONValue, to: JSONValue)], cause: String, at now: String, connection: SQLiteConnection
    ) throws {
        let skills = changes.filter { $0.field.hasPrefix("skills.") }
        guard !skills.isEmpty else { return }
        try appendEvent(EventDraft(.skillChanged, employee: employee, data: .object([
            ("cause", .string(cause)),
            ("skills", .array(skills.map { .object([("skill", .string(String($0.field.dropFirst("skills.".count)))), ("from", $0.from), ("to", $0.to)]) })),
        ])), at: now, connection: connection)
    }

    /// The audit's record of how skills stood before and after a write, for each skill whose level, stated
    /// level or source changed: `{"skills.python": {"from": {level, counts, source}, "to": {…}}}`.
    static func skillChanges(
        before: [String: SkillEvidence.Standing], after: [String: SkillEvidence.Standing]
    ) -> [(field: String, from: JSONValue, to: JSONValue)] {
        func json(_ standing: SkillEvidence.Standing?) -> JSONValue {
            guard let standing else { return .null }
            return .object([("level", .int(standing.piece.level)), ("counts", .int(standing.level)), ("source", .string(standing.piece.source.rawValue))])
        }
        return Set(before.keys).union(after.keys).sorted().compactMap { skill in
            let (old, new) = (before[skill], after[skill])
            guard old?.piece.level != new?.piece.level || old?.level != new?.level || old?.piece.source != new?.piece.source else { return nil }
            return ("skills.\(skill)", json(old), json(new))
        }
    }
}
