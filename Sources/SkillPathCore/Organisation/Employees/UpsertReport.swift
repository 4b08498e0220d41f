/// A row of an upsert batch that was not applied, and why.
public struct UpsertRejection: Sendable, Equatable {
    /// 0-based position in the batch.
    public var index: Int
    public var id: String?
    /// The field at fault, e.g. `role`, `manager` or `skills[2].skill`.
    public var field: String
    public var reason: String

    public init(index: Int, id: String?, field: String, reason: String) {
        self.index = index
        self.id = id
        self.field = field
        self.reason = reason
    }
}

public struct UpsertReport: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: [UpsertRejection] = []
    /// The skill levels of the batch, one per (employee, skill): set, already so, or kept (see `KeptLevel`).
    public var levelsSet = 0
    public var levelsUnchanged = 0
    public var kept: [KeptLevel] = []
    /// Whether the batch's changes were committed: false for a dry run, and for an atomic batch refused
    /// because a row was rejected (the counts then say what the batch would have done).
    public var written = true

    public init() {}
}

/// A level the batch gave lower than the stored one, left as stored because the stored evidence outranks
/// the batch's (a course completion or an assessment against an import, say): `overwrite` would lower it.
public struct KeptLevel: Sendable, Equatable {
    /// 0-based position of the employee's row in the batch, and of the skill in its `skills`.
    public var index: Int
    public var skillIndex: Int
    public var id: String
    public var skill: String
    public var given: Int
    public var stored: StoredSkill

    public init(index: Int, skillIndex: Int, id: String, skill: String, given: Int, stored: StoredSkill) {
        self.index = index
        self.skillIndex = skillIndex
        self.id = id
        self.skill = skill
        self.given = given
        self.stored = stored
    }
}
