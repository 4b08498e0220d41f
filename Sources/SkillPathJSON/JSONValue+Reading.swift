/// Typed views of a value. Each returns nil when the value has another type, so callers can say
/// exactly what they expected in their own error messages.
extension JSONValue {
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The number as an integer, when its literal is one (no fraction, no exponent, in range).
    public var intValue: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The JSON type's name as a user would say it, for messages such as "expected a number, got a string".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// The first member name given twice in one object, anywhere inside this value, with where: `params.options`
    /// for a duplicate inside `{"params": {"options": {...}}}`. RFC 8259 leaves such documents' meaning to the
    /// reader; a request is refused rather than read one way when its sender meant the other.
    public var firstDuplicateKey: (path: String, key: String)? {
        switch self {
        case .object(let object):
            if let repeated = object.firstRepeatedKey { return ("", repeated) }
            for member in object.members {
                if let inner = member.value.firstDuplicateKey {
                    return (inner.path.isEmpty ? member.key : "\(member.key).\(inner.path)", inner.key)
                }
            }
            return nil
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let inner = element.firstDuplicateKey {
                    return (inner.path.isEmpty ? "[\(index)]" : "[\(index)].\(inner.path)", inner.key)
                }
            }
            return nil
        default:
            return nil
        }
    }
}

extension JSONObject {
    /// The first key given a second time. A request has a handful of members, where comparing each pair
    /// costs less than hashing every key into a set; large objects (a client's bulk upload) are hashed.
    var firstRepeatedKey: String? {
        let members = members
        if members.count <= 12 {
            for later in members.indices.dropFirst() {
                for earlier in members.indices[..<later] where members[earlier].key == members[later].key { return members[later].key }
            }
            return nil
        }
        var seen = Set<String>()
        for member in members where !seen.insert(member.key).inserted { return member.key }
        return nil
    }
}
