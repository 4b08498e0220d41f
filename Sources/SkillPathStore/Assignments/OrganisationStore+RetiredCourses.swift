public import SkillPathCore
import SkillPathJSON

extension OrganisationStore {
    /// A course the catalog no longer has, as a frozen plan of `employee`'s describes it: the newest of their
    /// assignments whose plan names it, active ones first. nil when no plan of theirs does.
    ///
    /// A reload may retire a course that assignments still plan. Those plans stay frozen, and the LMS's
    /// report that the employee completed the course still lands (docs/catalog.md, "Retired courses"): the
    /// frozen step says what the course taught, so the completion is evidence for those levels. What the
    /// course required is not in the plan, so a completion of a retired course is never flagged as taken
    /// without its entry requirements.
    public func frozenCourse(_ id: String, plannedFor employee: String) throws -> Course? {
        try read { connection in
            let plans = try connection.prepare("""
                SELECT a.plan FROM assignments a
                WHERE a.employee = ?1 AND EXISTS (SELECT 1 FROM assignment_steps s WHERE s.assignment = a.id AND s.course = ?2)
                ORDER BY a.status = 'active' DESC, a.id DESC
                """).bind(.text(employee), .text(id)).rows { $0.text(0) }
            for plan in plans {
                let steps = (try? JSONParser.parse(plan))?["steps"]?.arrayValue ?? []
                if let step = steps.first(where: { $0["course"] == .string(id) }), let course = Self.course(frozenIn: step, id: id) { return course }
            }
            return nil
        }
    }

    /// A plan step as the course it planned; nil when the step lacks what a completion needs (what it taught).
    private static func course(frozenIn step: JSONValue, id: String) -> Course? {
        let teaches = (step["teaches"]?.arrayValue ?? []).compactMap { entry -> SkillLevel? in
            guard let skill = entry["skill"]?.stringValue, let level = entry["level"]?.intValue else { return nil }
            return SkillLevel(skill: skill, level: level)
        }
        guard !teaches.isEmpty else { return nil }
        func quantity(_ key: String) -> Quantity {
            guard case .number(let text)? = step[key] else { return .zero }
            return Quantity(literal: text) ?? .zero
        }
        return Course(
            id: id, title: step["title"]?.stringValue ?? id, provider: step["provider"]?.stringValue, format: step["format"]?.stringValue ?? "",
            hours: quantity("hours"), cost: quantity("cost"), language: step["language"]?.stringValue ?? Course.defaultLanguage, teaches: teaches)
    }
}

extension OrganisationStore {
    /// Courses that active assignments still have to take, with how many assignments plan each, among those
    /// `isKnown` says the catalog lacks: what a reload that retires them leaves in frozen plans.
    public func plannedCourses(missingFrom isKnown: (String) -> Bool) throws -> [(course: String, assignments: Int)] {
        try read { connection in
            try connection.prepare("""
                SELECT s.course, COUNT(DISTINCT s.assignment) FROM assignment_steps s JOIN assignments a ON a.id = s.assignment
                WHERE a.status = 'active' AND s.completed_at IS NULL GROUP BY s.course ORDER BY s.course
                """).rows { (course: $0.text(0), assignments: Int($0.int64(1))) }
                .filter { !isKnown($0.course) }
        }
    }
}
