import Foundation
public import SkillPathCore
import SkillPathJSON

/// What an importer produced: catalog items, the attribution the source's license requires, and an account
/// of what was imported and skipped.
public struct ImportedCatalog: Sendable {
    public var skills: [Skill] = []
    public var courses: [Course] = []
    public var roles: [Role] = []
    public var transitions: [Transition] = []
    public var attribution: String
    public var summary = ImportSummary()

    public init(attribution: String) {
        self.attribution = attribution
    }

    /// Validates the items as `catalog check` would, so an import never writes a catalog the daemon refuses.
    /// `base` adds the items of another catalog the output will be served with (for course lists that refer
    /// to its skills).
    public func validated(with base: Catalog? = nil) throws(CatalogRejection) -> Catalog {
        try Catalog(
            skills: skills + (base?.skills ?? []), courses: courses + (base?.courses ?? []), roles: roles + (base?.roles ?? []),
            transitions: transitions + (base?.transitions ?? []))
    }

    /// Writes `skills.json`, `courses.json` (split every 20,000 courses), `roles.json`, `transitions.json`
    /// and `ATTRIBUTION` into `directory`, sorted by id and pretty-printed, so re-running an import gives
    /// byte-identical files. Sections with nothing in them are not written.
    public func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func save(_ name: String, _ key: String, _ values: [JSONValue]) throws {
            let path = "\(directory)/\(name)"
            guard !values.isEmpty else {
                try? FileManager.default.removeItem(atPath: path)
                return
            }
            let document = JSONValue.object(JSONObject([JSONMember(key, .array(values))]))
            try Data(JSONWriter.bytes(document, style: .pretty) + [0x0A]).write(to: URL(fileURLWithPath: path))
        }
        func byID<T>(_ items: [T], _ id: (T) -> String) -> [T] { items.sorted { id($0).utf8.lexicographicallyPrecedes(id($1).utf8) } }
        try save("skills.json", "skills", byID(skills, \.id).map(\.json))
        let courses = byID(courses, \.id)
        let chunk = 20_000
        if courses.count <= chunk {
            try save("courses.json", "courses", courses.map(\.json))
        } else {
            for start in stride(from: 0, to: courses.count, by: chunk) {
                try save("courses-\(start / chunk + 1).json", "courses", courses[start..<min(start + chunk, courses.count)].map(\.json))
            }
        }
        try save("roles.json", "roles", byID(roles, \.id).map(\.json))
        let transitions = transitions.sorted { ($0.from, $0.to, $0.kind.rawValue) < ($1.from, $1.to, $1.kind.rawValue) }
        try save("transitions.json", "transitions", transitions.map(\.json))
        try Data((attribution + "\n").utf8).write(to: URL(fileURLWithPath: "\(directory)/ATTRIBUTION"))
    }
}

/// Counts of what was imported and skipped, and why, for the importer's report.
public struct ImportSummary: Sendable {
    public var imported: [(String, Int)] = []
    public var skipped: [(String, Int)] = []
    public var notes: [String] = []

    public mutating func count(_ label: String, _ value: Int) { imported.append((label, value)) }

    public mutating func skip(_ reason: String, _ value: Int) {
        if value > 0 { skipped.append((reason, value)) }
    }

    public var lines: [String] {
        var lines = imported.map { "  \($0.0): \($0.1)" }
        if !skipped.isEmpty {
            lines.append("skipped:")
            lines += skipped.map { "  \($0.0): \($0.1)" }
        }
        lines += notes.map { "note: \($0)" }
        return lines
    }
}

/// A problem with an import's input: the file, and the line and column when they are known.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(_ error: CSVError) {
        self.init(file: error.file, line: error.line, column: error.columnName ?? error.column.map { "\($0)" }, message: error.message)
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ", column '\(column)'" }
        return "\(place): \(message)"
    }
}
