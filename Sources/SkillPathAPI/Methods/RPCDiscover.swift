import SkillPathJSON

/// `rpc.discover`: the OpenRPC document of every method, including itself.
enum RPCDiscover {
    static func method(listing methods: @escaping @Sendable () -> [MethodDefinition]) -> MethodDefinition {
        MethodDefinition(
            name: "rpc.discover", summary: "The OpenRPC document describing every method.",
            description: "Generated from the definitions the dispatcher uses, so it is always in step with the server.",
            params: [], resultName: "openrpc", resultSchema: .object([("type", "object")]),
            example: .init(params: .object([]), result: .object([("openrpc", "1.2.6"), ("info", .object([("title", "SkillPath")])), ("methods", .array([]))])),
            access: .anyone
        ) { context, _ in
            OpenRPCDocument.build(methods: methods(), version: context.service.version)
        }
    }
}
