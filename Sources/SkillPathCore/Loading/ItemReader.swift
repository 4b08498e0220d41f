import SkillPathJSON

/// Reads the fields of one catalog object, collecting every problem instead of stopping at the first.
///
/// Each accessor checks the type and range it expects and records a diagnostic that names the file, the line
/// the object starts on, the item (`course 'py-101'`) and the field. Callers get nil for a field that is
/// missing or wrong, and decide whether the item is still usable.
struct ItemReader {
    let object: JSONObject
    let file: String
    let kind: String
    let position: Int
    private(set) var id: String?
    var diagnostics: [CatalogDiagnostic] = []

    init(_ object: JSONObject, file: String, kind: String, position: Int) {
        self.object = object
        self.file = file
        self.kind = kind
        self.position = position
    }

    var location: CatalogLocation { CatalogLocation(file: file, line: object.line) }

    /// `course 'py-101'`, or `course #3` (1-based, in its file) before the id is known or when it is missing.
    var subject: String { id.map { "\(kind) '\($0)'" } ?? "\(kind) #\(position + 1)" }

    var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    mutating func error(_ code: CatalogDiagnostic.Code, _ message: String) {
        diagnostics.append(CatalogDiagnostic(.error, code, at: location, subject: subject, message))
    }

    mutating func warning(_ code: CatalogDiagnostic.Code, _ message: String) {
        diagnostics.append(CatalogDiagnostic(.warning, code, at: location, subject: subject, message))
    }

    /// Reads the `id` field (or another key naming the item) and remembers it for later messages.
    mutating func readID(_ key: String = "id") -> String? {
        id = string(key, required: true)
        return id
    }

    /// Names an item that has no `id` field (a transition is named by its two roles).
    mutating func identify(as name: String) {
        id = name
    }

    /// A non-empty string field. Ids, names and titles may hold no control character but tab; `prose` (a
    /// description) may also break lines.
    mutating func string(_ key: String, required: Bool = false, prose: Bool = false) -> String? {
        guard let value = object[key], !value.isNull else {
            if required { error(.missingField, "missing required field '\(key)'") }
            return nil
        }
        guard let text = value.stringValue else {
            error(.invalidField, "'\(key)' must be a string, got \(value.typeName)")
            return nil
        }
        if text.isEmpty || text.allSatisfy(\.isWhitespace) {
            error(.invalidField, "'\(key)' must not be empty")
            return nil
        }
        if let complaint = ControlCharacters.complaint(about: text, allowingLineBreaks: prose) {
            error(.invalidField, "'\(key)' \(complaint)")
            return nil
        }
        return text
    }

    mutating func strings(_ key: String) -> [String] {
        guard let value = object[key], !value.isNull else { return [] }
        guard let array = value.arrayValue else {
            error(.invalidField, "'\(key)' must be an array of strings, got \(value.typeName)")
            return []
        }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.stringValue, !text.isEmpty else {
                error(.invalidField, "'\(key)[\(index)]' must be a non-empty string, got \(element.typeName)")
                continue
            }
            if let complaint = ControlCharacters.complaint(about: text) {
                error(.invalidField, "'\(key)[\(index)]' \(complaint)")
                continue
            }
            result.append(text)
        }
        return result
    }

    /// A string or a whole number, kept as text (grades are `"L3"` in one catalog and `3` in another).
    mutating func label(_ key: String) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        if case .number(let text) = value, let whole = Int(text) { return String(whole) }
        return string(key)
    }

    mutating func quantity(_ key: String, required: Bool = false) -> Quantity? {
        guard let value = object[key], !value.isNull else {
            if required { error(.missingField, "missing required field '\(key)'") }
            return nil
        }
        guard case .number(let text) = value else {
            error(.invalidField, "'\(key)' must be a number, got \(value.typeName)")
            return nil
        }
        switch Quantity.parse(text) {
        case .success(let quantity):
            return quantity
        case .failure(.outOfRange):
            error(.invalidField, "'\(key)' is out of range: \(Text.abbreviated(text)) (at most \(Quantity.limit))")
        case .failure(.notANumber):
            error(.invalidField, "'\(key)' must be a number, got \(Text.abbreviated(text))")
        }
        return nil
    }

    /// A list of `{skill, level}` objects, each level within 1–5.
    mutating func skillLevels(_ key: String, required: Bool = false) -> [SkillLevel] {
        guard let value = object[key], !value.isNull else {
            if required { error(.missingField, "missing required field '\(key)'") }
            return []
        }
        guard let array = value.arrayValue else {
            error(.invalidField, "'\(key)' must be an array of {skill, level} objects, got \(value.typeName)")
            return []
        }
        var result: [SkillLevel] = []
        for (index, element) in array.enumerated() {
            if let entry = skillLevelEntry(element, field: "\(key)[\(index)]", allowed: CatalogFileDecoder.Keys.level) {
                result.append(SkillLevel(skill: entry.skill, level: entry.level))
            }
        }
        return result
    }

    /// One `{skill, level, ...}` object; `allowed` lists the keys it may have.
    mutating func skillLevelEntry(_ element: JSONValue, field: String, allowed: FieldSet) -> (skill: String, level: Int, object: JSONObject)? {
        guard let entry = element.objectValue else {
            error(.invalidField, "'\(field)' must be an object {skill, level}, got \(element.typeName)")
            return nil
        }
        for key in entry.keys where !allowed.contains(key) {
            warning(.unknownField, "'\(field)' has unknown field '\(key)' (ignored)")
        }
        guard let skill = entry["skill"]?.stringValue, !skill.isEmpty else {
            error(.invalidField, "'\(field).skill' must be a skill id")
            return nil
        }
        guard let levelValue = entry["level"] else {
            error(.missingField, "'\(field)' (skill '\(skill)') is missing its level")
            return nil
        }
        guard let level = levelValue.intValue else {
            error(.levelOutOfRange, "'\(field)' (skill '\(skill)'): level must be a whole number from 1 to 5, got \(describe(levelValue))")
            return nil
        }
        guard SkillLevel.catalogLevels.contains(level) else {
            error(.levelOutOfRange, "'\(field)' (skill '\(skill)'): level \(level) is outside 1–5")
            return nil
        }
        return (skill, level, entry)
    }

    /// Warns about keys the format does not define (likely typos) and rejects keys given twice.
    ///
    /// Runs for every item of a catalog, so it hashes each key once and tracks the allowed keys seen in a
    /// bit mask; only unknown keys (rare) take the slower path.
    mutating func checkKeys(_ allowed: FieldSet) {
        var seen: UInt64 = 0
        var unknownSeen: [String] = []
        for key in object.keys {
            if let bit = allowed.bits[key] {
                if seen & bit != 0 { error(.duplicateField, "field '\(key)' is given more than once") }
                seen |= bit
            } else if unknownSeen.contains(key) {
                error(.duplicateField, "field '\(key)' is given more than once")
            } else {
                unknownSeen.append(key)
                let hint = Text.suggestion(for: key, among: allowed.names).map { " (did you mean '\($0)'?)" } ?? ""
                warning(.unknownField, "unknown field '\(key)' is ignored\(hint)")
            }
        }
    }

    func describe(_ value: JSONValue) -> String {
        switch value {
        case .number(let text): text
        case .string(let text): "\"\(text)\""
        default: value.typeName
        }
    }
}

/// The fields an item may have, each with its own bit.
struct FieldSet: Sendable {
    let names: [String]
    let bits: [String: UInt64]

    init(_ names: [String]) {
        self.names = names
        var bits: [String: UInt64] = [:]
        for (position, name) in names.enumerated() { bits[name] = 1 << UInt64(position) }
        self.bits = bits
    }

    func contains(_ name: String) -> Bool { bits[name] != nil }
}
