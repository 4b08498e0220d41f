import SkillPathJSON
import SkillPathProtocol

/// The OpenRPC description of the service, built from the same `MethodDefinition`s the dispatcher runs.
enum OpenRPCDocument {
    static func build(methods: [MethodDefinition], version: String) -> JSONValue {
        .object([
            ("openrpc", "1.2.6"),
            ("info", .object([
                ("title", "SkillPath"),
                ("version", .string(version)),
                ("description", "Learning paths from skills to roles. JSON-RPC 2.0, one message per line, on a Unix socket; parameters by name. See docs/protocol.md."),
            ])),
            ("methods", .array(methods.sorted { $0.name < $1.name }.map(describe))),
            ("components", .object([
                ("schemas", .object(JSONObject(Schema.components.map { JSONMember($0.0, $0.1) }))),
                ("errors", .object(JSONObject(ErrorCode.all.map { code in
                    JSONMember(code.name, .object([("code", .int(code.number)), ("message", .string(code.name))]))
                }))),
            ])),
        ])
    }

    /// Every method takes `actor`; the dispatcher reads it before the handler, so it is described here once.
    static let actor = MethodDefinition.Parameter(
        "actor", Schema.string, "services only: the employee the call is made for, whose access rules then apply (docs/access.md)")

    static func describe(_ method: MethodDefinition) -> JSONValue {
        .object([
            ("name", .string(method.name)),
            ("summary", .string(method.summary)),
            ("description", .string(method.description)),
            ("paramStructure", "by-name"),
            ("params", .array((method.params + [actor]).map { parameter in
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
