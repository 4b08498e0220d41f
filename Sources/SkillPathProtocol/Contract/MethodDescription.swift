public import SkillPathJSON

/// What a method is, as `rpc.discover` and docs/protocol.md publish it: its name, what it does, its
/// parameters, its result, the application errors it can return, an example and who may call it.
public struct MethodDescription: Sendable {
    public var name: String
    public var summary: String
    public var description: String
    public var params: [Parameter]
    public var resultName: String
    public var resultSchema: JSONValue
    /// The application errors this method can return (besides the spec's).
    public var errors: [ErrorCode]
    public var example: Example
    /// Who may call it (see docs/access.md).
    public var access: Access

    public init(
        name: String, summary: String, description: String, params: [Parameter], resultName: String, resultSchema: JSONValue,
        errors: [ErrorCode] = [], example: Example, access: Access = .known
    ) {
        self.name = name
        self.summary = summary
        self.description = description
        self.params = params
        self.resultName = resultName
        self.resultSchema = resultSchema
        self.errors = errors
        self.example = example
        self.access = access
    }

    public struct Parameter: Sendable {
        public var name: String
        public var schema: JSONValue
        public var required: Bool
        public var description: String

        public init(_ name: String, _ schema: JSONValue, required: Bool = false, _ description: String) {
            self.name = name
            self.schema = schema
            self.required = required
            self.description = description
        }
    }

    public struct Example: Sendable {
        public var params: JSONValue
        public var result: JSONValue

        public init(params: JSONValue, result: JSONValue) {
            self.params = params
            self.result = result
        }
    }

    /// Every method takes `actor`: the dispatcher reads it before the handler runs.
    public static let actor = Parameter(
        "actor", Schema.string, "services only: the employee the call is made for, whose access rules then apply (docs/access.md)")

    /// Refuses parameters the method does not define, naming the stray one. `actor` is every method's.
    public func checkParameters(_ params: JSONField) throws(JSONFieldError) {
        try params.checkKeys(self.params.map(\.name) + [Self.actor.name])
    }
}

/// Who may call a method (docs/access.md). The dispatcher enforces `anyone`, `known` and `admin`; `scoped`
/// methods check in their handler, because the answer depends on which employee the call is about.
public enum Access: String, Sendable {
    /// Any caller that can reach the socket.
    case anyone
    /// Any caller SkillPath knows: an employee, a service or an administrator.
    case known
    /// Administrators only.
    case admin
    /// Depends on the employee concerned: themself, their managers, services, administrators.
    case scoped
}
