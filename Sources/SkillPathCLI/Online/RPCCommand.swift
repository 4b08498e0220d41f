import SkillPathJSON
import SkillPathProtocol

/// `skillpath rpc METHOD [PARAMS]`: any method, raw, for administrators and scripts.
enum RPCCommand: Command {
    static let spec = CommandSpec(
        path: ["rpc"], summary: "call any daemon method with JSON params and print the JSON result",
        synopsis: "rpc METHOD [PARAMS-JSON]",
        discussion: "PARAMS-JSON is a JSON object (parameters by name), '-' to read it from stdin. See docs/protocol.md or 'skillpath rpc rpc.discover'.",
        positionals: ["METHOD", "PARAMS-JSON"], minimumPositionals: 1, maximumPositionals: 2,
        examples: [
            "skillpath rpc system.health",
            "skillpath rpc catalog.search '{\"query\": \"python\", \"limit\": 5}'",
            "skillpath rpc employees.get '{\"id\": \"e-008\"}'",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let method = context.arguments.positionals[0]
        var params = JSONValue.object([])
        if context.arguments.positionals.count > 1 {
            var text = context.arguments.positionals[1]
            if text == "-" { text = String(decoding: FileHandleInput.readAll(), as: UTF8.self) }
            do {
                params = try JSONParser.parse(text)
            } catch {
                throw .usage("PARAMS-JSON is not JSON: \(error)")
            }
            guard params.objectValue != nil else { throw .usage("PARAMS-JSON must be a JSON object (parameters by name)") }
        }
        context.console.json(try context.daemon().call(method, params))
        return .success
    }
}
