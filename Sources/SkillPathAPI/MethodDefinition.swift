import SkillPathJSON
public import SkillPathProtocol

/// A method the daemon serves: its published description and its handler, in one value, so the dispatcher
/// and `rpc.discover` can never disagree. A class: the dispatcher looks one up on every request, and a
/// reference is one retain where copying the description was dozens.
public final class MethodDefinition: Sendable {
    public let description: MethodDescription
    /// Decodes the params, runs the handler, encodes its result.
    let run: @Sendable (CallContext, JSONField) throws -> JSONValue

    public var name: String { description.name }

    init<Method: HandledMethod>(_ method: Method.Type) {
        description = Method.description
        run = { context, params in try Method.handle(try Method.Params(json: params), in: context).json }
    }

    init(description: MethodDescription, run: @escaping @Sendable (CallContext, JSONField) throws -> JSONValue) {
        self.description = description
        self.run = run
    }
}

/// A method of the protocol with the daemon's handler for it: the handler takes the decoded params and
/// returns a value; the protocol target encodes it.
protocol HandledMethod: RPCMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result
}
