/// Convenience constructors, so encoders read like the JSON they build.
extension JSONValue {
    public static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        var kept: [JSONMember] = []
        kept.reserveCapacity(members.count)
        for (key, value) in members {
            if let value { kept.append(JSONMember(key, value)) }
        }
        return .object(JSONObject(kept))
    }

    public static func int<I: BinaryInteger>(_ value: I) -> JSONValue {
        guard let small = Int(exactly: value) else { return .number(String(value)) }
        return .number(DecimalText.string(small))
    }

    /// Writes a double in Swift's shortest round-tripping form; non-finite values become `null`
    /// because JSON has no spelling for them.
    public static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if abs(value) < 1e15, let whole = Int64(exactly: value) { return .number(String(whole)) }
        return .number(String(value))
    }

    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(nilLiteral: ()) { self = .null }
}
