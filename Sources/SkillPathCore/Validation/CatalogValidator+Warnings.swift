/// Problems that do not make a catalog wrong, only suspicious: each is a likely authoring slip.
extension CatalogValidator {
    mutating func addWarnings(_ index: CatalogIndex) {
        warnAboutUntaughtLevels(index)
        warnAboutUnusedItems(index)
        warnAboutCourseContent()
        let currencies = Set(courses.map(\.currency))
        if currencies.count > 1 {
            diagnostics.append(CatalogDiagnostic(
                .warning, .mixedCurrencies, at: CatalogLocation(file: "", line: 0),
                "courses use several currencies (\(currencies.sorted().joined(separator: ", "))); plans add costs as if they were one"))
        }
    }

    /// A role requirement above anything a course teaches can only be met by experience.
    mutating func warnAboutUntaughtLevels(_ index: CatalogIndex) {
        for role in roles {
            for requirement in role.requires {
                guard let skill = index.skillNumbers[requirement.skill] else { continue }
                let highest = index.highestTaughtLevel(skill)
                guard highest < requirement.level else { continue }
                let taught = highest == 0 ? "no course teaches it" : "courses teach it only up to level \(highest)"
                warning(.untaughtLevel, at: role.source, "role '\(role.id)'", "requires '\(requirement.skill)' at level \(requirement.level), but \(taught)")
            }
        }
        // Course requirements above anything taught are reported with the other courses that cannot be taken
        // from zero (`checkReachability`), which also says who can still take them.
    }

    /// Courses no role or course could ever need, and skills nothing mentions.
    mutating func warnAboutUnusedItems(_ index: CatalogIndex) {
        // The lowest level at which anything asks for each skill; a course teaching at or above it can help.
        var lowestAsked = [UInt8](repeating: UInt8.max, count: index.skillCount)
        for role in 0..<roles.count {
            for requirement in index.roleRequirements[role] {
                lowestAsked[Int(requirement.skill)] = min(lowestAsked[Int(requirement.skill)], requirement.level)
            }
        }
        for course in 0..<courses.count {
            for requirement in index.requires[course] {
                lowestAsked[Int(requirement.skill)] = min(lowestAsked[Int(requirement.skill)], requirement.level)
            }
        }
        for course in 0..<courses.count {
            let useful = index.teaches[course].contains { $0.level >= lowestAsked[Int($0.skill)] } || !index.followers[course].isEmpty
            if !useful {
                warning(.unusedCourse, at: courses[course].source, "course '\(courses[course].id)'", "no role and no other course needs what it teaches")
            }
        }
        for skill in 0..<skills.count where lowestAsked[skill] == UInt8.max && index.teachers[skill].isEmpty {
            warning(.unusedSkill, at: skills[skill].source, "skill '\(skills[skill].id)'", "no course teaches it and nothing requires it")
        }
    }

    /// A course that requires a skill at or above the level it teaches adds nothing for that skill.
    mutating func warnAboutCourseContent() {
        // xAPI statements name a course by its activity IRI: two courses claiming one IRI cannot both be
        // credited, and the first in id order is (courses are sorted by now).
        var claimed: [String: String] = [:]
        for course in courses {
            guard let iri = course.xapiActivity else { continue }
            if let first = claimed[iri] {
                warning(
                    .duplicateXAPIActivity, at: course.source, "course '\(course.id)'",
                    "claims the xAPI activity '\(iri)' that course '\(first)' already claims; statements about it count for '\(first)'")
            } else {
                claimed[iri] = course.id
            }
        }
        for course in courses {
            for taught in course.teaches {
                guard let required = course.requires.first(where: { $0.skill == taught.skill }), required.level >= taught.level else { continue }
                warning(
                    .teachesNothingNew, at: course.source, "course '\(course.id)'",
                    "teaches '\(taught.skill)' at level \(taught.level) but already requires level \(required.level)")
            }
        }
    }
}
