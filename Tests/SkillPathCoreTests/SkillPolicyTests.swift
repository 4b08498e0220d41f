@testable import SkillPathCore
import Testing

/// The skill policy's rules, worked by hand (docs/evidence.md has the same table).
@Suite struct SkillPolicyTests {
    static let today = CalendarDate(iso: "2026-11-30") ?? CalendarDate(daysSinceEpoch: 0)

    func effective(_ stated: Int, _ source: SkillPolicy.Source, daysAgo: Int, category: String? = nil, policy: SkillPolicy = SkillPolicy()) -> Int {
        policy.effective(stated: stated, source: source, date: Self.today.adding(days: -daysAgo), category: category, today: Self.today).level
    }

    @Test func selfRatingsCountUpToTheCapUntilConfirmed() {
        #expect(effective(5, .selfRated, daysAgo: 0) == 3)
        #expect(effective(3, .selfRated, daysAgo: 0) == 3)
        #expect(effective(2, .selfRated, daysAgo: 0) == 2)
        #expect(effective(5, .manager, daysAgo: 0) == 5)
        #expect(effective(5, .assessment, daysAgo: 0) == 5)
        var strict = SkillPolicy()
        strict.selfRatingCap = 1
        #expect(effective(4, .selfRated, daysAgo: 0, policy: strict) == 1)
    }

    /// level × 2^(−age / half-life), rounded to the nearest level, never below 1. With the default half-life
    /// of 1,826 days: 4 after one half-life is 2; 5 after 300 days is 5 × 0.892 = 4.46 → 4; 2 after three
    /// half-lives is 0.25 → at least 1.
    @Test func levelsFadeByHalfLifeAndNeverBelowOne() {
        #expect(effective(4, .manager, daysAgo: 1_826) == 2)
        #expect(effective(5, .course, daysAgo: 300) == 4)
        #expect(effective(5, .course, daysAgo: 100) == 5, "5 × 0.963 = 4.81 rounds to 5")
        #expect(effective(2, .assessment, daysAgo: 3 * 1_826) == 1)
        #expect(effective(1, .manager, daysAgo: 20_000) == 1)
        #expect(effective(0, .manager, daysAgo: 20_000) == 0, "a level never earned does not become 1")
        // Fresh evidence: nothing fades; evidence dated in the future counts as fresh.
        #expect(effective(5, .course, daysAgo: 0) == 5)
        #expect(effective(5, .course, daysAgo: -30) == 5)
    }

    @Test func categoriesHaveTheirOwnHalfLivesAndCanNeverFade() {
        var policy = SkillPolicy()
        policy.halfLifeByCategory = ["programming": 365, "leadership": nil]
        #expect(effective(4, .manager, daysAgo: 365, category: "programming", policy: policy) == 2)
        #expect(effective(4, .manager, daysAgo: 10_000, category: "leadership", policy: policy) == 4)
        #expect(effective(4, .manager, daysAgo: 1_826, category: "data", policy: policy) == 2, "other categories take the default")
    }

    @Test func theCapAndTheFadingCombineAndSayWhy() {
        let counted = SkillPolicy().effective(stated: 5, source: .selfRated, date: Self.today.adding(days: -1_826), category: nil, today: Self.today)
        #expect(counted.level == 2, "capped at 3, then 3 × 0.5 = 1.5 rounds to 2")
        #expect(counted.reasons.count == 2)
        #expect(counted.reasons[0].hasPrefix("self-rated, not confirmed"))
        #expect(counted.reasons[1].contains("1826 days ago"))
    }

    @Test func offChangesNothing() {
        #expect(effective(5, .selfRated, daysAgo: 10_000, policy: .off) == 5)
    }

    @Test func aWeakerSourceNeverOutranksAStrongerOne() {
        let order: [SkillPolicy.Source] = [.selfRated, .imported, .manager, .course]
        for (weaker, stronger) in zip(order, order.dropFirst()) { #expect(weaker.strength < stronger.strength) }
        #expect(SkillPolicy.Source.course.strength == SkillPolicy.Source.assessment.strength)
    }
}
