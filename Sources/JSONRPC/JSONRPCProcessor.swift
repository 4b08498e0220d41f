public import SkillPathJSON

/// Turns one received line into the line to send back, following JSON-RPC 2.0 to the letter: batches,
/// notifications (no reply), the spec's error codes, an id on every error reply when one can be recovered.
public enum JSONRPCProcessor {
    /// What handling a single request produced.
    public typealias Outcome = Result<JSONValue, JSONRPCError>

    /// The reply to `line`, or nil when nothing must be sent (a notification, or a batch of them).
    public static func reply(to line: [UInt8], handle: (JSONRPCRequest) -> Outcome) -> [UInt8]? {
        let document: JSONValue
        do {
            document = try JSONParser.parse(line)
        } catch {
            return JSONWriter.bytes(errorResponse(.null, .parseError("\(error.message) at column \(error.column)")))
        }
        if let batch = document.arrayValue {
            guard !batch.isEmpty else {
                return JSONWriter.bytes(errorResponse(.null, .invalidRequest("an empty batch")))
            }
            let replies = batch.compactMap { respond(to: JSONRPCMessage($0), handle: handle) }
            return replies.isEmpty ? nil : JSONWriter.bytes(.array(replies))
        }
        return respond(to: JSONRPCMessage(document), handle: handle).map { JSONWriter.bytes($0) }
    }

    static func respond(to message: JSONRPCMessage, handle: (JSONRPCRequest) -> Outcome) -> JSONValue? {
        switch message {
        case .invalid(let id, let error):
            return errorResponse(id, error)
        case .request(let request):
            let outcome = handle(request)
            guard let id = request.id else { return nil }
            switch outcome {
            case .success(let result): return successResponse(id, result)
            case .failure(let error): return errorResponse(id, error)
            }
        }
    }

    public static func successResponse(_ id: JSONRPCID, _ result: JSONValue) -> JSONValue {
        .object([("jsonrpc", "2.0"), ("result", result), ("id", id.json)])
    }

    public static func errorResponse(_ id: JSONRPCID, _ error: JSONRPCError) -> JSONValue {
        .object([("jsonrpc", "2.0"), ("error", error.json), ("id", id.json)])
    }
}
