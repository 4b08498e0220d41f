public import SkillPathCore

/// Someone who could move: who they are and what the planner needs of them.
public struct PersonProfile: Sendable {
    public var id: String
    public var name: String
    public var role: String
    public var profile: Profile
}

extension OrganisationStore {
    /// Every employee who has not left, with their skill levels and completed courses: all of them, or the
    /// subtree of `root` (root included). For rankings over the whole organisation: three queries in id
    /// order (the tables' primary keys), merged as they stream, reading only the columns a plan needs.
    /// `level` turns a stored level and its evidence into the level that counts (`SkillPolicy`).
    public func currentProfiles(inSubtreeOf root: String?, level: (StoredSkill) -> Int = { $0.level }) throws -> [PersonProfile] {
        try read { connection in
            let scope = root == nil ? "" : """
                WITH RECURSIVE scope(id) AS (SELECT ?1 UNION ALL SELECT e.id FROM scope s JOIN employees e ON e.manager = s.id)
                """
            let member = root == nil ? "" : "AND employee IN (SELECT id FROM scope)"
            let bind: [SQLiteValue?] = root.map { [.text($0)] } ?? []
            var people = try connection.prepare("""
                \(scope) SELECT id, name, role FROM employees WHERE left_on IS NULL \(root == nil ? "" : "AND id IN (SELECT id FROM scope)") ORDER BY id
                """).bind(bind).rows { PersonProfile(id: $0.text(0), name: $0.text(1), role: $0.text(2), profile: Profile(role: $0.text(2))) }
            var position = 0
            /// The person `employee` names, moving forward through `people`. Both lists are in SQLite's id
            /// order, which is by UTF-8 bytes, so the comparison is too (String's `<` is by Unicode rules).
            func seek(_ employee: String) -> Int? {
                while position < people.count, people[position].id.utf8.lexicographicallyPrecedes(employee.utf8) { position += 1 }
                return position < people.count && people[position].id.utf8.elementsEqual(employee.utf8) ? position : nil
            }
            let skills = try connection.prepare("\(scope) SELECT employee, skill, level, source, set_at FROM skill_levels WHERE 1 = 1 \(member) ORDER BY employee")
                .bind(bind).rows { row in
                    (row.text(0), StoredSkill(skill: row.text(1), level: row.int(2), source: SkillSource(rawValue: row.text(3)) ?? .selfRated, setAt: row.text(4)))
                }
            for (employee, skill) in skills {
                if let person = seek(employee) { people[person].profile.skills.append(SkillLevel(skill: skill.skill, level: level(skill))) }
            }
            position = 0
            for (employee, course) in try connection.prepare("\(scope) SELECT employee, course FROM completions WHERE 1 = 1 \(member) ORDER BY employee")
                .bind(bind).rows({ ($0.text(0), $0.text(1)) }) {
                if let person = seek(employee) { people[person].profile.completed.append(course) }
            }
            return people
        }
    }
}
