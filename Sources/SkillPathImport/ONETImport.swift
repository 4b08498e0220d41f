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
        var notRelevant = false
    }

    public func run() throws(ImportError) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: SourceFiles.attribution(folder: folder, fallback: "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."))
        let occupations = try SourceFiles.tsv("\(folder)/Occupation Data.tsv")
        let occupationColumns = try SourceFiles.columns(occupations, ["O*NET-SOC Code", "Title"], file: "\(folder)/Occupation Data.tsv")
        var titles: [String: String] = [:]
        var order: [String] = []
        for record in occupations.records {
            guard let code = record.value("O*NET-SOC Code", in: occupationColumns), let title = record.value("Title", in: occupationColumns) else { continue }
            titles[code] = title
            order.append(code)
        }
        let zonesTable = try SourceFiles.tsv("\(folder)/Job Zones.tsv")
        let zoneColumns = try SourceFiles.columns(zonesTable, ["O*NET-SOC Code", "Job Zone"], file: "\(folder)/Job Zones.tsv")
        var zones: [String: Int] = [:]
        for record in zonesTable.records {
            if let code = record.value("O*NET-SOC Code", in: zoneColumns), let zone = record.value("Job Zone", in: zoneColumns).flatMap(Int.init) { zones[code] = zone }
        }

        // Elements (skills and knowledge areas) and each occupation's ratings of them.
        var elementNames: [String: String] = [:]
        var elementKinds: [String: String] = [:]
        var ratings: [String: [String: Rating]] = [:]
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
                elementNames[element] = name
                elementKinds[element] = kind
                var rating = ratings[code, default: [:]][element] ?? Rating()
                if record.value("Recommend Suppress", in: columns) == "Y" { rating.suppressed = true }
                if record.value("Not Relevant", in: columns) == "Y" { rating.notRelevant = true }
                if scale == "IM" { rating.importance = value } else if scale == "LV" { rating.level = value }
                ratings[code, default: [:]][element] = rating
            }
        }

        // Skill ids are the names' slugs; a knowledge area sharing a skill's name gets "-knowledge".
        var skillIDs: [String: String] = [:]
        var taken = Set<String>()
        let elements = elementNames.sorted { (elementKinds[$0.key] ?? "", $0.key) < (elementKinds[$1.key] ?? "", $1.key) }
        for (element, name) in elements {
            var id = name.slug
            if taken.contains(id) { id += "-knowledge" }
            taken.insert(id)
            skillIDs[element] = id
            let kind = elementKinds[element] ?? "skill"
            result.skills.append(Skill(
                id: id, name: name + (id.hasSuffix("-knowledge") ? " (knowledge)" : ""),
                category: kind == "knowledge" ? "knowledge" : (element.hasPrefix("2.A") ? "basic skill" : "cross-functional skill"),
                externalIds: Skill.ExternalIDs(onet: element)))
        }

        var skippedNotRelevant = 0, skippedSuppressed = 0, skippedZero = 0, skippedUnimportant = 0
        for code in order {
            guard let rated = ratings[code] else { continue }
            var requirements: [RoleRequirement] = []
            for (element, rating) in rated.sorted(by: { $0.key < $1.key }) {
                guard let skill = skillIDs[element] else { continue }
                if rating.notRelevant { skippedNotRelevant += 1; continue }
                if rating.suppressed { skippedSuppressed += 1; continue }
                guard let importance = rating.importance, let value = rating.level, let level = Self.level(fromONET: value) else {
                    skippedZero += 1
                    continue
                }
                if importance >= importanceThreshold {
                    requirements.append(RoleRequirement(skill: skill, level: level, importance: .essential))
                } else if importance >= 2 {
                    requirements.append(RoleRequirement(skill: skill, level: level, importance: .optional))
                } else {
                    skippedUnimportant += 1
                }
            }
            result.roles.append(Role(
                id: code, title: titles[code] ?? code, family: "soc-\(code.prefix(2))", grade: zones[code].map(String.init), requires: requirements))
        }
        let rated = Set(result.roles.map(\.id))
        let unrated = order.filter { !rated.contains($0) }

        var seen = Set<String>()
        var skippedUnratedMoves = 0
        func move(_ from: String, _ to: String) {
            guard rated.contains(from), rated.contains(to) else { skippedUnratedMoves += 1; return }
            guard from != to, seen.insert("\(from)>\(to)").inserted else { return }
            let kind: Transition.Kind = (zones[to] ?? 0) > (zones[from] ?? 0) ? .promotion : .lateral
            result.transitions.append(Transition(from: from, to: to, kind: kind))
        }
        let relatedPath = "\(folder)/Related Occupations.tsv"
        let related = try SourceFiles.tsv(relatedPath)
        let relatedColumns = try SourceFiles.columns(related, ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier"], file: relatedPath)
        var relatedOutsideTiers = 0
        for record in related.records {
            guard let from = record.value("O*NET-SOC Code", in: relatedColumns), let to = record.value("Related O*NET-SOC Code", in: relatedColumns) else { continue }
            guard relatedTiers.contains(record.value("Relatedness Tier", in: relatedColumns) ?? "") else { relatedOutsideTiers += 1; continue }
            move(from, to)
        }
        let fromRelated = result.transitions.count
        var careerRows = 0
        if var path = careerChangers {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { path += "/Career Changers Matrix.tsv" }
            let matrix = try SourceFiles.tsv(path)
            let columns = try SourceFiles.columns(matrix, ["O*NET-SOC Code", "Related O*NET-SOC Code"], file: path)
            for record in matrix.records {
                guard let from = record.value("O*NET-SOC Code", in: columns), let to = record.value("Related O*NET-SOC Code", in: columns) else { continue }
                careerRows += 1
                move(from, to)
            }
        }

        result.summary.count("skills (35 skills, 33 knowledge areas in O*NET)", result.skills.count)
        result.summary.count("roles (rated occupations)", result.roles.count)
        result.summary.count("role requirements", result.roles.reduce(0) { $0 + $1.requires.count })
        result.summary.count("essential requirements (importance ≥ \(importanceThreshold.formatted))", result.roles.reduce(0) { $0 + $1.requires.filter { $0.importance == .essential }.count })
        result.summary.count("transitions from Related Occupations (\(relatedTiers.sorted().joined(separator: ", ")))", fromRelated)
        if careerChangers != nil { result.summary.count("transitions added from the Career Changers Matrix (\(careerRows) rows)", result.transitions.count - fromRelated) }
        result.summary.count("promotions", result.transitions.filter { $0.kind == .promotion }.count)
        result.summary.skip("rating rows marked Not Relevant", skippedNotRelevant)
        result.summary.skip("rating rows with Recommend Suppress = Y", skippedSuppressed)
        result.summary.skip("ratings with level 0", skippedZero)
        result.summary.skip("ratings with importance below 2", skippedUnimportant)
        result.summary.skip("related-occupation rows outside the chosen tiers", relatedOutsideTiers)
        result.summary.skip("transitions touching an occupation without ratings", skippedUnratedMoves)
        result.summary.skip("occupations without ratings (not imported as roles)", unrated.count)
        if !unrated.isEmpty {
            result.summary.notes.append("\(unrated.count) occupations have no skill or knowledge ratings and were not imported: " + unrated.map { "\($0) \(titles[$0] ?? "")" }.joined(separator: "; "))
        }
        return result
    }
}

extension Double {
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
