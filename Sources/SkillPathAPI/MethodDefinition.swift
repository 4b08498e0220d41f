public import SkillPathJSON
public import SkillPathProtocol

/// One RPC method: its description (for `rpc.discover` and docs/protocol.md) and its handler, in one value,
/// so the dispatcher and the published description can never disagree.
public struct MethodDefinition: Sendable {
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
    public var handler: @Sendable (CallContext, JSONField) throws -> JSONValue

    public init(
        name: String, summary: String, description: String, params: [Parameter], resultName: String, resultSchema: JSONValue,
        errors: [ErrorCode] = [], example: Example, access: Access = .known,
        handler: @escaping @Sendable (CallContext, JSONField) throws -> JSONValue
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
        self.handler = handler
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

    /// Refuses parameters the method does not define, naming the stray one. `actor` is every method's.
    public func checkParameters(_ params: JSONField) throws {
        try params.checkKeys(self.params.map(\.name) + ["actor"])
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
