public import SkillPathCore
public import SkillPathJSON

extension EmployeeRecord: RPCResult {
    public var json: JSONValue {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("login", login.map(JSONValue.string)), ("email", email.map(JSONValue.string)),
            ("role", .string(role)), ("manager", manager.map(JSONValue.string)), ("createdAt", .string(createdAt)), ("updatedAt", .string(updatedAt)),
            ("leftOn", leftOn.map { .string($0.description) }), ("preferences", preferences.json),
        ])
    }
}

extension SkillView {
    /// The standing piece of evidence (level, source, date), the level that counts with the reason when they
    /// differ, and every piece of the skill's evidence with what it counts for.
    public var json: JSONValue {
        .object([
            ("skill", .string(stored.skill)), ("level", .int(stored.level)), ("source", .string(stored.source.rawValue)), ("setAt", .string(stored.setAt)),
            ("effectiveLevel", .int(effectiveLevel)), ("evidence", evidence.map(JSONValue.string)),
            ("pieces", .array(pieces.map { piece, counts in
                .object([
                    ("level", .int(piece.level)), ("source", .string(piece.source.rawValue)), ("setAt", .string(piece.setAt)),
                    ("course", piece.course.map(JSONValue.string)), ("note", piece.note.map(JSONValue.string)), ("counts", .int(counts)),
                ])
            })),
        ])
    }
}

extension StoredCompletion {
    public var json: JSONValue {
        .object([("course", .string(course)), ("completedAt", .string(completedAt))])
    }
}

extension StoredSkill {
    /// A stored level kept against a lower one from weaker evidence.
    public var keptJSON: JSONValue {
        .object([
            ("skill", .string(skill)), ("level", .int(level)), ("source", .string(source.rawValue)), ("setAt", .string(setAt)),
            ("reason", .string("kept level \(level) from \(source.rawValue) evidence of \(setAt.prefix(10)): a lower level from a weaker source does not replace it (overwrite to force)")),
        ])
    }
}

extension KeptLevel {
    public var json: JSONValue {
        .object([
            ("index", .int(index)), ("skillIndex", .int(skillIndex)), ("id", .string(id)), ("skill", .string(skill)), ("given", .int(given)),
            ("stored", stored.keptJSON),
        ])
    }
}
