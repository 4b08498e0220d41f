/// Checks a merged catalog as a whole and builds the validated `Catalog`.
///
/// Runs every check even after the first error, so an author sees all problems in one pass. The order of
/// checks matters only where a later check needs an earlier one to hold: cycles and reachability are only
/// examined once all references resolve.
import Dispatch

struct CatalogValidator {
    var skills: [Skill]
    var courses: [Course]
    var roles: [Role]
    var transitions: [Transition]
    var diagnostics: [CatalogDiagnostic]

    init(skills: [Skill], courses: [Course], roles: [Role], transitions: [Transition], diagnostics: [CatalogDiagnostic]) {
        self.skills = skills
        self.courses = courses
        self.roles = roles
        self.transitions = transitions
        self.diagnostics = diagnostics
    }

    mutating func validate() throws(CatalogRejection) -> Catalog {
        skills = removeDuplicates(skills, kind: "skill", id: \.id, source: \.source)
        courses = removeDuplicates(courses, kind: "course", id: \.id, source: \.source)
        roles = removeDuplicates(roles, kind: "role", id: \.id, source: \.source)
        skills.sort { Text.precedes($0.id, $1.id) }
        courses.sort { Text.precedes($0.id, $1.id) }
        roles.sort { Text.precedes($0.id, $1.id) }
        transitions = sortedUniqueTransitions()

        // The content hash needs only the sorted items: compute it on the other core meanwhile.
        let fingerprint = BackgroundResult { [skills, courses, roles, transitions] in
            CatalogFingerprint.version(skills: skills, courses: courses, roles: roles, transitions: transitions)
        }
        checkReferences()
        let index = CatalogIndex(skills: skills, courses: courses, roles: roles, transitions: transitions)
        let cyclic = checkAfterCycles(index)
        checkReachability(index, skipping: cyclic)
        addWarnings(index)
        if !diagnostics.contains(where: \.isError) {
            return Catalog(
                validSkills: skills, courses: courses, roles: roles, transitions: transitions, index: index,
                version: fingerprint.value, warnings: diagnostics.sortedForReport())
        }
        let sorted = diagnostics.sortedForReport()
        throw CatalogRejection(errors: sorted.filter(\.isError), warnings: sorted.filter { !$0.isError })
    }

    mutating func error(_ code: CatalogDiagnostic.Code, at source: CatalogLocation, _ subject: String, _ message: String) {
        diagnostics.append(CatalogDiagnostic(.error, code, at: source, subject: subject, message))
    }

    mutating func warning(_ code: CatalogDiagnostic.Code, at source: CatalogLocation, _ subject: String, _ message: String) {
        diagnostics.append(CatalogDiagnostic(.warning, code, at: source, subject: subject, message))
    }

    /// Keeps the first definition of each id and reports the others, pointing back at the first.
    mutating func removeDuplicates<Item>(_ items: [Item], kind: String, id: KeyPath<Item, String>, source: KeyPath<Item, CatalogLocation>) -> [Item] {
        var first: [String: CatalogLocation] = [:]
        first.reserveCapacity(items.count)
        var kept: [Item] = []
        kept.reserveCapacity(items.count)
        for item in items {
            let key = item[keyPath: id]
            if let original = first[key] {
                error(.duplicateID, at: item[keyPath: source], "\(kind) '\(key)'", "duplicate \(kind) id (first defined at \(original))")
            } else {
                first[key] = item[keyPath: source]
                kept.append(item)
            }
        }
        return kept
    }

    mutating func sortedUniqueTransitions() -> [Transition] {
        var seen = Set<String>()
        var unique: [Transition] = []
        for transition in transitions {
            if seen.insert("\(transition.from)\u{0}\(transition.to)\u{0}\(transition.kind.rawValue)").inserted {
                unique.append(transition)
            } else {
                warning(.duplicateTransition, at: transition.source, "transition '\(transition.from) → \(transition.to)'", "listed more than once as \(transition.kind.rawValue)")
            }
        }
        return unique.sorted {
            if $0.from != $1.from { return Text.precedes($0.from, $1.from) }
            if $0.to != $1.to { return Text.precedes($0.to, $1.to) }
            return $0.kind.rawValue < $1.kind.rawValue
        }
    }

    /// Every skill, course and role a catalog item names must exist.
    mutating func checkReferences() {
        let skillIDs = Set(skills.map(\.id))
        let courseIDs = Set(courses.map(\.id))
        let roleIDs = Set(roles.map(\.id))
        func check(_ id: String, in known: Set<String>, kind: String, field: String, source: CatalogLocation, subject: String) {
            guard !known.contains(id) else { return }
            let hint = Text.suggestion(for: id, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            error(.unknownReference, at: source, subject, "'\(field)' names unknown \(kind) '\(id)'\(hint)")
        }
        for course in courses {
            let subject = "course '\(course.id)'"
            for entry in course.teaches { check(entry.skill, in: skillIDs, kind: "skill", field: "teaches", source: course.source, subject: subject) }
            for entry in course.requires { check(entry.skill, in: skillIDs, kind: "skill", field: "requires", source: course.source, subject: subject) }
            for prior in course.after { check(prior, in: courseIDs, kind: "course", field: "after", source: course.source, subject: subject) }
        }
        for role in roles {
            for entry in role.requires {
                check(entry.skill, in: skillIDs, kind: "skill", field: "requires", source: role.source, subject: "role '\(role.id)'")
            }
            for entry in role.weights {
                check(entry.skill, in: skillIDs, kind: "skill", field: "weights", source: role.source, subject: "role '\(role.id)'")
            }
        }
        for transition in transitions {
            let subject = "transition '\(transition.from) → \(transition.to)'"
            check(transition.from, in: roleIDs, kind: "role", field: "from", source: transition.source, subject: subject)
            check(transition.to, in: roleIDs, kind: "role", field: "to", source: transition.source, subject: subject)
        }
    }
}
