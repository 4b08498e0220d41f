extension ImportedCatalog {
    /// Removes, one at a time, entry requirements that make a course impossible to take (a cycle among
    /// courses, each needing what only the others teach), until every course can be taken by someone starting
    /// from nothing, as the catalog validator demands. Requirements no course teaches are left alone: they
    /// can be met by experience. Returns a description of each removal, for the import report.
    mutating func removeImpossibleRequirements() -> [String] {
        var removed: [String] = []
        var highest: [String: Int] = [:]
        for course in courses {
            for taught in course.teaches { highest[taught.skill] = max(highest[taught.skill] ?? 0, taught.level) }
        }
        while true {
            var levels: [String: Int] = [:]
            var taken = Set<String>()
            var progress = true
            while progress {
                progress = false
                for course in courses where !taken.contains(course.id) {
                    let ready = course.requires.allSatisfy { (levels[$0.skill] ?? 0) >= $0.level || (highest[$0.skill] ?? 0) < $0.level }
                        && course.after.allSatisfy(taken.contains)
                    guard ready else { continue }
                    taken.insert(course.id)
                    for taught in course.teaches { levels[taught.skill] = max(levels[taught.skill] ?? 0, taught.level) }
                    progress = true
                }
            }
            guard let stuck = courses.indices.filter({ !taken.contains(courses[$0].id) }).min(by: { courses[$0].id < courses[$1].id }) else {
                return removed
            }
            let course = courses[stuck]
            guard let blocking = course.requires.first(where: { (levels[$0.skill] ?? 0) < $0.level && (highest[$0.skill] ?? 0) >= $0.level }) else {
                // Stuck only behind an `after` course: drop that link instead.
                if let prior = course.after.first(where: { !taken.contains($0) }) {
                    courses[stuck].after.removeAll { $0 == prior }
                    removed.append("\(course.id) after \(prior)")
                    continue
                }
                return removed
            }
            courses[stuck].requires.removeAll { $0 == blocking }
            removed.append("\(course.id) requires \(blocking.skill)")
        }
    }
}
