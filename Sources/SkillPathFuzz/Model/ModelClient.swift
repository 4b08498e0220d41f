public import SkillPathJSON

/// JSON-RPC calls over one connection, as the model test makes them: each reply is its result or its error.
public final class ModelClient {
    /// What a call came back with.
    public enum Reply {
        case result(JSONValue)
        case error(code: Int, message: String)

        public var result: JSONValue? {
            if case .result(let value) = self { return value }
            return nil
        }

        public var summary: String {
            switch self {
            case .result(let value): "result \(String(JSONWriter.string(value).prefix(300)))"
            case .error(let code, let message): "error \(code): \(message)"
            }
        }
    }

    /// The connection failed or the daemon answered with something that is not a JSON-RPC reply.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    var connection: LineConnection
    var nextID = 0

    public init(socketPath: String, timeout: Double = 60) throws {
        connection = try LineConnection(socketPath: socketPath, timeout: timeout)
    }

    public func call(_ method: String, _ params: JSONValue = .object([])) throws -> Reply {
        nextID += 1
        let request: JSONValue = .object([("jsonrpc", "2.0"), ("id", .int(nextID)), ("method", .string(method)), ("params", params)])
        try connection.send(Array((JSONWriter.string(request) + "\n").utf8))
        guard let line = try connection.readLine() else { throw Failure(description: "the daemon closed the connection during \(method)") }
        let reply = try JSONParser.parse(line)
        if let error = reply["error"] {
            return .error(code: error["code"]?.intValue ?? 0, message: error["message"]?.stringValue ?? "")
        }
        guard let result = reply["result"] else { throw Failure(description: "\(method): a reply with neither result nor error") }
        return .result(result)
    }

    /// The call's result; an error reply is a failure of the run (for the reads the checks make).
    public func result(_ method: String, _ params: JSONValue = .object([])) throws -> JSONValue {
        switch try call(method, params) {
        case .result(let value): return value
        case .error(let code, let message): throw Failure(description: "\(method) \(JSONWriter.string(params)): error \(code): \(message)")
        }
    }

    /// Every item of a paged list method.
    public func all(_ method: String, _ params: JSONObject = JSONObject()) throws -> [JSONValue] {
        var items: [JSONValue] = []
        var cursor: JSONValue?
        repeat {
            var page = params
            page["limit"] = .int(500)
            if let cursor { page["cursor"] = cursor }
            let result = try self.result(method, .object(page))
            items += result["items"]?.arrayValue ?? []
            // JSONValue takes nil as null: test for null itself, not for a missing value.
            if let next = result["nextCursor"], !next.isNull { cursor = next } else { cursor = nil }
        } while cursor != nil
        return items
    }
}
