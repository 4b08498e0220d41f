import Foundation
import SkillPathCore
@testable import SkillPathStore
import SkillPathTestSupport
import Testing

/// The numbered profiles rankings read (`currentNumbers`) against profiles built by hand from SQL: each
/// skill's best piece by the evidence rule, completions kept only where the evidence supports what they
/// taught (`SkillEvidence.completions`), then numbered from ids (`ProfileNumbers(_:catalog:)`). Pieces come
/// from every source and three dates (so some fade to nothing), with skills and courses the catalog does
/// not know, and a person who left.
@Suite struct CurrentNumbersTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func numbersAreTheProfileTheRuleGivesInTheCatalogsNumbers(seed: UInt64) throws {
        let fixture = try StoreFixture()
        let (store, catalog) = (fixture.store, fixture.catalog)
        var random = SplitMix(seed: seed)
        try fixture.seedTeamWithScatteredEvidence(pieces: 80, random: &random)
        let people = ["l", "m", "a1", "a2"]
        let courses = catalog.courses.map(\.id) + ["retired-course"]
        try store.write { connection in
            for _ in 0..<40 {
                try connection.prepare("INSERT OR IGNORE INTO completions (employee, course, completed_at, source) VALUES (?1, ?2, ?3, 'import')").bind(
                    .text(people[random.next(people.count)]), .text(courses[random.next(courses.count)]), .text("2026-01-05T09:00:00Z")).run()
            }
        }
        let evidence = OrganisationStore.evidence(catalog)
        let read = try store.currentNumbers(inSubtreeOf: nil, evidence: evidence, numberedBy: catalog)
        #expect(read.map(\.id) == ["a1", "l", "m"], "people who left are not read")
        let connection = try SQLiteConnection(path: store.path, mode: .readOnly)
        var droppedCompletions = 0
        for person in read {
            var best: [String: Int] = [:]
            let pieces = try connection.prepare("SELECT skill, level, source, set_at FROM skill_evidence WHERE employee = ?1").bind(.text(person.id)).rows {
                ($0.text(0), $0.int(1), $0.text(2) == "self", CalendarDate(iso: String($0.text(3).prefix(10)))?.daysSinceEpoch ?? 0)
            }
            for (skill, level, selfRated, day) in pieces {
                best[skill] = max(best[skill] ?? 0, evidence.level(skill: skill, level: level, selfRated: selfRated, day: day))
            }
            let completed = try connection.prepare("SELECT course FROM completions WHERE employee = ?1 ORDER BY course").bind(.text(person.id)).rows { $0.text(0) }
            let supported = evidence.completions(completed, levels: best)
            droppedCompletions += completed.count - supported.count
            var profile = Profile(role: person.role)
            profile.skills = best.sorted { $0.key < $1.key }.map { SkillLevel(skill: $0.key, level: $0.value) }
            profile.completed = supported
            #expect(person.numbers == ProfileNumbers(profile, catalog: catalog), "seed \(seed), \(person.id)")
            #expect(person.profile.role == person.role)
        }
        // The seeds are chosen so that the rule has something to leave out.
        #expect(droppedCompletions > 0, "seed \(seed)")
    }
}
