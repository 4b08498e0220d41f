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

    /// What the import left out, counted for the summary.
    struct Counts {
        var repeatedSkills = 0, repeatedOccupations = 0, unknownSkills = 0, repeatedLinks = 0, links = 0
        var unknownOccupations: [String: Int] = [:]
    }

    public func run() throws(ImportError) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: SourceFiles.attribution(folder: folder, fallback: "This service uses the ESCO classification of the European Commission."))
        var counts = Counts()
        try addSkills(to: &result, counts: &counts)
        let (roles, roleIndex) = try readOccupations(counts: &counts)
        result.roles = roles
        let essentials = try addRequirements(to: &result, roleIndex: roleIndex, counts: &counts)
        result.transitions = similarOccupations(roles: result.roles, essentials: essentials)
        summarise(&result, essentials: essentials, counts: counts)
        return result
    }

    /// One skill per concept of skills_en.csv; a concept listed again is skipped and counted.
    func addSkills(to result: inout ImportedCatalog, counts: inout Counts) throws(ImportError) {
        let path = "\(folder)/skills_en.csv"
        let skills = try SourceFiles.csv(path)
        let columns = try SourceFiles.columns(skills, ["conceptUri", "preferredLabel"], optional: ["skillType", "reuseLevel", "altLabels", "description"], file: path)
        var seen = Set<String>()
        for record in skills.records {
            guard let uri = record.value("conceptUri", in: columns) else {
                throw ImportError(file: path, line: record.line, column: "conceptUri", message: "is empty")
            }
            let id = Self.id(uri, kind: "skill")
            guard seen.insert(id).inserted else { counts.repeatedSkills += 1; continue }
            let aliases = (record.value("altLabels", in: columns) ?? "").split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            result.skills.append(Skill(
                id: id, name: record.value("preferredLabel", in: columns) ?? id,
                category: Self.category(type: record.value("skillType", in: columns), reuse: record.value("reuseLevel", in: columns)),
                description: record.value("description", in: columns), aliases: aliases, externalIds: Skill.ExternalIDs(esco: uri)))
        }
    }

    /// One role per occupation (without requirements yet), and each occupation URI's role position. An
    /// occupation listed again is skipped and counted.
    func readOccupations(counts: inout Counts) throws(ImportError) -> ([Role], [String: Int]) {
        let path = "\(folder)/occupations_en.csv"
        let occupations = try SourceFiles.csv(path)
        let columns = try SourceFiles.columns(occupations, ["conceptUri", "preferredLabel"], optional: ["iscoGroup", "code", "description"], file: path)
        var roleIndex: [String: Int] = [:]
        var roles: [Role] = []
        var seen = Set<String>()
        for record in occupations.records {
            guard let uri = record.value("conceptUri", in: columns) else { continue }
            let id = Self.id(uri, kind: "occupation")
            guard seen.insert(id).inserted else { counts.repeatedOccupations += 1; continue }
            roleIndex[uri] = roles.count
            roles.append(Role(
                id: id, title: record.value("preferredLabel", in: columns) ?? uri,
                family: record.value("iscoGroup", in: columns).map { "isco-\($0)" }, grade: record.value("code", in: columns),
                description: record.value("description", in: columns), requires: []))
        }
        return (roles, roleIndex)
    }

    /// Each occupation's essential and optional skills; returns each role's essential skills as numbers,
    /// for the similarity.
    func addRequirements(to result: inout ImportedCatalog, roleIndex: [String: Int], counts: inout Counts) throws(ImportError) -> [[Int32]] {
        let path = "\(folder)/occupationSkillRelations.csv"
        let relations = try SourceFiles.csv(path)
        let columns = try SourceFiles.columns(relations, ["occupationUri", "relationType", "skillUri"], file: path)
        let skillIDs = Set(result.skills.map(\.id))
        var essentials = [[Int32]](repeating: [], count: result.roles.count)
        var skillNumber: [String: Int32] = [:]
        var seenLinks = Set<String>()
        for record in relations.records {
            guard let occupation = record.value("occupationUri", in: columns), let skillURI = record.value("skillUri", in: columns) else { continue }
            guard let index = roleIndex[occupation] else {
                counts.unknownOccupations[occupation, default: 0] += 1
                continue
            }
            let skill = Self.id(skillURI, kind: "skill")
            guard skillIDs.contains(skill) else { counts.unknownSkills += 1; continue }
            guard seenLinks.insert("\(index)|\(skill)").inserted else { counts.repeatedLinks += 1; continue }
            let relation = record.value("relationType", in: columns)
            guard relation == "essential" || relation == "optional" else {
                throw ImportError(file: path, line: record.line, column: "relationType", message: "expected essential or optional, got '\(relation ?? "")'")
            }
            counts.links += 1
            result.roles[index].requires.append(RoleRequirement(skill: skill, level: requiredLevel, importance: relation == "essential" ? .essential : .optional))
            if relation == "essential" {
                let number = skillNumber[skill] ?? Int32(skillNumber.count)
                skillNumber[skill] = number
                essentials[index].append(number)
            }
        }
        return essentials
    }

    func summarise(_ result: inout ImportedCatalog, essentials: [[Int32]], counts: Counts) {
        result.summary.count("skills (skills_en.csv)", result.skills.count)
        result.summary.count("knowledge among them", result.skills.filter { $0.category?.hasPrefix("knowledge") == true }.count)
        result.summary.count("roles (occupations_en.csv)", result.roles.count)
        result.summary.count("occupation–skill links", counts.links)
        result.summary.count("essential links", essentials.reduce(0) { $0 + $1.count })
        result.summary.count("lateral transitions (essential-skill Jaccard ≥ \(similarity))", result.transitions.count)
        result.summary.skip("skill rows repeating a concept (the first is kept)", counts.repeatedSkills)
        result.summary.skip("occupation rows repeating a concept (the first is kept)", counts.repeatedOccupations)
        result.summary.skip("links to occupations not in occupations_en.csv (\(counts.unknownOccupations.count) distinct)", counts.unknownOccupations.values.reduce(0, +))
        result.summary.skip("links to skills not in skills_en.csv", counts.unknownSkills)
        result.summary.skip("repeated links", counts.repeatedLinks)
        if !counts.unknownOccupations.isEmpty {
            result.summary.notes.append("links point to unknown occupations: " + counts.unknownOccupations.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) links)" }.joined(separator: ", "))
        }
        result.summary.notes.append("ESCO has no proficiency levels: every requirement is level \(requiredLevel)")
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
