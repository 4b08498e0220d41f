/// A validated, indexed catalog: skills, courses, roles and transitions, each sorted by id.
///
/// Immutable and Sendable: the daemon shares one value across all requests and swaps in a new one on reload,
/// so a request that started on the old catalog finishes on it.
public struct Catalog: Sendable {
    public let skills: [Skill]
    public let courses: [Course]
    public let roles: [Role]
    public let transitions: [Transition]
    /// A SHA-256 of the catalog's content (not its file layout): the same skills, courses, roles and
    /// transitions give the same version, however they are split into files or formatted.
    public let version: String
    public let warnings: [CatalogDiagnostic]
    /// The currency plans total in: the one most courses use (ties by name), USD for an empty catalog.
    public let currency: String
    let index: CatalogIndex

    /// Validates and indexes the given items; throws every error found when any is.
    public init(
        skills: [Skill], courses: [Course], roles: [Role], transitions: [Transition] = [],
        diagnostics: [CatalogDiagnostic] = []
    ) throws(CatalogRejection) {
        var validator = CatalogValidator(skills: skills, courses: courses, roles: roles, transitions: transitions, diagnostics: diagnostics)
        self = try validator.validate()
    }

    /// Called by the validator once everything checks out.
    init(
        validSkills skills: [Skill], courses: [Course], roles: [Role], transitions: [Transition], index: CatalogIndex,
        version: String, warnings: [CatalogDiagnostic]
    ) {
        self.skills = skills
        self.courses = courses
        self.roles = roles
        self.transitions = transitions
        self.index = index
        self.warnings = warnings
        self.version = version
        var counts: [String: Int] = [:]
        for course in courses { counts[course.currency, default: 0] += 1 }
        self.currency = counts.max { $0.value != $1.value ? $0.value < $1.value : Text.precedes($1.key, $0.key) }?.key
            ?? Course.defaultCurrency
    }

    public func skill(_ id: String) -> Skill? {
        index.skillNumbers[id].map { skills[Int($0)] }
    }

    public func course(_ id: String) -> Course? {
        index.courseNumbers[id].map { courses[Int($0)] }
    }

    public func role(_ id: String) -> Role? {
        index.roleNumbers[id].map { roles[Int($0)] }
    }

    /// The kinds of item ("skill", "course", "role") this id names: ids are unique within a kind only, so
    /// `catalog show ID` infers the kind when exactly one holds the id.
    public func kinds(holding id: String) -> [String] {
        [("skill", index.skillNumbers[id]), ("course", index.courseNumbers[id]), ("role", index.roleNumbers[id])].compactMap { $0.1 == nil ? nil : $0.0 }
    }

    /// The display name of a skill id, or the id itself for one the catalog does not know.
    public func skillName(_ id: String) -> String {
        skill(id)?.name ?? id
    }

    /// The transitions leaving a role, in target id order.
    public func transitions(from role: String) -> [Transition] {
        transitions.filter { $0.from == role }
    }

}
