import SkillPathJSON

/// Whether a line the daemon sent is a valid JSON-RPC 2.0 reply: a response object, or a non-empty array of
/// them, or one of the notifications an event subscription sends (`events.event`, `events.cutOff`). Nil when
/// it is; otherwise what is wrong with it.
public enum ReplyCheck {
    public static func problem(in line: [UInt8]) -> String? {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            return "not JSON: \(error)"
        }
        if let batch = value.arrayValue {
            if batch.isEmpty { return "an empty batch reply" }
            for response in batch {
                if let problem = problem(inResponse: response) { return "in a batch: \(problem)" }
            }
            return nil
        }
        return problem(inResponse: value)
    }

    /// What a server sends unasked, after `events.subscribe`.
    static let serverNotifications: Set<String> = ["events.event", "events.cutOff"]

    static func problem(inResponse response: JSONValue) -> String? {
        guard let object = response.objectValue else { return "a response that is not an object" }
        guard object["jsonrpc"] == .string("2.0") else { return "no \"jsonrpc\": \"2.0\"" }
        if object["id"] == nil, let method = object["method"]?.stringValue {
            guard serverNotifications.contains(method) else { return "a notification of an unknown method '\(method)'" }
            return object["params"]?.objectValue == nil ? "a notification without params" : nil
        }
        guard let id = object["id"] else { return "no id" }
        switch id {
        case .string, .number, .null: break
        default: return "an id that is not a string, a number or null"
        }
        let hasResult = object["result"] != nil
        let error = object["error"]
        guard hasResult != (error != nil) else { return "not exactly one of result and error" }
        if let error {
            guard case .number(let code)? = error["code"], Int(code) != nil else { return "an error without an integer code" }
            guard error["message"]?.stringValue != nil else { return "an error without a message" }
        }
        return nil
    }
}
