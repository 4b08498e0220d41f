public import SkillPathJSON

/// Turns one received line into the line to send back, following JSON-RPC 2.0 to the letter: batches,
/// notifications (no reply), the spec's error codes, an id on every error reply when one can be recovered,
/// and within `ReplyLimits`.
public enum JSONRPCProcessor {
    /// What handling a single request produced.
    public typealias Outcome = Result<JSONValue, JSONRPCError>

    /// Answers `line`, writing the reply line (newline included) through `write` as it is produced; writes
    /// nothing when nothing must be sent (a notification, or a batch of them). Rethrows `write`'s errors.
    public static func answer(
        _ line: [UInt8], limits: ReplyLimits, handle: (JSONRPCRequest) -> Outcome, write: @escaping ([UInt8]) throws -> Void
    ) throws {
        let document: JSONValue
        do {
            document = try JSONParser.parse(line)
        } catch {
            try write(lineBytes(errorResponse(.null, .parseError("\(error.message) at column \(error.column)"))))
            return
        }
        guard let batch = document.arrayValue else {
            let message = JSONRPCMessage(document)
            guard let response = respond(to: message, handle: handle) else { return }
            try write(bounded(JSONWriter.bytes(response), id: message.id, remaining: limits.maxReplyBytes, limits: limits) + [0x0A])
            return
        }
        guard !batch.isEmpty else {
            try write(lineBytes(errorResponse(.null, .invalidRequest("an empty batch"))))
            return
        }
        guard batch.count <= limits.maxBatchRequests else {
            try write(lineBytes(errorResponse(.null, limits.error(.batchTooLong(count: batch.count, limit: limits.maxBatchRequests)))))
            return
        }
        var stream = ReplyStream(limit: limits.maxReplyBytes, write: write)
        for element in batch {
            let message = JSONRPCMessage(element)
            if stream.isSpent {
                // Not run: a notification among them is dropped, as a request that never arrived would be.
                if let id = message.id { try stream.append(JSONWriter.bytes(errorResponse(id, limits.error(.notRun(limit: limits.maxReplyBytes))))) }
                continue
            }
            guard let response = respond(to: message, handle: handle) else { continue }
            let bytes = JSONWriter.bytes(response)
            if bytes.count > stream.remaining {
                stream.markSpent()
                try stream.append(bounded(bytes, id: message.id, remaining: stream.remaining, limits: limits))
            } else {
                try stream.append(bytes)
            }
        }
        try stream.finish()
    }

    /// `reply`, or in its place an error naming its size when it is larger than `remaining`.
    private static func bounded(_ reply: [UInt8], id: JSONRPCID?, remaining: Int, limits: ReplyLimits) -> [UInt8] {
        guard reply.count > remaining else { return reply }
        let refusal = limits.error(.replyTooLarge(size: reply.count, remaining: remaining, limit: limits.maxReplyBytes))
        return JSONWriter.bytes(errorResponse(id ?? .null, refusal))
    }

    private static func lineBytes(_ response: JSONValue) -> [UInt8] {
        JSONWriter.bytes(response) + [0x0A]
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
