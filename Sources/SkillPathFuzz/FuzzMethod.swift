public import SkillPathJSON

/// What the fuzzer knows of one method, read from the daemon's own `rpc.discover`: so that every method and
/// every parameter it declares gets wrong types, extreme values and mutated examples, and a new method is
/// fuzzed the day it is added.
public struct FuzzMethod: Sendable {
    public var name: String
    public var parameters: [(name: String, type: String)]
    /// The documented example's params, as an object.
    public var example: JSONValue

    public init(name: String, parameters: [(name: String, type: String)], example: JSONValue) {
        self.name = name
        self.parameters = parameters
        self.example = example
    }

    /// The methods of an OpenRPC document; methods that would stop the fuzzing itself are left out.
    public static func list(openRPC document: JSONValue) -> [FuzzMethod] {
        (document["methods"]?.arrayValue ?? []).compactMap { method in
            guard let name = method["name"]?.stringValue else { return nil }
            let parameters = (method["params"]?.arrayValue ?? []).compactMap { parameter -> (String, String)? in
                guard let name = parameter["name"]?.stringValue else { return nil }
                return (name, parameter["schema"]?["type"]?.stringValue ?? "any")
            }
            var example = JSONObject()
            for entry in method["examples"]?.arrayValue?.first?["params"]?.arrayValue ?? [] {
                if let key = entry["name"]?.stringValue, let value = entry["value"] { example[key] = value }
            }
            return FuzzMethod(name: name, parameters: parameters, example: .object(example))
        }
    }
}
