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
        // Requirements: lead 8 / √(8 × 318/36), ml-engineer 0, analyst −1 / √(8 × 3.5). Wording: "data" is in
        // three of the four titles, "scientist", "lead" and "analyst" in one each ("ML" is too short to count),
        // so the Data Scientist's title is ½ × ln(4/3)² / (ln(4/3)² + ln(4)²) like Data Lead's and Data
        // Analyst's, and nothing like ML Engineer's. Each shares the family: + 0.05.
        let data = log(4.0 / 3), own = log(4.0)
        let words = 0.5 * data * data / (data * data + own * own)
        let expected = [8 / (8 * 318.0 / 36).squareRoot() + words + 0.05, 0.05, -1 / (8 * 3.5).squareRoot() + words + 0.05]
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
        var random = SeededGenerator(seed: 7)
        let roles = output.roles.map { role in
            var role = role
            role.title = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }.joined(separator: " ")
            role.description = Bool.random(using: &random) ? nil : (0..<8).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }.joined(separator: ", ")
            return role
        }
        let catalog = try Catalog(skills: output.skills, courses: output.courses, roles: roles, transitions: output.transitions)
        let planner = Planner(catalog: catalog)
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

    /// Title and description words for the random catalogs: plurals, short words, common words and case.
    static let vocabulary = ["Data", "data", "Analysts", "analyst", "engineer", "Engineers", "ML", "of", "and", "the", "Lead", "nurse", "NURSES", "café", "class", "sales"]

    /// The definition, written out: vectors over every skill, centred, cosine, wording, family and grade;
    /// then the tiers and the rule for roles the person already qualifies for.
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
        let wording = Self.denseWording(catalog.roles)
        let number = Dictionary(uniqueKeysWithValues: catalog.roles.enumerated().map { ($1.id, $0) })
        let mine = centred(vector(current))
        let level = Dictionary(held.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
        let targets = Set(catalog.transitions.filter { $0.from == current.id }.map(\.to))
        let twoAway = Set(catalog.transitions.filter { targets.contains($0.from) }.map(\.to)).subtracting(targets).subtracting([current.id])
        var ranked: [(tier: Int, score: Double, key: Double, id: String)] = []
        for role in catalog.roles where role.id != current.id {
            let theirs = centred(vector(role))
            let dot = zip(mine, theirs).reduce(0) { $0 + $1.0 * $1.1 }
            let norms = (mine.reduce(0) { $0 + $1 * $1 } * theirs.reduce(0) { $0 + $1 * $1 }).squareRoot()
            var score = norms > 0 ? dot / norms : 0
            if let a = number[current.id], let b = number[role.id] { score += 0.5 * wording[a][b] }
            if let family = current.family, family == role.family { score += 0.05 }
            if let a = grade(current), let b = grade(role), abs(a - b) >= 2 { score -= 0.1 }
            score = (score * 1e9).rounded() / 1e9
            let essential = role.requires.filter { $0.importance == .essential }
            let qualified = essential.allSatisfy { (level[$0.skill] ?? 0) >= $0.level }
            if qualified && score < 0.3 && !targets.contains(role.id) && !twoAway.contains(role.id) { continue }
            let tier = targets.contains(role.id) ? 0 : essential.contains { (level[$0.skill] ?? 0) > 0 } ? 1 : 2
            ranked.append((tier, score, twoAway.contains(role.id) ? score + 0.2 : score, role.id))
        }
        ranked.sort { ($0.tier, -$0.key) != ($1.tier, -$1.key) ? ($0.tier, -$0.key) < ($1.tier, -$1.key) : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return ranked.map { ($0.id, $0.score) }
    }

    /// Every pair of roles' wording similarity, densely: term counts over the whole vocabulary, title three
    /// times, (1 + ln count) × ln(roles / roles using the word), cosine.
    static func denseWording(_ roles: [Role]) -> [[Double]] {
        let documents = roles.map { role in
            Array(repeating: RoleWording.words(in: role.title), count: 3).flatMap { $0 } + RoleWording.words(in: role.description ?? "")
        }
        let vocabulary = Set(documents.flatMap { $0 }).sorted()
        let vectors = documents.map { words in
            vocabulary.map { word -> Double in
                let count = words.count { $0 == word }
                guard count > 0 else { return 0 }
                let users = documents.count { $0.contains(word) }
                return (1 + log(Double(count))) * log(Double(roles.count) / Double(users))
            }
        }
        return vectors.map { a in
            vectors.map { b in
                let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
                let norms = (a.reduce(0) { $0 + $1 * $1 } * b.reduce(0) { $0 + $1 * $1 }).squareRoot()
                return norms > 0 ? dot / norms : 0
            }
        }
    }

    /// Words are runs of letters, lowercased, three letters or more, common words out, a plural's "s" dropped.
    @Test func wordsAreReadAsTheDocsSay() {
        #expect(RoleWording.words(in: "Software Quality-Assurance Analysts and Testers, ML/AI") == ["software", "quality", "assurance", "analyst", "tester"])
        #expect(RoleWording.words(in: "Class of CAFÉS; business") == ["class", "café", "business"])
    }
}
