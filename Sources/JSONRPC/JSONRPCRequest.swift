public import SkillPathJSON

/// A well-formed request or notification.
public struct JSONRPCRequest: Sendable {
    /// nil for a notification, which gets no response.
    public var id: JSONRPCID?
    public var method: String
    /// Absent, an object (by name) or an array (by position).
    public var params: JSONValue?

    public init(id: JSONRPCID?, method: String, params: JSONValue?) {
        self.id = id
        self.method = method
        self.params = params
    }

    public var isNotification: Bool { id == nil }

    public var json: JSONValue {
        .object([("jsonrpc", "2.0"), ("method", .string(method)), ("params", params), ("id", id?.json)])
    }
}

/// One element of what a client sent: a request to answer, or something broken to answer with an error.
public enum JSONRPCMessage: Sendable {
    case request(JSONRPCRequest)
    /// Not a valid request. The id is what could be recovered from it (null when none), so the error reply
    /// still reaches the right caller when possible.
    case invalid(JSONRPCID, JSONRPCError)

    /// Reads one request object, recovering its id even when the rest is wrong.
    public init(_ value: JSONValue) {
        guard let object = value.objectValue else {
            self = .invalid(.null, .invalidRequest("a request must be an object, got \(value.typeName)"))
            return
        }
        // Which `id`, which `method`? With a member given twice the request means two things: refuse it,
        // and answer with a null id, since even the id is in doubt when it is the one repeated.
        if let duplicate = value.firstDuplicateKey {
            let place = duplicate.path.isEmpty ? "" : " in '\(duplicate.path)'"
            self = .invalid(.null, .invalidRequest("member '\(duplicate.key)'\(place) is given more than once"))
            return
        }
        var id: JSONRPCID?
        switch object["id"] {
        case nil: id = nil
        case .string(let text)?: id = .string(text)
        case .number(let literal)?: id = .number(literal)
        case .null?: id = .null
        case let other?:
            self = .invalid(.null, .invalidRequest("'id' must be a string, a number or null, got \(other.typeName)"))
            return
        }
        guard object["jsonrpc"] == .string("2.0") else {
            self = .invalid(id ?? .null, .invalidRequest("'jsonrpc' must be \"2.0\""))
            return
        }
        guard let method = object["method"]?.stringValue else {
            self = .invalid(id ?? .null, .invalidRequest("'method' must be a string"))
            return
        }
        let params = object["params"]
        if let params, params.objectValue == nil, params.arrayValue == nil {
            self = .invalid(id ?? .null, .invalidRequest("'params' must be an object or an array, got \(params.typeName)"))
            return
        }
        self = .request(JSONRPCRequest(id: id, method: method, params: params))
    }
}

extension JSONRPCMessage {
    /// The id a reply to this message carries; nil for a notification.
    var id: JSONRPCID? {
        switch self {
        case .invalid(let id, _): id
        case .request(let request): request.id
        }
    }
}
