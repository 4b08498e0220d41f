/// What a project gig would grow for one person: each skill it develops that they hold below its level,
/// from their level to the project's. The whole explanation of a project match, computed from the
/// person's effective levels.
public struct ProjectFit: Sendable, Equatable {
    /// A skill the project would raise, from the person's level to the project's.
    public typealias Growth = ProgressOutcome.RaisedSkill

    public var grows: [Growth]

    /// `levels`: the person's effective level of each skill they hold (absent is 0).
    public init(develops: [SkillLevel], levels: [String: Int]) {
        grows = develops.compactMap { developed in
            let held = levels[developed.skill] ?? 0
            return held < developed.level ? Growth(skill: developed.skill, from: held, to: developed.level) : nil
        }
    }

    /// The levels it would add, over every skill it grows.
    public var gain: Int { grows.reduce(0) { $0 + $1.to - $1.from } }

    /// The order candidates for a project are ranked in: those with room for its hours in their weekly budget
    /// first, then the most skills grown, then the smallest total step (a stretch, not a leap: someone a level
    /// below can do the work and grow), then by id.
    public static func ranksBefore<ID: Comparable>(_ left: (fit: ProjectFit, room: Bool, id: ID), _ right: (fit: ProjectFit, room: Bool, id: ID)) -> Bool {
        if left.room != right.room { return left.room }
        if left.fit.grows.count != right.fit.grows.count { return left.fit.grows.count > right.fit.grows.count }
        if left.fit.gain != right.fit.gain { return left.fit.gain < right.fit.gain }
        return left.id < right.id
    }
}

/// Ranks people for a project gig: everyone it would grow, in `ProjectFit.ranksBefore` order.
public enum ProjectRanking {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var fit: ProjectFit
        /// Their weekly learning budget, and the hours their running gigs take of it.
        public var budget: Quantity
        public var busy: Quantity
        /// Whether the project's hours fit in what their running gigs leave of their budget.
        public var room: Bool
    }

    /// `people`: each person's id and effective levels; `budget` and `busy` their weekly hours and their
    /// running gigs' hours. People the project would not grow are left out (`considered` counts everyone).
    public static func rank(
        _ people: [(id: String, levels: [String: Int])], develops: [SkillLevel], hoursPerWeek: Quantity,
        budget: (String) -> Quantity, busy: (String) -> Quantity, limit: Int
    ) -> [Entry] {
        var entries: [Entry] = []
        for person in people {
            let fit = ProjectFit(develops: develops, levels: person.levels)
            guard !fit.grows.isEmpty else { continue }
            let (weekly, taken) = (budget(person.id), busy(person.id))
            let room = taken.hundredths + hoursPerWeek.hundredths <= weekly.hundredths
            entries.append(Entry(id: person.id, fit: fit, budget: weekly, busy: taken, room: room))
        }
        entries.sort { ProjectFit.ranksBefore(($0.fit, $0.room, $0.id), ($1.fit, $1.room, $1.id)) }
        return Array(entries.prefix(limit))
    }
}
