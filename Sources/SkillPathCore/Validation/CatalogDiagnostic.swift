/// One problem found in a catalog: an error rejects the whole catalog, a warning does not.
///
/// Every diagnostic names its file and line, and the item it concerns, so that
/// `courses.json:12: error: course 'py-101': hours must be greater than 0` is enough to fix it.
public struct CatalogDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var code: Code
    public var location: CatalogLocation
    /// Set only for syntax errors, where the line alone is not enough.
    public var column: Int?
    /// The item concerned, as the user would name it: `course 'py-101'`, or `course #3` when it has no id.
    public var subject: String?
    public var message: String

    public init(
        _ severity: Severity, _ code: Code, at location: CatalogLocation, column: Int? = nil, subject: String? = nil,
        _ message: String
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.column = column
        self.subject = subject
        self.message = message
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        var text = location.description
        if let column { text += ":\(column)" }
        text += ": \(severity.rawValue): "
        if let subject { text += "\(subject): " }
        return text + message + " [\(code.rawValue)]"
    }

    /// A stable, machine-readable name for a kind of problem. Open, so later checks can add codes.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Errors
        public static let unreadable = Code(rawValue: "unreadable")
        public static let malformedJSON = Code(rawValue: "malformed-json")
        public static let invalidStructure = Code(rawValue: "invalid-structure")
        public static let missingField = Code(rawValue: "missing-field")
        public static let invalidField = Code(rawValue: "invalid-field")
        public static let duplicateField = Code(rawValue: "duplicate-field")
        public static let duplicateID = Code(rawValue: "duplicate-id")
        public static let unknownReference = Code(rawValue: "unknown-reference")
        public static let levelOutOfRange = Code(rawValue: "level-out-of-range")
        public static let invalidHours = Code(rawValue: "invalid-hours")
        public static let negativeCost = Code(rawValue: "negative-cost")
        public static let teachesNothing = Code(rawValue: "teaches-nothing")
        public static let repeatedSkill = Code(rawValue: "repeated-skill")
        public static let afterCycle = Code(rawValue: "after-cycle")
        public static let selfTransition = Code(rawValue: "self-transition")
        // Warnings
        public static let unknownField = Code(rawValue: "unknown-field")
        public static let untaughtLevel = Code(rawValue: "untaught-level")
        /// A course that cannot be taken starting from zero skills: only employees who hold its blocking levels can.
        public static let unreachableRequirement = Code(rawValue: "unreachable-requirement")
        public static let unusedCourse = Code(rawValue: "unused-course")
        public static let unusedSkill = Code(rawValue: "unused-skill")
        public static let mixedCurrencies = Code(rawValue: "mixed-currencies")
        public static let duplicateTransition = Code(rawValue: "duplicate-transition")
        public static let teachesNothingNew = Code(rawValue: "teaches-nothing-new")
        public static let duplicateXAPIActivity = Code(rawValue: "duplicate-xapi-activity")
    }
}

extension [CatalogDiagnostic] {
    /// Files in name order, then lines, then messages: the same catalog always lists its problems the same way.
    func sortedForReport() -> [CatalogDiagnostic] {
        // Each description is built once, as bytes (a byte comparison is several times faster than a generic
        // one over a String's UTF-8 view): a role with a hundred warnings on one line would otherwise build
        // them again for every comparison.
        let descriptions = map { [UInt8]($0.description.utf8) }
        return indices.sorted { a, b in
            let lhs = self[a], rhs = self[b]
            if lhs.location.file != rhs.location.file { return lhs.location.file.utf8.lexicographicallyPrecedes(rhs.location.file.utf8) }
            if lhs.location.line != rhs.location.line { return lhs.location.line < rhs.location.line }
            if lhs.severity != rhs.severity { return lhs.severity == .error }
            return descriptions[a].lexicographicallyPrecedes(descriptions[b])
        }.map { self[$0] }
    }
}
