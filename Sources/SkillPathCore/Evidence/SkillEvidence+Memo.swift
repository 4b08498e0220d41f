extension SkillEvidence {
    /// `level(skill:level:selfRated:day:)` remembered for a read over millions of pieces (ten million at a
    /// million people): what a piece counts for depends on its day, level and whether it is self-rated, and
    /// on its skill only when some category fades at a rate of its own, and then nothing is remembered.
    /// Days from forty years back to today are remembered, a byte each per level and source: 175 KB.
    public struct Memo {
        public let evidence: SkillEvidence
        private let firstDay: Int
        private let lastDay: Int
        /// Per (day, level, self-rated): the level counted, -1 until asked.
        private var known: [Int8]

        public init(_ evidence: SkillEvidence) {
            self.evidence = evidence
            lastDay = evidence.today.daysSinceEpoch
            firstDay = lastDay - 40 * 366
            let remembers = evidence.policy.halfLifeByCategory.isEmpty
            known = [Int8](repeating: -1, count: remembers ? (lastDay - firstDay + 1) * 12 : 0)
        }

        /// The level a piece counts for. `skill` is read only when the answer is not remembered: a read of a
        /// million people then fetches no skill id for the ten million pieces whose answer is.
        public mutating func level(skill: @autoclosure () -> String, level: Int, selfRated: Bool, day: Int) -> Int {
            let key = (day - firstDay) * 12 + level * 2 + (selfRated ? 1 : 0)
            guard (0...5).contains(level), day >= firstDay, day <= lastDay, known.indices.contains(key) else {
                return evidence.level(skill: skill(), level: level, selfRated: selfRated, day: day)
            }
            if known[key] >= 0 { return Int(known[key]) }
            let counted = evidence.level(skill: skill(), level: level, selfRated: selfRated, day: day)
            known[key] = Int8(clamping: counted)
            return counted
        }
    }
}
