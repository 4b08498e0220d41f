import Foundation
import SkillPathCore

/// O*NET 29.2 (and optionally the O*NET 25.1 Career Changers Matrix) as a catalog: skills and knowledge
/// areas, one role per rated occupation, and transitions between occupations.
///
/// The mapping (docs/catalog.md#o-net):
/// - a required level is O*NET's Level (0–7) mapped to 1–5 as `min(5, max(1, ceil(LV / 1.5)))`: LV 2
///   ("basic") → 2, 4 → 3, 6 → 4, 7 → 5;
/// - a skill is essential when its Importance is at least `importanceThreshold` (3 by default), optional
///   when it is at least 2, and left out below that;
/// - rows marked Not Relevant or Recommend Suppress = Y, and levels of 0, are left out and counted;
/// - the grade is the Job Zone (1–5), the family the SOC major group;
/// - every importance rating (1–5) that is not marked Recommend Suppress is kept as the role's `weights`,
///   required or not, for telling how alike occupations are;
/// - transitions come from Related Occupations (Primary-Short by default) and the Career Changers Matrix,
///   as promotions when the job zone rises and lateral moves otherwise.
public struct ONETImport: Sendable {
    public var folder: String
    /// The Career Changers Matrix TSV, or the folder holding it.
    public var careerChangers: String?
    public var importanceThreshold: Double = 3
    public var relatedTiers: Set<String> = ["Primary-Short"]

    public init(folder: String, careerChangers: String? = nil) {
        self.folder = folder
        self.careerChangers = careerChangers
    }

    public static let tiers = ["Primary-Short", "Primary-Long", "Supplemental"]

    /// O*NET Level (0–7) → SkillPath level (1–5); nil for 0, which means "not needed".
    public static func level(fromONET value: Double) -> Int? {
        guard value > 0, value.isFinite else { return nil }
        return min(5, max(1, Int((value / 1.5).rounded(.up))))
    }

    struct Rating {
        var importance: Double?
        var level: Double?
        var suppressed = false
        /// The importance row itself is marked Recommend Suppress (the level row may be, alone).
        var importanceSuppressed = false
        var notRelevant = false
    }

    /// The occupations in file order, with their titles, descriptions and job zones.
    struct Occupations {
        var order: [String] = []
        var titles: [String: String] = [:]
        var descriptions: [String: String] = [:]
        var zones: [String: Int] = [:]
    }

    /// The skills and knowledge areas, and each occupation's ratings of them.
    struct Elements {
        var names: [String: String] = [:]
        var kinds: [String: String] = [:]
        var ratings: [String: [String: Rating]] = [:]
    }

    /// What the import left out, counted for the summary.
    struct Skipped {
        var notRelevant = 0, suppressed = 0, zero = 0, unimportant = 0
        var relatedOutsideTiers = 0, unratedMoves = 0, repeatedOccupations = 0
    }

    public func run() throws(ImportError) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: SourceFiles.attribution(folder: folder, fallback: "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."))
        var skipped = Skipped()
        let occupations = try readOccupations(skipped: &skipped)
        let elements = try readElements()
        let skillIDs = addSkills(elements, to: &result)
        addRoles(occupations, elements, skillIDs: skillIDs, to: &result, skipped: &skipped)
        var transitions = Transitions(rated: Set(result.roles.map(\.id)), zones: occupations.zones)
        try addRelatedTransitions(&transitions, skipped: &skipped)
        let fromRelated = transitions.list.count
        let careerRows = try addCareerChangerTransitions(&transitions, skipped: &skipped)
        result.transitions = transitions.list
        summarise(&result, occupations: occupations, skipped: skipped, fromRelated: fromRelated, careerRows: careerRows)
        return result
    }

    /// The occupations; one listed again is skipped and counted.
    func readOccupations(skipped: inout Skipped) throws(ImportError) -> Occupations {
        var occupations = Occupations()
        let table = try SourceFiles.tsv("\(folder)/Occupation Data.tsv")
        let columns = try SourceFiles.columns(table, ["O*NET-SOC Code", "Title"], optional: ["Description"], file: "\(folder)/Occupation Data.tsv")
        for record in table.records {
            guard let code = record.value("O*NET-SOC Code", in: columns), let title = record.value("Title", in: columns) else { continue }
            guard occupations.titles[code] == nil else { skipped.repeatedOccupations += 1; continue }
            occupations.titles[code] = title
            occupations.descriptions[code] = record.value("Description", in: columns)
            occupations.order.append(code)
        }
        let zones = try SourceFiles.tsv("\(folder)/Job Zones.tsv")
        let zoneColumns = try SourceFiles.columns(zones, ["O*NET-SOC Code", "Job Zone"], file: "\(folder)/Job Zones.tsv")
        for record in zones.records {
            if let code = record.value("O*NET-SOC Code", in: zoneColumns), let zone = record.value("Job Zone", in: zoneColumns).flatMap(Int.init) {
                occupations.zones[code] = zone
            }
        }
        return occupations
    }

    func readElements() throws(ImportError) -> Elements {
        var elements = Elements()
        for (file, kind) in [("Skills.tsv", "skill"), ("Knowledge.tsv", "knowledge")] {
            let path = "\(folder)/\(file)"
            let table = try SourceFiles.tsv(path)
            let columns = try SourceFiles.columns(table, ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress", "Not Relevant"], file: path)
            for record in table.records {
                guard let code = record.value("O*NET-SOC Code", in: columns), let element = record.value("Element ID", in: columns),
                      let scale = record.value("Scale ID", in: columns) else { continue }
                guard let value = record.value("Data Value", in: columns).flatMap(Double.init), value.isFinite else {
                    throw ImportError(file: path, line: record.line, column: "Data Value", message: "expected a number")
                }
                guard let name = record.value("Element Name", in: columns), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ImportError(file: path, line: record.line, column: "Element Name", message: "is empty: every element needs a name")
                }
                elements.names[element] = name
                elements.kinds[element] = kind
                var rating = elements.ratings[code, default: [:]][element] ?? Rating()
                if record.value("Recommend Suppress", in: columns) == "Y" {
                    rating.suppressed = true
                    if scale == "IM" { rating.importanceSuppressed = true }
                }
                if record.value("Not Relevant", in: columns) == "Y" { rating.notRelevant = true }
                if scale == "IM" { rating.importance = value } else if scale == "LV" { rating.level = value }
                elements.ratings[code, default: [:]][element] = rating
            }
        }
        return elements
    }

    /// One skill per element. Skill ids are the names' slugs; a knowledge area sharing a skill's name gets
    /// "-knowledge". Returns each element's skill id.
    func addSkills(_ elements: Elements, to result: inout ImportedCatalog) -> [String: String] {
        var skillIDs: [String: String] = [:]
        var taken = Set<String>()
        let sorted = elements.names.sorted { (elements.kinds[$0.key] ?? "", $0.key) < (elements.kinds[$1.key] ?? "", $1.key) }
        for (element, name) in sorted {
            var id = name.slug
            if taken.contains(id) { id += "-knowledge" }
            taken.insert(id)
            skillIDs[element] = id
            let kind = elements.kinds[element] ?? "skill"
            result.skills.append(Skill(
                id: id, name: name + (id.hasSuffix("-knowledge") ? " (knowledge)" : ""),
                category: kind == "knowledge" ? "knowledge" : (element.hasPrefix("2.A") ? "basic skill" : "cross-functional skill"),
                externalIds: Skill.ExternalIDs(onet: element)))
        }
        return skillIDs
    }

    /// One role per rated occupation, requiring what it rates important enough.
    func addRoles(_ occupations: Occupations, _ elements: Elements, skillIDs: [String: String], to result: inout ImportedCatalog, skipped: inout Skipped) {
        for code in occupations.order {
            guard let rated = elements.ratings[code] else { continue }
            var requirements: [RoleRequirement] = []
            var weights: [SkillWeight] = []
            for (element, rating) in rated.sorted(by: { $0.key < $1.key }) {
                guard let skill = skillIDs[element] else { continue }
                // Every importance O*NET gives, required or not: how alike occupations are reads all of them.
                if let importance = rating.importance, !rating.importanceSuppressed, importance > 0, importance <= 5 {
                    weights.append(SkillWeight(skill: skill, weight: Quantity(hundredths: Int64((importance * 100).rounded()))))
                }
                if rating.notRelevant { skipped.notRelevant += 1; continue }
                if rating.suppressed { skipped.suppressed += 1; continue }
                guard let importance = rating.importance, let value = rating.level, let level = Self.level(fromONET: value) else {
                    skipped.zero += 1
                    continue
                }
                if importance >= importanceThreshold {
                    requirements.append(RoleRequirement(skill: skill, level: level, importance: .essential))
                } else if importance >= 2 {
                    requirements.append(RoleRequirement(skill: skill, level: level, importance: .optional))
                } else {
                    skipped.unimportant += 1
                }
            }
            result.roles.append(Role(
                id: code, title: occupations.titles[code] ?? code, family: "soc-\(code.prefix(2))", grade: occupations.zones[code].map(String.init),
                description: occupations.descriptions[code], requires: requirements, weights: weights))
        }
    }

    /// The transitions being built: each between two rated occupations, once, a promotion when the job zone rises.
    struct Transitions {
        let rated: Set<String>
        let zones: [String: Int]
        var seen = Set<String>()
        var list: [Transition] = []

        mutating func add(_ from: String, _ to: String, skipped: inout Skipped) {
            guard rated.contains(from), rated.contains(to) else { skipped.unratedMoves += 1; return }
            guard from != to, seen.insert("\(from)>\(to)").inserted else { return }
            list.append(Transition(from: from, to: to, kind: (zones[to] ?? 0) > (zones[from] ?? 0) ? .promotion : .lateral))
        }
    }

    /// Transitions from Related Occupations in the chosen tiers.
    func addRelatedTransitions(_ transitions: inout Transitions, skipped: inout Skipped) throws(ImportError) {
        let path = "\(folder)/Related Occupations.tsv"
        let related = try SourceFiles.tsv(path)
        let columns = try SourceFiles.columns(related, ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier"], file: path)
        for record in related.records {
            guard let from = record.value("O*NET-SOC Code", in: columns), let to = record.value("Related O*NET-SOC Code", in: columns) else { continue }
            guard relatedTiers.contains(record.value("Relatedness Tier", in: columns) ?? "") else { skipped.relatedOutsideTiers += 1; continue }
            transitions.add(from, to, skipped: &skipped)
        }
    }

    /// Transitions from the Career Changers Matrix, when one is given; returns how many rows it had.
    func addCareerChangerTransitions(_ transitions: inout Transitions, skipped: inout Skipped) throws(ImportError) -> Int {
        guard var path = careerChangers else { return 0 }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { path += "/Career Changers Matrix.tsv" }
        let matrix = try SourceFiles.tsv(path)
        let columns = try SourceFiles.columns(matrix, ["O*NET-SOC Code", "Related O*NET-SOC Code"], file: path)
        var rows = 0
        for record in matrix.records {
            guard let from = record.value("O*NET-SOC Code", in: columns), let to = record.value("Related O*NET-SOC Code", in: columns) else { continue }
            rows += 1
            transitions.add(from, to, skipped: &skipped)
        }
        return rows
    }

    func summarise(_ result: inout ImportedCatalog, occupations: Occupations, skipped: Skipped, fromRelated: Int, careerRows: Int) {
        let rated = Set(result.roles.map(\.id))
        let unrated = occupations.order.filter { !rated.contains($0) }
        result.summary.count("skills (35 skills, 33 knowledge areas in O*NET)", result.skills.count)
        result.summary.count("roles (rated occupations)", result.roles.count)
        result.summary.count("role requirements", result.roles.reduce(0) { $0 + $1.requires.count })
        result.summary.count("essential requirements (importance ≥ \(importanceThreshold.formatted))", result.roles.reduce(0) { $0 + $1.requires.filter { $0.importance == .essential }.count })
        result.summary.count("transitions from Related Occupations (\(relatedTiers.sorted().joined(separator: ", ")))", fromRelated)
        if careerChangers != nil { result.summary.count("transitions added from the Career Changers Matrix (\(careerRows) rows)", result.transitions.count - fromRelated) }
        result.summary.count("promotions", result.transitions.filter { $0.kind == .promotion }.count)
        result.summary.skip("rating rows marked Not Relevant", skipped.notRelevant)
        result.summary.skip("rating rows with Recommend Suppress = Y", skipped.suppressed)
        result.summary.skip("ratings with level 0", skipped.zero)
        result.summary.skip("ratings with importance below 2", skipped.unimportant)
        result.summary.skip("related-occupation rows outside the chosen tiers", skipped.relatedOutsideTiers)
        result.summary.skip("transitions touching an occupation without ratings", skipped.unratedMoves)
        result.summary.skip("occupations without ratings (not imported as roles)", unrated.count)
        result.summary.skip("occupation rows repeating a code (the first is kept)", skipped.repeatedOccupations)
        if !unrated.isEmpty {
            result.summary.notes.append("\(unrated.count) occupations have no skill or knowledge ratings and were not imported: " + unrated.map { "\($0) \(occupations.titles[$0] ?? "")" }.joined(separator: "; "))
        }
    }
}

extension Double {
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
