/// A parsed JSON document, kept close to its text.
///
/// Numbers keep their literal text so that an id such as `12345678901234567890` is echoed back exactly and
/// fixed-point quantities (`7.25` hours) parse without binary rounding. Objects keep their members in source
/// order, which makes output deterministic: a value written twice is the same bytes twice.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// An object's members in source order, plus the line it started on (1-based, 0 when built in code).
///
/// Lookups are linear: the objects this product handles have a handful of members, and keeping them in an
/// array is both faster to build and stable in order.
public struct JSONObject: Sendable, Equatable {
    public var members: [JSONMember]
    public var line: Int

    public init(_ members: [JSONMember] = [], line: Int = 0) {
        self.members = members
        self.line = line
    }

    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(JSONMember(key, newValue))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }

    /// Ignores `line`: two objects are equal when their members are.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members == rhs.members
    }
}
