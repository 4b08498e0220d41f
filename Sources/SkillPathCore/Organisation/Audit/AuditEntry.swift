public import SkillPathJSON

/// One entry of the audit trail: who did what to whom, when, with the old and new values where a value
/// changed (`{"changed": {"role": {"from": "analyst", "to": "scientist"}}}`).
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: JSONValue

    public init(id: Int64, at: String, actor: String, action: String, subject: String, detail: JSONValue) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
