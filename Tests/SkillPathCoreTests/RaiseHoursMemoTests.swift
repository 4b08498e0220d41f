@testable import SkillPathCore
import SkillPathFixtures
import Testing

/// `Planner.hoursToRaise` remembers its answers per catalog (`RaiseHoursMemo`). Every pair of levels of every
/// skill is asked twice of one catalog, in two different orders, and a sample against a catalog built afresh
/// for each question (nothing remembered): the remembered answer must be the planned one, for the skill and
/// levels asked. It fails when the memo's key confuses two skills or two pairs of levels.
@Suite struct RaiseHoursMemoTests {
    static func catalog(_ structure: CatalogStructure) throws -> Catalog {
        let output = structure.generate(skills: 60, courses: 240, roles: 20, seed: 9)
        return try Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions)
    }

    @Test(arguments: [CatalogStructure.domain, .deep, .capped])
    func rememberedHoursAreThePlannedHours(structure: CatalogStructure) throws {
        let planner = Planner(catalog: try Self.catalog(structure))
        var questions: [(skill: String, from: Int, to: Int)] = []
        for skill in planner.catalog.skills.map(\.id) {
            for from in 0...4 { for to in (from + 1)...5 { questions.append((skill, from, to)) } }
        }
        let first = questions.map { planner.hoursToRaise(skill: $0.skill, from: $0.from, to: $0.to) }
        let again = questions.reversed().map { planner.hoursToRaise(skill: $0.skill, from: $0.from, to: $0.to) }
        #expect(Array(again.reversed()) == first, "\(structure)")
        var random = SeededGenerator(seed: 3)
        var distinct = Set<String>()
        for _ in 0..<25 {
            let position = Int(random.next() % UInt64(questions.count))
            let question = questions[position]
            let fresh = Planner(catalog: try Self.catalog(structure))
            let planned = fresh.hoursToRaise(skill: question.skill, from: question.from, to: question.to)
            #expect(first[position] == planned, "\(structure) \(question)")
            distinct.insert("\(planned.map { "\($0)" } ?? "none")")
        }
        // The sample must tell keys apart: several different answers, not one repeated.
        #expect(distinct.count > 3, "\(structure): \(distinct)")
    }
}
