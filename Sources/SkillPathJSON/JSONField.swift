/// A value found at a path in a request, read with precise errors.
///
/// Request decoding throws on the first problem (unlike catalog loading, which collects them): a client
/// fixes one parameter at a time, and the message names it, e.g. `options.formats[1]: expected a string, got a number`.
public struct JSONField: Sendable {
    public let value: JSONValue
    /// Where the value sits, e.g. `profile.skills[2]`; empty for the root.
    public let path: String

    public init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    public func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`, or nil when it is absent or null.
    public func optional(_ key: String) throws(JSONFieldError) -> JSONField? {
        let object = try objectValue()
        guard let member = object[key], !member.isNull else { return nil }
        return JSONField(member, path: child(key))
    }

    public func required(_ key: String) throws(JSONFieldError) -> JSONField {
        guard let field = try optional(key) else {
            throw JSONFieldError(path: child(key), message: "is required")
        }
        return field
    }

    public func objectValue() throws(JSONFieldError) -> JSONObject {
        guard let object = value.objectValue else { throw mismatch("an object") }
        return object
    }

    /// A non-empty string with no control characters (`ControlCharacters`): every id, login, event id and
    /// name a request carries is read here.
    public func string() throws(JSONFieldError) -> String {
        guard let text = value.stringValue else { throw mismatch("a string") }
        guard !text.isEmpty else { throw JSONFieldError(path: path, message: "must not be empty") }
        if let complaint = ControlCharacters.complaint(about: text) { throw JSONFieldError(path: path, message: complaint) }
        return text
    }

    public func bool() throws(JSONFieldError) -> Bool {
        guard let flag = value.boolValue else { throw mismatch("true or false") }
        return flag
    }

    public func int(in range: ClosedRange<Int>? = nil) throws(JSONFieldError) -> Int {
        guard let number = value.intValue else { throw mismatch("a whole number") }
        if let range, !range.contains(number) {
            throw JSONFieldError(path: path, message: "must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
        }
        return number
    }

    public func array() throws(JSONFieldError) -> [JSONField] {
        guard let elements = value.arrayValue else { throw mismatch("an array") }
        return elements.enumerated().map { JSONField($1, path: "\(path)[\($0)]") }
    }

    public func strings() throws(JSONFieldError) -> [String] {
        var result: [String] = []
        for element in try array() { result.append(try element.string()) }
        return result
    }

    /// Refuses members outside `allowed`, suggesting the closest allowed name.
    public func checkKeys(_ allowed: [String]) throws(JSONFieldError) {
        for key in try objectValue().keys where !allowed.contains(key) {
            throw JSONFieldError(path: child(key), message: "is not a known field (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    public func mismatch(_ expected: String) -> JSONFieldError {
        JSONFieldError(path: path, message: "expected \(expected), got \(value.typeName)")
    }
}

/// A request value that is missing or of the wrong type or range.
public struct JSONFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path) \(message)" }
}
