import SkillPathCore
import SkillPathFixtures
import SkillPathTestSupport
import Testing

/// What a piece of evidence counts for, remembered (`SkillEvidence.Memo`), is what the rule says: for every
/// level, source and day (today, fading ones, a future one, one past the forty years remembered), asked twice
/// and in any order, with the default policy and with a category that fades at its own rate.
@Suite struct EvidenceMemoTests {
    @Test(arguments: [false, true])
    func theMemoCountsAsTheRule(categoryRate: Bool) throws {
        let catalog = try Fixtures.catalog()
        var policy = SkillPolicy()
        if categoryRate, let category = catalog.skills.first?.category { policy.halfLifeByCategory = [category: 200] }
        let today = CalendarDate(iso: "2026-12-07") ?? CalendarDate(daysSinceEpoch: 0)
        let evidence = SkillEvidence(policy: policy, catalog: catalog, today: today)
        var memo = SkillEvidence.Memo(evidence)
        var generator = SeededGenerator(seed: categoryRate ? 2 : 1)
        let days = [0, 1, 30, 400, 1_826, 5_000, 14_000, 14_641, 20_000].map { today.daysSinceEpoch - $0 } + [today.daysSinceEpoch + 10, Int(Int32.max)]
        for _ in 0..<2_000 {
            let skill = generator.pick(catalog.skills).id
            let (level, selfRated, day) = (generator.int(in: 0...5), generator.chance(0.5), generator.pick(days))
            #expect(memo.level(skill: skill, level: level, selfRated: selfRated, day: day) == evidence.level(skill: skill, level: level, selfRated: selfRated, day: day),
                    "\(skill) level \(level) self \(selfRated) day \(day)")
        }
    }
}
