public import SkillPathJSON

/// The OpenRPC description of the service (`rpc.discover`), built from the same descriptions the
/// dispatcher runs. It depends only on the build, so the daemon builds it once and sends the same bytes.
public struct OpenRPCDocument: RPCResult {
    public let json: JSONValue

    public init(methods: [MethodDescription], version: String) {
        json = .object([
            ("openrpc", "1.2.6"),
            ("info", .object([
                ("title", "SkillPath"),
                ("version", .string(version)),
                ("description", "Learning paths from skills to roles. JSON-RPC 2.0, one message per line, on a Unix socket; parameters by name. See docs/protocol.md."),
            ])),
            ("methods", .array(methods.sorted { $0.name < $1.name }.map(Self.describe))),
            ("components", .object([
                ("schemas", .object(JSONObject(Schema.components.map { JSONMember($0.0, $0.1) }))),
                ("errors", .object(JSONObject(ErrorCode.all.map { code in
                    JSONMember(code.name, .object([("code", .int(code.number)), ("message", .string(code.name))]))
                }))),
            ])),
        ])
    }

    static func describe(_ method: MethodDescription) -> JSONValue {
        .object([
            ("name", .string(method.name)),
            ("summary", .string(method.summary)),
            ("description", .string(method.description)),
            ("paramStructure", "by-name"),
            ("params", .array((method.params + [MethodDescription.actor]).map { parameter in
                .object([
                    ("name", .string(parameter.name)), ("description", .string(parameter.description)),
                    ("required", .bool(parameter.required)), ("schema", parameter.schema),
                ])
            })),
            ("result", .object([("name", .string(method.resultName)), ("schema", method.resultSchema)])),
            ("errors", .array(method.errors.map { .object([("code", .int($0.number)), ("message", .string($0.name))]) })),
            ("x-access", .string(method.access.rawValue)),
            ("examples", .array([.object([
                ("name", .string("\(method.name) example")),
                ("params", .array((method.example.params.objectValue?.members ?? []).map { .object([("name", .string($0.key)), ("value", $0.value)]) })),
                ("result", .object([("name", .string(method.resultName)), ("value", method.example.result)])),
            ])])),
        ])
    }
}
