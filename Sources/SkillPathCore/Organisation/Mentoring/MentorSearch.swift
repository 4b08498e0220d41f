/// "Who offers it?": for each skill a learner needs to raise, the people able to mentor it (`MentorRule`),
/// ranked (docs/mobility.md, "Mentors"): people outside the learner's reporting line first (their managers
/// and the people under them are inside it), then by effective level, the strength of the evidence behind
/// it, free places, and id.
public struct MentorSearch: Sendable {
    /// A skill to find mentors for: the learner's level in it and the level they need.
    public struct Need: Sendable, Equatable {
        public var skill: String
        public var have: Int
        public var need: Int

        public init(skill: String, have: Int, need: Int) {
            self.skill = skill
            self.have = have
            self.need = need
        }
    }

    /// Someone who offered to mentor, as the store reads them.
    public struct Candidate: Sendable {
        public var offer: MentorOffer
        public var name: String
        /// Mentees they have now.
        public var active: Int
        /// Their evidence in the skills searched.
        public var evidence: [StoredSkill]

        public init(offer: MentorOffer, name: String, active: Int, evidence: [StoredSkill]) {
            self.offer = offer
            self.name = name
            self.active = active
            self.evidence = evidence
        }
    }

    /// A mentor found: what a learner may see of them — their name and the one skill matched.
    public struct Match: Sendable, Equatable {
        public var employee: String
        public var name: String
        public var level: Int
        public var evidence: SkillPolicy.Source
        public var freeCapacity: Int
        public var outsideLine: Bool
    }

    /// Mentors for each need, at most `limit` each; `outsideLineOnly` drops everyone in the learner's line.
    public static func find(
        _ needs: [Need], learner: String, line: Set<String>, candidates: [Candidate], evidence: SkillEvidence, outsideLineOnly: Bool, limit: Int
    ) -> [(need: Need, mentors: [Match])] {
        // Each candidate's trusted evidence by skill, once: only evidence someone else gave counts (their own
        // rating never makes a mentor).
        var holders: [String: [(candidate: Int, pieces: [StoredSkill])]] = [:]
        for (position, candidate) in candidates.enumerated() where candidate.offer.employee != learner && candidate.active < candidate.offer.capacity {
            for (skill, pieces) in Dictionary(grouping: candidate.evidence.filter { $0.source != .selfRated }, by: \.skill) where candidate.offer.covers(skill) {
                holders[skill, default: []].append((position, pieces))
            }
        }
        return needs.map { need in
            var matches: [Match] = []
            for (position, pieces) in holders[need.skill] ?? [] {
                let candidate = candidates[position]
                let outside = !line.contains(candidate.offer.employee)
                guard outside || !outsideLineOnly, let standing = evidence.standing(pieces),
                      MentorRule.qualifies(level: standing.level, source: standing.piece.source, need: need.need, learner: need.have) else { continue }
                matches.append(Match(
                    employee: candidate.offer.employee, name: candidate.name, level: standing.level, evidence: standing.piece.source,
                    freeCapacity: candidate.offer.capacity - candidate.active, outsideLine: outside))
            }
            matches.sort { left, right in
                let a = (left.outsideLine ? 1 : 0, left.level, left.evidence.strength, left.freeCapacity)
                let b = (right.outsideLine ? 1 : 0, right.level, right.evidence.strength, right.freeCapacity)
                return a != b ? a > b : Text.precedes(left.employee, right.employee)
            }
            return (need, Array(matches.prefix(limit)))
        }
    }
}
