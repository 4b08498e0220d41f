import SkillPathCore

extension OrganisationStore {
    /// Every employee who has not left, with their skills and completed courses: all of them, or the subtree
    /// of `root` (root included). Read in three queries, however many people there are, for rankings.
    public func currentProfiles(inSubtreeOf root: String?) throws -> [EmployeeProfile] {
        try read { connection in
            let scope = root == nil ? "" : """
                WITH RECURSIVE scope(id) AS (SELECT ?1 UNION ALL SELECT e.id FROM scope s JOIN employees e ON e.manager = s.id)
                """
            let member = root == nil ? "" : "AND employee IN (SELECT id FROM scope)"
            let bind: [SQLiteValue?] = root.map { [.text($0)] } ?? []
            let records = try connection.prepare("""
                \(scope) SELECT \(Self.employeeColumns) FROM employees WHERE left_on IS NULL \(root == nil ? "" : "AND id IN (SELECT id FROM scope)") ORDER BY id
                """).bind(bind).rows(Self.employeeRecord)
            var skills: [String: [StoredSkill]] = [:]
            for (employee, skill) in try connection.prepare("\(scope) SELECT employee, skill, level, source, set_at FROM skill_levels WHERE 1 = 1 \(member)")
                .bind(bind).rows({ ($0.text(0), StoredSkill(skill: $0.text(1), level: $0.int(2), source: SkillSource(rawValue: $0.text(3)) ?? .manager, setAt: $0.text(4))) }) {
                skills[employee, default: []].append(skill)
            }
            var completions: [String: [StoredCompletion]] = [:]
            for (employee, completion) in try connection.prepare("\(scope) SELECT employee, course, completed_at, source FROM completions WHERE 1 = 1 \(member)")
                .bind(bind).rows({ ($0.text(0), StoredCompletion(course: $0.text(1), completedAt: $0.text(2), source: $0.text(3))) }) {
                completions[employee, default: []].append(completion)
            }
            return records.map { record in
                EmployeeProfile(employee: record, skills: skills[record.id] ?? [], completions: completions[record.id] ?? [], reports: [])
            }
        }
    }
}
