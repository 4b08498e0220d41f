import SkillPathJSON

/// The part of the catalog the model's operations draw from, read from the daemon once: the roles of one
/// job family, a handful of the skills they require, and the courses that teach those (so ratings,
/// completions and requirements keep landing on the same skills, where evidence meets evidence).
public struct ModelWorld: Sendable {
    public var roles: [String]
    public var skills: [String]
    public var courses: [Course]

    public struct Course: Sendable {
        public var id: String
        /// The xAPI activity id statements name it by.
        public var activity: String
    }

    /// - Parameter skillCount: how many of the family's required skills to use (those some course teaches, in
    ///   id order): few enough that ratings, completions and role requirements keep meeting on the same skills.
    public init(client: ModelClient, family: String = "data", skillCount: Int = 10) throws {
        let roles = try client.all("catalog.roles", JSONObject([JSONMember("family", .string(family))]))
        self.roles = roles.compactMap { $0["id"]?.stringValue }
        let required = Set(roles.flatMap { $0["requires"]?.arrayValue ?? [] }.compactMap { $0["skill"]?.stringValue })
        let all = try client.all("catalog.courses")
        func taught(_ course: JSONValue) -> [String] { (course["teaches"]?.arrayValue ?? []).compactMap { $0["skill"]?.stringValue } }
        skills = Array(required.intersection(all.flatMap(taught)).sorted().prefix(skillCount))
        let chosen = Set(skills)
        courses = all.compactMap { course in
            guard let id = course["id"]?.stringValue, let activity = course["url"]?.stringValue, taught(course).contains(where: chosen.contains) else { return nil }
            return Course(id: id, activity: activity)
        }
        guard self.roles.count >= 3, !courses.isEmpty else {
            throw ModelClient.Failure(description: "the catalog's \(family) family has \(self.roles.count) roles and \(courses.count) courses with a URL; the model needs 3 and 1")
        }
    }
}
