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

    public func run() throws(ImportError) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: SourceFiles.attribution(folder: folder, fallback: "Concept graph and resource annotations from Metacademy (metacademy.org), © Metacademy contributors, licensed CC BY-SA 3.0."))
        let derived = "\(folder)/derived"
        let concepts = try SourceFiles.tsv("\(derived)/concepts.tsv", escaped: true)
        let conceptColumns = try SourceFiles.columns(concepts, ["tag", "title"], optional: ["time_estimate_hours", "summary"], file: "\(derived)/concepts.tsv")
        var hours: [String: Quantity] = [:]
        var missingEstimates = 0
        for record in concepts.records {
            guard let tag = record.value("tag", in: conceptColumns) else { continue }
            if let text = record.value("time_estimate_hours", in: conceptColumns), let estimate = Quantity(literal: text), estimate > .zero {
                guard estimate <= Course.maximumHours else {
                    throw ImportError(
                        file: "\(derived)/concepts.tsv", line: record.line, column: "time_estimate_hours",
                        message: "\(text) hours is more than any course may take (\(Course.maximumHours))")
                }
                hours[tag] = max(estimate, Quantity(hundredths: 1))
            } else {
                hours[tag] = defaultHours
                missingEstimates += 1
            }
            result.skills.append(Skill(id: tag, name: record.value("title", in: conceptColumns) ?? tag, category: "concept", description: record.value("summary", in: conceptColumns)))
        }
        let known = Set(result.skills.map(\.id))

        let dependencies = try SourceFiles.tsv("\(derived)/dependencies.tsv", escaped: true)
        let dependencyColumns = try SourceFiles.columns(dependencies, ["node_kind", "concept_tag", "prerequisite_tag", "prerequisite_exists"], file: "\(derived)/dependencies.tsv")
        var prerequisites: [String: [String]] = [:]
        var dangling: [String: Set<String>] = [:]
        var shortcutRows = 0
        for record in dependencies.records {
            guard record.value("node_kind", in: dependencyColumns) == "concept" else { shortcutRows += 1; continue }
            guard let concept = record.value("concept_tag", in: dependencyColumns), let prerequisite = record.value("prerequisite_tag", in: dependencyColumns) else { continue }
            if record.value("prerequisite_exists", in: dependencyColumns) != "1" || !known.contains(prerequisite) {
                dangling[prerequisite, default: []].insert(concept)
                continue
            }
            if !(prerequisites[concept]?.contains(prerequisite) ?? false) { prerequisites[concept, default: []].append(prerequisite) }
        }

        let resources = try SourceFiles.tsv("\(derived)/concept_resources.tsv", escaped: true)
        let resourceColumns = try SourceFiles.columns(resources, ["node_kind", "concept_tag", "resource_index", "title"],
                                                      optional: ["resource_type", "free", "level", "url", "authors", "locations", "core", "source_key"], file: "\(derived)/concept_resources.tsv")
        var taught = Set<String>()
        var skippedResources = 0
        for record in resources.records {
            guard record.value("node_kind", in: resourceColumns) == "concept",
                  let concept = record.value("concept_tag", in: resourceColumns), known.contains(concept),
                  let index = record.value("resource_index", in: resourceColumns) else { skippedResources += 1; continue }
            let source = record.value("title", in: resourceColumns) ?? record.value("source_key", in: resourceColumns) ?? "resource"
            let location = (record.value("locations", in: resourceColumns) ?? "").components(separatedBy: " || ").first ?? ""
            var tags = [record.value("free", in: resourceColumns) == "1" ? "free" : "not-free"]
            if let level = record.value("level", in: resourceColumns) { tags.append(level) }
            if record.value("core", in: resourceColumns) == "1" { tags.append("core") }
            result.courses.append(Course(
                id: "\(concept)--\(index)", title: location.isEmpty ? "\(source) on \(concept)" : "\(source): \(location)",
                provider: record.value("authors", in: resourceColumns) ?? source, format: Self.format(record.value("resource_type", in: resourceColumns) ?? ""),
                hours: hours[concept] ?? defaultHours, teaches: [SkillLevel(skill: concept, level: 1)],
                requires: (prerequisites[concept] ?? []).map { SkillLevel(skill: $0, level: 1) }, url: record.value("url", in: resourceColumns), tags: tags))
            taught.insert(concept)
        }

        let lists = try SourceFiles.tsv("\(derived)/course_concepts.tsv", escaped: true)
        let listColumns = try SourceFiles.columns(lists, ["course", "course_title", "position", "concept_tag"], file: "\(derived)/course_concepts.tsv")
        var roleOrder: [String] = []
        var roleTitles: [String: String] = [:]
        var roleConcepts: [String: [(Int, String)]] = [:]
        var missingInLists = 0
        for record in lists.records {
            guard let course = record.value("course", in: listColumns), let concept = record.value("concept_tag", in: listColumns) else { continue }
            guard known.contains(concept) else { missingInLists += 1; continue }
            if roleTitles[course] == nil {
                roleOrder.append(course)
                roleTitles[course] = record.value("course_title", in: listColumns) ?? course
            }
            roleConcepts[course, default: []].append((record.value("position", in: listColumns).flatMap(Int.init) ?? 0, concept))
        }
        for course in roleOrder {
            var seen = Set<String>()
            let concepts = (roleConcepts[course] ?? []).sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
            result.roles.append(Role(
                id: "metacademy-\(course.slug)", title: (roleTitles[course] ?? course).capitalized, family: "metacademy",
                requires: concepts.map { RoleRequirement(skill: $0, level: 1) }))
        }

        result.summary.count("skills (concepts)", result.skills.count)
        result.summary.count("courses (concept resources)", result.courses.count)
        result.summary.count("prerequisite edges", prerequisites.values.reduce(0) { $0 + $1.count })
        result.summary.count("roles (course lists)", result.roles.count)
        result.summary.count("concepts without a time estimate (\(defaultHours) h used)", missingEstimates)
        result.summary.skip("dangling prerequisite references (\(dangling.count) tags)", dangling.values.reduce(0) { $0 + $1.count })
        result.summary.skip("dependency rows of shortcut nodes", shortcutRows)
        result.summary.skip("resource rows of shortcut nodes or unknown concepts", skippedResources)
        result.summary.skip("course-list entries naming unknown concepts", missingInLists)
        let untaught = known.subtracting(taught)
        if !untaught.isEmpty { result.summary.notes.append("\(untaught.count) concepts have no learning resource, so no course teaches them") }
        if !dangling.isEmpty {
            result.summary.notes.append("dangling prerequisite tags: " + dangling.sorted { $0.key < $1.key }.map { "\($0.key) (needed by \($0.value.sorted().joined(separator: ", ")))" }.joined(separator: "; "))
        }
        return result
    }
}
