import Foundation
import SkillPathCore
@testable import SkillPathStore
import SkillPathTestSupport
import Testing

/// The levels the skill picture reads (`currentLevels`) against the rule applied piece by piece from SQL:
/// several pieces of one skill from different sources and days, self-ratings above the cap, skills the
/// catalog does not know, people who left.
@Suite struct CurrentLevelsTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func eachSkillCountsForTheBestOfItsPieces(seed: UInt64) throws {
        let fixture = try StoreFixture()
        let (store, catalog) = (fixture.store, fixture.catalog)
        var random = SplitMix(seed: seed)
        try fixture.seedTeamWithScatteredEvidence(pieces: 60, random: &random)
        let evidence = OrganisationStore.evidence(catalog)
        let (read, levels) = try store.currentLevels(inSubtreeOf: nil, evidence: evidence, numberedBy: catalog)
        #expect(read.map(\.id) == ["a1", "l", "m"], "people who left are not read")
        let numbering = ProfileNumbers.skillNumbering(catalog)
        let connection = try SQLiteConnection(path: store.path, mode: .readOnly)
        for (person, held) in zip(read, levels) {
            var best: [Int32: Int] = [:]
            let pieces = try connection.prepare("SELECT skill, level, source, set_at FROM skill_evidence WHERE employee = ?1").bind(.text(person.id)).rows {
                ($0.text(0), $0.int(1), $0.text(2) == "self", CalendarDate(iso: String($0.text(3).prefix(10)))?.daysSinceEpoch ?? 0)
            }
            for (skill, level, selfRated, day) in pieces {
                guard let number = numbering(skill) else { continue }
                best[number] = max(best[number] ?? 0, evidence.level(skill: skill, level: level, selfRated: selfRated, day: day))
            }
            let expected = best.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            #expect(held.sorted { $0.skill < $1.skill }.map { "\($0.skill)=\($0.level)" } == expected, "seed \(seed), \(person.id)")
        }
    }
}
