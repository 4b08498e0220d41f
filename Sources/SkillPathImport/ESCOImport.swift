import Foundation
import SkillPathCore

/// ESCO 1.1.1 as a catalog: skills and knowledge, occupations as roles with their essential and optional
/// skills, and lateral moves between occupations whose essential skills overlap.
///
/// ESCO has no proficiency levels, so every requirement gets `requiredLevel` (3, "can apply it unaided",
/// by default). Transitions join two occupations when the Jaccard similarity of their essential skill sets
/// is at least `similarity` (0.3 by default, the threshold Nesta's Career Causeways found viable), in both
/// directions, as `lateral`. Links to occupations the occupations file does not list are reported.
public struct ESCOImport: Sendable {
    public var folder: String
    public var requiredLevel = 3
    public var similarity = 0.3

    public init(folder: String) {
        self.folder = folder
    }

    /// `http://data.europa.eu/esco/skill/0005c151-…` → `esco-skill-0005c151-…`.
    static func id(_ uri: String, kind: String) -> String {
        "esco-\(kind)-\(uri.split(separator: "/").last.map(String.init) ?? uri)"
    }

    /// "knowledge, sector-specific" from ESCO's skill type and reuse level; nil when it has neither (a few
    /// skills do), since a catalog category may not be empty.
    static func category(type: String?, reuse: String?) -> String? {
        let parts = [type, reuse].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    public func run() throws(ImportError) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: SourceFiles.attribution(folder: folder, fallback: "This service uses the ESCO classification of the European Commission."))
        let skillsPath = "\(folder)/skills_en.csv"
        let skills = try SourceFiles.csv(skillsPath)
        let skillColumns = try SourceFiles.columns(skills, ["conceptUri", "preferredLabel"], optional: ["skillType", "reuseLevel", "altLabels", "description"], file: skillsPath)
        var skillIDs = Set<String>()
        for record in skills.records {
            guard let uri = record.value("conceptUri", in: skillColumns) else {
                throw ImportError(file: skillsPath, line: record.line, column: "conceptUri", message: "is empty")
            }
            let id = Self.id(uri, kind: "skill")
            guard skillIDs.insert(id).inserted else { continue }
            let aliases = (record.value("altLabels", in: skillColumns) ?? "").split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            result.skills.append(Skill(
                id: id, name: record.value("preferredLabel", in: skillColumns) ?? id,
                category: Self.category(type: record.value("skillType", in: skillColumns), reuse: record.value("reuseLevel", in: skillColumns)),
                description: record.value("description", in: skillColumns), aliases: aliases, externalIds: Skill.ExternalIDs(esco: uri)))
        }

        let occupationsPath = "\(folder)/occupations_en.csv"
        let occupations = try SourceFiles.csv(occupationsPath)
        let occupationColumns = try SourceFiles.columns(occupations, ["conceptUri", "preferredLabel"], optional: ["iscoGroup", "code"], file: occupationsPath)
        var roleIndex: [String: Int] = [:]
        var roles: [Role] = []
        for record in occupations.records {
            guard let uri = record.value("conceptUri", in: occupationColumns) else { continue }
            roleIndex[uri] = roles.count
            roles.append(Role(
                id: Self.id(uri, kind: "occupation"), title: record.value("preferredLabel", in: occupationColumns) ?? uri,
                family: record.value("iscoGroup", in: occupationColumns).map { "isco-\($0)" }, grade: record.value("code", in: occupationColumns), requires: []))
        }

        let relationsPath = "\(folder)/occupationSkillRelations.csv"
        let relations = try SourceFiles.csv(relationsPath)
        let relationColumns = try SourceFiles.columns(relations, ["occupationUri", "relationType", "skillUri"], file: relationsPath)
        var unknownOccupations: [String: Int] = [:]
        var unknownSkills = 0, repeated = 0, links = 0
        var essentials = [[Int32]](repeating: [], count: roles.count)
        var skillNumber: [String: Int32] = [:]
        var seenLinks = Set<String>()
        for record in relations.records {
            guard let occupation = record.value("occupationUri", in: relationColumns), let skillURI = record.value("skillUri", in: relationColumns) else { continue }
            guard let index = roleIndex[occupation] else {
                unknownOccupations[occupation, default: 0] += 1
                continue
            }
            let skill = Self.id(skillURI, kind: "skill")
            guard skillIDs.contains(skill) else { unknownSkills += 1; continue }
            guard seenLinks.insert("\(index)|\(skill)").inserted else { repeated += 1; continue }
            let relation = record.value("relationType", in: relationColumns)
            guard relation == "essential" || relation == "optional" else {
                throw ImportError(file: relationsPath, line: record.line, column: "relationType", message: "expected essential or optional, got '\(relation ?? "")'")
            }
            links += 1
            roles[index].requires.append(RoleRequirement(skill: skill, level: requiredLevel, importance: relation == "essential" ? .essential : .optional))
            if relation == "essential" {
                let number = skillNumber[skill] ?? Int32(skillNumber.count)
                skillNumber[skill] = number
                essentials[index].append(number)
            }
        }
        result.roles = roles
        result.transitions = similarOccupations(roles: roles, essentials: essentials)

        result.summary.count("skills (skills_en.csv)", result.skills.count)
        result.summary.count("knowledge among them", result.skills.filter { $0.category?.hasPrefix("knowledge") == true }.count)
        result.summary.count("roles (occupations_en.csv)", result.roles.count)
        result.summary.count("occupation–skill links", links)
        result.summary.count("essential links", essentials.reduce(0) { $0 + $1.count })
        result.summary.count("lateral transitions (essential-skill Jaccard ≥ \(similarity))", result.transitions.count)
        result.summary.skip("links to occupations not in occupations_en.csv (\(unknownOccupations.count) distinct)", unknownOccupations.values.reduce(0, +))
        result.summary.skip("links to skills not in skills_en.csv", unknownSkills)
        result.summary.skip("repeated links", repeated)
        if !unknownOccupations.isEmpty {
            result.summary.notes.append("links point to unknown occupations: " + unknownOccupations.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) links)" }.joined(separator: ", "))
        }
        result.summary.notes.append("ESCO has no proficiency levels: every requirement is level \(requiredLevel)")
        return result
    }

    /// Pairs of occupations whose essential skills overlap enough, found through an inverted index so that
    /// only pairs sharing at least one skill are compared.
    func similarOccupations(roles: [Role], essentials: [[Int32]]) -> [Transition] {
        var holders: [Int32: [Int32]] = [:]
        for (occupation, skills) in essentials.enumerated() {
            for skill in skills { holders[skill, default: []].append(Int32(occupation)) }
        }
        var transitions: [Transition] = []
        var shared = [Int32](repeating: 0, count: roles.count)
        for (occupation, skills) in essentials.enumerated() where !skills.isEmpty {
            var touched: [Int32] = []
            for skill in skills {
                for other in holders[skill] ?? [] where Int(other) > occupation {
                    if shared[Int(other)] == 0 { touched.append(other) }
                    shared[Int(other)] += 1
                }
            }
            for other in touched {
                let common = Double(shared[Int(other)])
                shared[Int(other)] = 0
                let union = Double(skills.count + essentials[Int(other)].count) - common
                guard union > 0, common / union >= similarity else { continue }
                transitions.append(Transition(from: roles[occupation].id, to: roles[Int(other)].id, kind: .lateral))
                transitions.append(Transition(from: roles[Int(other)].id, to: roles[occupation].id, kind: .lateral))
            }
        }
        return transitions
    }
}
