public import SkillPathCore
public import SkillPathJSON

/// What SkillPath reads of an xAPI 1.0.3 statement: its id (the idempotency key), who (an `mbox` or an
/// `account`), what happened (the verb, as progress), to which activity, and when.
public struct XAPIStatement: Sendable, Equatable {
    public enum Actor: Sendable, Equatable {
        case email(String)
        case login(String)
    }

    public var id: String
    public var actor: Actor
    public var status: ProgressStatus
    public var activity: String
    /// The statement's `timestamp`, as the store keeps moments; nil for "now".
    public var at: String?

    /// The ADL verbs SkillPath understands: completing or passing completes a course; attempting, launching,
    /// experiencing or failing starts it.
    public static let verbs: [String: ProgressStatus] = [
        "http://adlnet.gov/expapi/verbs/completed": .completed, "http://adlnet.gov/expapi/verbs/passed": .completed,
        "http://adlnet.gov/expapi/verbs/attempted": .started, "http://adlnet.gov/expapi/verbs/launched": .started,
        "http://adlnet.gov/expapi/verbs/experienced": .started, "http://adlnet.gov/expapi/verbs/failed": .started,
    ]

    /// Reads one statement, or says what is wrong with it (the reason the reply gives).
    public static func read(_ statement: JSONValue) -> Result<XAPIStatement, Rejection> {
        guard case .object = statement else { return .failure(Rejection(id: nil, reason: "not a statement object")) }
        let id = statement["id"]?.stringValue
        func reject(_ reason: String) -> Result<XAPIStatement, Rejection> { .failure(Rejection(id: id, reason: reason)) }
        guard let id, !id.isEmpty else { return reject("no statement id (SkillPath needs it as the idempotency key)") }
        if let unclean = firstUncleanField(of: statement) { return reject(unclean) }
        let actor: Actor
        if let mbox = statement["actor"]?["mbox"]?.stringValue {
            guard mbox.lowercased().hasPrefix("mailto:"), mbox.count > 7 else { return reject("unknown actor: mbox must be mailto:ADDRESS, got '\(mbox)'") }
            actor = .email(String(mbox.dropFirst(7)))
        } else if let name = statement["actor"]?["account"]?["name"]?.stringValue, !name.isEmpty {
            actor = .login(name)
        } else {
            return reject("unknown actor: it has neither an mbox nor an account name")
        }
        guard let verb = statement["verb"]?["id"]?.stringValue else { return reject("unsupported verb: the statement has no verb id") }
        guard var status = verbs[verb] else { return reject("unsupported verb '\(verb)' (completed, passed, attempted, launched, experienced, failed)") }
        // A completion the statement itself says did not succeed is an attempt: it starts the course, and
        // raises nothing (xAPI's result.success; a failed verb already starts only).
        if status == .completed, statement["result"]?["success"] == .bool(false) { status = .started }
        guard let activity = statement["object"]?["id"]?.stringValue, !activity.isEmpty else {
            return reject("unknown activity: the statement's object has no id")
        }
        var at: String?
        if let timestamp = statement["timestamp"]?.stringValue {
            guard let parsed = Timestamps.parse(timestamp) else { return reject("timestamp '\(timestamp)' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ") }
            at = parsed
        }
        return .success(XAPIStatement(id: id, actor: actor, status: status, activity: activity, at: at))
    }

    /// The first text SkillPath reads from the statement that holds a control character, as a reason.
    private static func firstUncleanField(of statement: JSONValue) -> String? {
        let fields: [(String, JSONValue?)] = [
            ("id", statement["id"]), ("actor.mbox", statement["actor"]?["mbox"]), ("actor.account.name", statement["actor"]?["account"]?["name"]),
            ("verb.id", statement["verb"]?["id"]), ("object.id", statement["object"]?["id"]), ("timestamp", statement["timestamp"]),
        ]
        for (name, value) in fields {
            if let text = value?.stringValue, let complaint = ControlCharacters.complaint(about: text) { return "\(name) \(complaint)" }
        }
        return nil
    }

    public struct Rejection: Error, Sendable, Equatable {
        public var id: String?
        public var reason: String

        public init(id: String?, reason: String) {
            self.id = id
            self.reason = reason
        }
    }
}

extension XAPIStatement.Actor: CustomStringConvertible {
    public var description: String {
        switch self {
        case .email(let email): "the email '\(email)'"
        case .login(let login): "the login '\(login)'"
        }
    }
}
