public import SkillPathCore
public import SkillPathJSON

extension Profile {
    /// Reads `{"skills": [{"skill", "level"}], "completed": [course ids], "role"?: id}`.
    ///
    /// Levels must be whole numbers 0–5 and a skill may appear once. Ids are checked against the catalog
    /// later, by the planner, which knows the catalog.
    public init(json field: JSONField) throws(PlanningError) {
        do throws(JSONFieldError) {
            try field.checkKeys(["skills", "completed", "role"])
            var skills: [SkillLevel] = []
            var seen = Set<String>()
            for entry in try field.optional("skills")?.array() ?? [] {
                try entry.checkKeys(["skill", "level"])
                let skill = try entry.required("skill").string()
                let level = try entry.required("level").int(in: SkillLevel.profileLevels)
                guard seen.insert(skill).inserted else {
                    throw JSONFieldError(path: entry.path, message: "lists skill '\(skill)' a second time")
                }
                skills.append(SkillLevel(skill: skill, level: level))
            }
            self.init(
                skills: skills, completed: try field.optional("completed")?.strings() ?? [],
                role: try field.optional("role")?.string())
        } catch {
            throw PlanningError(.invalidProfile, field: error.path, error.message)
        }
    }

    public var json: JSONValue {
        .object([
            ("skills", .array(skills.map { .object([("skill", .string($0.skill)), ("level", .int($0.level))]) })),
            ("completed", .strings(completed)),
            ("role", role.map(JSONValue.string)),
        ])
    }
}
