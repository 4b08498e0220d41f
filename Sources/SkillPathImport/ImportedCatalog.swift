import Foundation
public import SkillPathCore
public import SkillPathJSON

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

    /// The catalog files this import writes: `skills.json`, `courses.json` (split every 20,000 courses),
    /// `roles.json` and `transitions.json`, items sorted by id, so re-running an import gives identical files.
    /// Sections with nothing in them are left out.
    public var files: [(file: String, document: JSONValue)] {
        func file(_ name: String, _ key: String, _ values: [JSONValue]) -> [(file: String, document: JSONValue)] {
            values.isEmpty ? [] : [(name, .object(JSONObject([JSONMember(key, .array(values))])))]
        }
        func byID<T>(_ items: [T], _ id: (T) -> String) -> [T] { items.sorted { id($0).utf8.lexicographicallyPrecedes(id($1).utf8) } }
        var files = file("skills.json", "skills", byID(skills, \.id).map(\.json))
        let courses = byID(courses, \.id)
        let chunk = 20_000
        if courses.count <= chunk {
            files += file("courses.json", "courses", courses.map(\.json))
        } else {
            for start in stride(from: 0, to: courses.count, by: chunk) {
                files += file("courses-\(start / chunk + 1).json", "courses", courses[start..<min(start + chunk, courses.count)].map(\.json))
            }
        }
        files += file("roles.json", "roles", byID(roles, \.id).map(\.json))
        let transitions = transitions.sorted { ($0.from, $0.to, $0.kind.rawValue) < ($1.from, $1.to, $1.kind.rawValue) }
        files += file("transitions.json", "transitions", transitions.map(\.json))
        return files
    }

    /// Lets the items go once `files` holds them: a 300,000-course import would otherwise hold them twice
    /// while it checks its output.
    public mutating func releaseItems() {
        (skills, courses, roles, transitions) = ([], [], [], [])
    }

    /// Decodes and validates `files` exactly as `catalog check` reads them from disk, so an import never
    /// writes a catalog the daemon refuses. `base` is another catalog the output will be served with (a
    /// course list using an O*NET import's skills, say); its files are checked alongside.
    public static func validate(_ files: [(file: String, document: JSONValue)], with base: Catalog? = nil) throws(CatalogRejection) -> Catalog {
        var documents = files
        if let base {
            documents.append(("(--skills-from)", .object(JSONObject([
                JSONMember("skills", .array(base.skills.map(\.json))), JSONMember("courses", .array(base.courses.map(\.json))),
                JSONMember("roles", .array(base.roles.map(\.json))), JSONMember("transitions", .array(base.transitions.map(\.json))),
            ]))))
        }
        return try CatalogLoader.load(documents: documents)
    }

    /// Writes `files` and the `ATTRIBUTION` into `directory`, pretty-printed, removing section files an
    /// earlier import left that this one does not have.
    public func write(_ files: [(file: String, document: JSONValue)], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let written = Set(files.map(\.file))
        let sections = ["skills.json", "courses.json", "roles.json", "transitions.json"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where !written.contains(name) {
            let ours = sections.contains(name) || name.wholeMatch(of: /courses-[0-9]+\.json/) != nil
            if ours { try FileManager.default.removeItem(atPath: "\(directory)/\(name)") }
        }
        for (name, document) in files {
            try Data(JSONWriter.bytes(document, style: .pretty) + [0x0A]).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
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

    public var lines: [String] { lines(verbose: true) }

    /// The report; unless `verbose`, a note that lists more than `shownItems` things ("…: a; b; c; …") shows
    /// the first of them and says how many more there are, as warnings do (O*NET's unrated occupations
    /// were one line of 6,746 characters).
    public func lines(verbose: Bool) -> [String] {
        var lines = imported.map { "  \($0.0): \(GroupedCount.text($0.1))" }
        if !skipped.isEmpty {
            lines.append("skipped:")
            lines += skipped.map { "  \($0.0): \(GroupedCount.text($0.1))" }
        }
        lines += notes.map { "note: " + (verbose ? $0 : Self.shortened($0)) }
        return lines
    }

    static let shownItems = 10


    /// "lead: a; b; …" with at most `shownItems` items, and how many were left out.
    static func shortened(_ note: String) -> String {
        guard let colon = note.range(of: ": ") else { return note }
        let list = note[colon.upperBound...]
        let separator = list.contains("; ") ? "; " : ", "
        let items = list.components(separatedBy: separator)
        guard items.count > shownItems else { return note }
        return note[..<colon.upperBound] + items.prefix(shownItems).joined(separator: separator)
            + "\(separator)… and \(items.count - shownItems) more (--verbose lists them all)"
    }
}

/// A problem with an import's input: the file, and the line and column when they are known.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: String?
    public var message: String
    /// The input file is missing or unreadable (the CLI's exit 66), rather than malformed (65).
    public var missingInput = false

    public init(file: String, line: Int? = nil, column: String? = nil, message: String, missingInput: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.missingInput = missingInput
    }

    public init(_ error: CSVError) {
        // Line 0 is the file as a whole: it could not be opened or read.
        self.init(file: error.file, line: error.line > 0 ? error.line : nil, column: error.columnName ?? error.column.map { "\($0)" }, message: error.message)
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ", column '\(column)'" }
        return "\(place): \(message)"
    }
}
