import Foundation
public import SkillPathCore

/// Metacademy's concept graph as a catalog: concepts are skills (level 1: "knows the concept"), each learning
/// resource for a concept is a course teaching it and requiring the concept's prerequisites, and each of
/// Metacademy's ordered course lists is a role requiring its concepts.
///
/// Hours are the concept's time estimate (or `defaultHours`, 1 hour, where Metacademy has none). Costs are
/// unknown and left at 0; a `free` or `not-free` tag says which resources cost money. Dependencies of
/// "shortcut" nodes and per-resource extra dependencies are not used. Dangling prerequisite tags are reported.
public struct MetacademyImport: Sendable {
    public var folder: String
    public var defaultHours = Quantity(1)

    public init(folder: String) {
        self.folder = folder
    }

    static func format(_ resourceType: String) -> String {
        switch resourceType {
        case "textbook", "online textbook", "lecture notes", "paper", "book": "reading"
        case "online lectures", "online course", "video", "videos": "video"
        default: resourceType.isEmpty ? "reading" : resourceType
        }
    }

    /// What the import left out or filled in, counted for the summary.
    struct Counts {
        var missingEstimates = 0, shortcutRows = 0, skippedResources = 0, missingInLists = 0, repeatedConcepts = 0, repeatedResources = 0
        var prerequisiteEdges = 0
        var dangling: [String: Set<String>] = [:]
        var taught = Set<String>()
    }

    public func run() throws(ImportError) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: SourceFiles.attribution(folder: folder, fallback: "Concept graph and resource annotations from Metacademy (metacademy.org), © Metacademy contributors, licensed CC BY-SA 3.0."))
        var counts = Counts()
        let hours = try addConcepts(to: &result, counts: &counts)
        let known = Set(result.skills.map(\.id))
        let prerequisites = try readPrerequisites(known: known, counts: &counts)
        try addResources(to: &result, known: known, hours: hours, prerequisites: prerequisites, counts: &counts)
        try addCourseLists(to: &result, known: known, counts: &counts)
        summarise(&result, known: known, counts: counts)
        return result
    }

    var derived: String { "\(folder)/derived" }

    /// One skill per concept; returns each concept's hours (its estimate, else `defaultHours`).
    func addConcepts(to result: inout ImportedCatalog, counts: inout Counts) throws(ImportError) -> [String: Quantity] {
        let concepts = try SourceFiles.tsv("\(derived)/concepts.tsv", escaped: true)
        let columns = try SourceFiles.columns(concepts, ["tag", "title"], optional: ["time_estimate_hours", "summary"], file: "\(derived)/concepts.tsv")
        var hours: [String: Quantity] = [:]
        for record in concepts.records {
            guard let tag = record.value("tag", in: columns) else { continue }
            guard hours[tag] == nil else { counts.repeatedConcepts += 1; continue }
            if let text = record.value("time_estimate_hours", in: columns), let estimate = Quantity(literal: text), estimate > .zero {
                guard estimate <= Course.maximumHours else {
                    throw ImportError(
                        file: "\(derived)/concepts.tsv", line: record.line, column: "time_estimate_hours",
                        message: "\(text) hours is more than any course may take (\(Course.maximumHours))")
                }
                hours[tag] = max(estimate, Quantity(hundredths: 1))
            } else {
                hours[tag] = defaultHours
                counts.missingEstimates += 1
            }
            result.skills.append(Skill(id: tag, name: record.value("title", in: columns) ?? tag, category: "concept", description: record.value("summary", in: columns)))
        }
        return hours
    }

    /// Each concept's prerequisite concepts, in file order; dangling references are counted, not kept.
    func readPrerequisites(known: Set<String>, counts: inout Counts) throws(ImportError) -> [String: [String]] {
        let dependencies = try SourceFiles.tsv("\(derived)/dependencies.tsv", escaped: true)
        let columns = try SourceFiles.columns(dependencies, ["node_kind", "concept_tag", "prerequisite_tag", "prerequisite_exists"], file: "\(derived)/dependencies.tsv")
        var prerequisites: [String: [String]] = [:]
        for record in dependencies.records {
            guard record.value("node_kind", in: columns) == "concept" else { counts.shortcutRows += 1; continue }
            guard let concept = record.value("concept_tag", in: columns), let prerequisite = record.value("prerequisite_tag", in: columns) else { continue }
            if record.value("prerequisite_exists", in: columns) != "1" || !known.contains(prerequisite) {
                counts.dangling[prerequisite, default: []].insert(concept)
                continue
            }
            if !(prerequisites[concept]?.contains(prerequisite) ?? false) { prerequisites[concept, default: []].append(prerequisite) }
        }
        counts.prerequisiteEdges = prerequisites.values.reduce(0) { $0 + $1.count }
        return prerequisites
    }

    /// One course per learning resource of a concept, requiring the concept's prerequisites.
    func addResources(
        to result: inout ImportedCatalog, known: Set<String>, hours: [String: Quantity], prerequisites: [String: [String]], counts: inout Counts
    ) throws(ImportError) {
        let resources = try SourceFiles.tsv("\(derived)/concept_resources.tsv", escaped: true)
        let columns = try SourceFiles.columns(resources, ["node_kind", "concept_tag", "resource_index", "title"],
                                              optional: ["resource_type", "free", "level", "url", "authors", "locations", "core", "source_key"], file: "\(derived)/concept_resources.tsv")
        var ids = Set<String>()
        for record in resources.records {
            guard record.value("node_kind", in: columns) == "concept",
                  let concept = record.value("concept_tag", in: columns), known.contains(concept),
                  let index = record.value("resource_index", in: columns) else { counts.skippedResources += 1; continue }
            guard ids.insert("\(concept)--\(index)").inserted else { counts.repeatedResources += 1; continue }
            let source = record.value("title", in: columns) ?? record.value("source_key", in: columns) ?? "resource"
            let location = (record.value("locations", in: columns) ?? "").components(separatedBy: " || ").first ?? ""
            var tags = [record.value("free", in: columns) == "1" ? "free" : "not-free"]
            if let level = record.value("level", in: columns) { tags.append(level) }
            if record.value("core", in: columns) == "1" { tags.append("core") }
            result.courses.append(Course(
                id: "\(concept)--\(index)", title: location.isEmpty ? "\(source) on \(concept)" : "\(source): \(location)",
                provider: record.value("authors", in: columns) ?? source, format: Self.format(record.value("resource_type", in: columns) ?? ""),
                hours: hours[concept] ?? defaultHours, teaches: [SkillLevel(skill: concept, level: 1)],
                requires: (prerequisites[concept] ?? []).map { SkillLevel(skill: $0, level: 1) }, url: record.value("url", in: columns), tags: tags))
            counts.taught.insert(concept)
        }
    }

    /// One role per ordered course list, requiring its concepts in list order.
    func addCourseLists(to result: inout ImportedCatalog, known: Set<String>, counts: inout Counts) throws(ImportError) {
        let lists = try SourceFiles.tsv("\(derived)/course_concepts.tsv", escaped: true)
        let columns = try SourceFiles.columns(lists, ["course", "course_title", "position", "concept_tag"], file: "\(derived)/course_concepts.tsv")
        var order: [String] = []
        var titles: [String: String] = [:]
        var concepts: [String: [(Int, String)]] = [:]
        for record in lists.records {
            guard let course = record.value("course", in: columns), let concept = record.value("concept_tag", in: columns) else { continue }
            guard known.contains(concept) else { counts.missingInLists += 1; continue }
            if titles[course] == nil {
                order.append(course)
                titles[course] = record.value("course_title", in: columns) ?? course
            }
            concepts[course, default: []].append((record.value("position", in: columns).flatMap(Int.init) ?? 0, concept))
        }
        for course in order {
            var seen = Set<String>()
            let required = (concepts[course] ?? []).sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
            result.roles.append(Role(
                id: "metacademy-\(course.slug)", title: (titles[course] ?? course).capitalized, family: "metacademy",
                requires: required.map { RoleRequirement(skill: $0, level: 1) }))
        }
    }

    func summarise(_ result: inout ImportedCatalog, known: Set<String>, counts: Counts) {
        result.summary.count("skills (concepts)", result.skills.count)
        result.summary.count("courses (concept resources)", result.courses.count)
        result.summary.count("prerequisite edges", counts.prerequisiteEdges)
        result.summary.count("roles (course lists)", result.roles.count)
        result.summary.count("concepts without a time estimate (\(defaultHours) h used)", counts.missingEstimates)
        result.summary.skip("dangling prerequisite references (\(counts.dangling.count) tags)", counts.dangling.values.reduce(0) { $0 + $1.count })
        result.summary.skip("dependency rows of shortcut nodes", counts.shortcutRows)
        result.summary.skip("resource rows of shortcut nodes or unknown concepts", counts.skippedResources)
        result.summary.skip("course-list entries naming unknown concepts", counts.missingInLists)
        result.summary.skip("concept rows repeating a tag (the first is kept)", counts.repeatedConcepts)
        result.summary.skip("resource rows repeating a concept's resource (the first is kept)", counts.repeatedResources)
        let untaught = known.subtracting(counts.taught)
        if !untaught.isEmpty { result.summary.notes.append("\(untaught.count) concepts have no learning resource, so no course teaches them") }
        if !counts.dangling.isEmpty {
            result.summary.notes.append("dangling prerequisite tags: " + counts.dangling.sorted { $0.key < $1.key }.map { "\($0.key) (needed by \($0.value.sorted().joined(separator: ", ")))" }.joined(separator: "; "))
        }
    }
}
