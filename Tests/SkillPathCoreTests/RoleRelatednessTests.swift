import Foundation
@testable import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// Suggestions by relatedness (issue 19): the hand-worked example of docs/mobility.md, and random catalogs
/// against a dense, independent computation of the same definition.
@Suite struct RoleRelatednessTests {
    /// docs/mobility.md's example: a Data Scientist (python 3, statistics 2, sql 1) on the test catalog.
    @Test func theWorkedExampleOfTheDocs() throws {
        let planner = Planner(catalog: try Fixtures.catalog())
        let profile = Profile(skills: [.init(skill: "python", level: 3), .init(skill: "statistics", level: 2), .init(skill: "sql", level: 1)], role: "scientist")
        let ranking = try planner.suggestRoles(for: profile, limit: 10, order: .relatedness)
        #expect(ranking.entries.map(\.role.id) == ["lead", "ml-engineer", "analyst"])
        let scores = ranking.entries.compactMap(\.relatedness)
        // lead: 8 / √(8 × 318/36) + 0.05 (same family); ml-engineer: 0 + 0.05; analyst: −1 / √(8 × 3.5) + 0.05.
        let expected = [8 / (8 * 318.0 / 36).squareRoot() + 0.05, 0.05, -1 / (8 * 3.5).squareRoot() + 0.05]
        #expect(scores.count == 3)
        for (score, want) in zip(scores, expected) { #expect(abs(score - want) < 1e-9, "\(scores)") }
        #expect(ranking.entries[0].transition == .promotion, "the catalog's transition puts lead first")
    }

    /// A role's `weights`, where the catalog gives them, are its vector instead of its requirements: here they
    /// make the ml-engineer, who needs no statistics by its requirements, rate it as the scientist does.
    @Test func weightsReplaceRequirementsWhereGiven() throws {
        var files = Fixtures.files
        files["roles.json"] = files["roles.json"]?.replacingOccurrences(
            of: #"{"skill": "ml", "level": 3}, {"skill": "kubernetes", "level": 1}]"#,
            with: #"{"skill": "ml", "level": 3}, {"skill": "kubernetes", "level": 1}], "weights": [{"skill": "python", "weight": 3}, {"skill": "statistics", "weight": 2}, {"skill": "sql", "weight": 1}]"#)
        #expect(files["roles.json"]?.contains("weights") == true, "the fixture changed; update the replacement")
        let directory = TemporaryDirectory()
        let catalog = try CatalogLoader.load(directory: directory.write(files))
        #expect(catalog.role("ml-engineer")?.weights.count == 3)
        let profile = Profile(skills: [.init(skill: "python", level: 3), .init(skill: "statistics", level: 2), .init(skill: "sql", level: 1)], role: "scientist")
        let ranking = try Planner(catalog: catalog).suggestRoles(for: profile, limit: 10, order: .relatedness)
        let ml = try #require(ranking.entries.first { $0.role.id == "ml-engineer" })
        // The same vector as the scientist's: cosine 1, plus the family's 0.05.
        #expect(abs((ml.relatedness ?? 0) - 1.05) < 1e-9, "\(ml.relatedness ?? .nan)")
        #expect(ranking.entries.map(\.role.id) == ["lead", "ml-engineer", "analyst"])
    }

    @Test(arguments: [("3", 3), ("L4", 4), ("IC-5", 5), ("12", 12), ("2654.1.7", nil), ("senior", nil), ("L", nil), ("123", nil), ("", nil)] as [(String, Int?)])
    func gradesAreReadAsNumbersOnlyWhenTheyAreGrades(grade: String, number: Int?) {
        #expect(RoleRelatedness.gradeNumber(grade) == number)
    }

    /// On random catalogs of every structure, from random roles: the same roles, in the same order, with
    /// the same scores as a dense computation over every skill that knows nothing of postings or sums.
    @Test(arguments: CatalogStructure.allCases)
    func sparseScoresAreTheDenseDefinition(structure: CatalogStructure) throws {
        let output = structure.generate(skills: 60, courses: 200, roles: 40, seed: 19)
        let catalog = try Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions)
        let planner = Planner(catalog: catalog)
        var random = SeededGenerator(seed: 7)
        for _ in 0..<12 {
            let current = catalog.roles[Int.random(in: 0..<catalog.roles.count, using: &random)]
            let held = current.requires.map { SkillLevel(skill: $0.skill, level: max(0, $0.level - Int.random(in: 0...1, using: &random))) }
            let profile = Profile(skills: held, role: current.id)
            let ranking = try planner.suggestRoles(for: profile, limit: 15, order: .relatedness)
            let expected = Self.dense(catalog, current: current, held: held).prefix(15)
            #expect(ranking.entries.map(\.role.id) == expected.map(\.id), "from \(current.id)")
            for (entry, want) in zip(ranking.entries, expected) { #expect(abs((entry.relatedness ?? .nan) - want.score) < 1e-9) }
        }
    }

    /// The definition, written out: vectors over every skill, centred, cosine, family and grade; then the
    /// tiers and the rule for roles the person already qualifies for.
    static func dense(_ catalog: Catalog, current: Role, held: [SkillLevel]) -> [(id: String, score: Double)] {
        let skills = catalog.skills.map(\.id)
        func vector(_ role: Role) -> [Double] {
            skills.map { skill in
                guard let requirement = role.requires.first(where: { $0.skill == skill }) else { return 0 }
                return Double(requirement.level) * (requirement.importance == .essential ? 1 : 0.5)
            }
        }
        func centred(_ values: [Double]) -> [Double] {
            let mean = values.reduce(0, +) / Double(values.count)
            return values.map { $0 - mean }
        }
        func grade(_ role: Role) -> Int? {
            guard let text = role.grade, let match = text.wholeMatch(of: /[A-Za-z]*-?([0-9]{1,2})/) else { return nil }
            return Int(match.1)
        }
        let mine = centred(vector(current))
        let level = Dictionary(held.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
        let targets = Set(catalog.transitions.filter { $0.from == current.id }.map(\.to))
        var ranked: [(tier: Int, score: Double, id: String)] = []
        for role in catalog.roles where role.id != current.id {
            let theirs = centred(vector(role))
            let dot = zip(mine, theirs).reduce(0) { $0 + $1.0 * $1.1 }
            let norms = (mine.reduce(0) { $0 + $1 * $1 } * theirs.reduce(0) { $0 + $1 * $1 }).squareRoot()
            var score = norms > 0 ? dot / norms : 0
            if let family = current.family, family == role.family { score += 0.05 }
            if let a = grade(current), let b = grade(role), abs(a - b) >= 2 { score -= 0.1 }
            score = (score * 1e9).rounded() / 1e9
            let essential = role.requires.filter { $0.importance == .essential }
            let qualified = essential.allSatisfy { (level[$0.skill] ?? 0) >= $0.level }
            if qualified && score < 0.3 && !targets.contains(role.id) { continue }
            let tier = targets.contains(role.id) ? 0 : essential.contains { (level[$0.skill] ?? 0) > 0 } ? 1 : 2
            ranked.append((tier, score, role.id))
        }
        ranked.sort { ($0.tier, -$0.score) != ($1.tier, -$1.score) ? ($0.tier, -$0.score) < ($1.tier, -$1.score) : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return ranked.map { ($0.id, $0.score) }
    }
}
