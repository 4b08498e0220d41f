import Foundation

/// How evidence of a skill becomes the level plans and gaps use: a self-rating counts up to a cap until a
/// manager or an assessment confirms it, and a level fades with the age of its evidence, by a half-life
/// (per skill category when the configuration says so), never below 1 once earned. docs/evidence.md has the
/// exact rules and a worked example; `enabled: false` takes every stored level as it is (the old behaviour).
public struct SkillPolicy: Sendable, Equatable {
    public var enabled = true
    /// Self-rated levels above this count as this.
    public var selfRatingCap = 3
    /// Days after which a level counts half; nil: levels do not fade.
    public var halfLifeDays: Int? = 1_826
    /// Half-lives for skill categories (the catalog's `category`), overriding `halfLifeDays`; nil: no fading.
    public var halfLifeByCategory: [String: Int?] = [:]

    public init() {}

    /// The policy that changes nothing.
    public static let off: SkillPolicy = {
        var policy = SkillPolicy()
        policy.enabled = false
        return policy
    }()

    /// Where a level comes from.
    public enum Source: String, Sendable, CaseIterable {
        case selfRated = "self"
        case manager, assessment, course
        case imported = "import"

        /// Which source may lower a level another source set: a weaker one may not (an HRIS import cannot
        /// undo what a course completion earned), an equal or stronger one may.
        public var strength: Int {
            switch self {
            case .selfRated: 0
            case .imported: 1
            case .manager: 2
            case .assessment, .course: 3
            }
        }
    }

    /// A stored level and what it means now.
    public struct Effective: Sendable, Equatable {
        public var stated: Int
        public var level: Int
        /// Why the two differ, for people ("self-rated, not confirmed"); empty when they do not.
        public var reasons: [String]
    }

    /// The level that counts for `stated`, given by `source` on `date`, for a skill of `category`, today.
    public func effective(stated: Int, source: Source, date: CalendarDate?, category: String?, today: CalendarDate) -> Effective {
        guard enabled, stated > 0 else { return Effective(stated: stated, level: stated, reasons: []) }
        var level = stated
        var reasons: [String] = []
        if source == .selfRated && level > selfRatingCap {
            level = selfRatingCap
            reasons.append("self-rated, not confirmed by a manager or an assessment (counts at most \(selfRatingCap))")
        }
        let halfLife = category.flatMap { halfLifeByCategory[$0] } ?? halfLifeDays
        if let halfLife, halfLife > 0, let date, date < today {
            let age = today.daysSinceEpoch - date.daysSinceEpoch
            // Exponential fading, rounded to the nearest level (halves up), never below 1.
            let faded = max(1, Int((Double(level) * pow(0.5, Double(age) / Double(halfLife))).rounded(.toNearestOrAwayFromZero)))
            if faded < level {
                reasons.append("last evidence \(date) (\(age) days ago; half-life \(halfLife) days\(category.map { " for \($0)" } ?? ""))")
                level = faded
            }
        }
        return Effective(stated: stated, level: level, reasons: reasons)
    }
}
