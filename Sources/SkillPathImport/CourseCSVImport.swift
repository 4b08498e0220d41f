import Foundation
import SkillPathCore

/// The course list an LMS exports, as catalog courses. Columns are matched by name in any order:
/// `id`, `title`, `format`, `hours` and `teaches` are required; `provider`, `cost`, `currency`, `language`,
/// `url`, `requires`, `after` and `tags` are optional. `teaches` and `requires` are `skill:level;skill:level`,
/// `after` and `tags` are `;`-separated.
///
/// Skills the courses name are created (named after their ids) unless `knownSkills` has them, so a course
/// list can be served on its own or beside another catalog (an O*NET import, say) whose skills it uses.
/// Every bad cell is reported with its file, line and column, all at once.
public struct CourseCSVImport: Sendable {
    public var files: [String]
    public var knownSkills: Set<String> = []

    public init(files: [String]) {
        self.files = files
    }

    public static let required = ["id", "title", "format", "hours", "teaches"]
    public static let optional = ["provider", "cost", "currency", "language", "url", "requires", "after", "tags"]

    /// Everything gathered while the files are read, a row at a time (a course list of millions of rows is
    /// never held whole, only the courses it makes).
    private struct Reading {
        var result: ImportedCatalog
        var errors: [ImportError] = []
        /// Skill ids the courses name, each once, in the order first named.
        var referenced: [String] = []
        var referencedSet = Set<String>()
        var rows = 0
        /// Where each course id was first listed, and every `after` reference with its place.
        var places: [String: (file: String, line: Int)] = [:]
        var afters: [(file: String, line: Int, course: String)] = []
    }

    public func run() throws(ImportErrors) -> ImportedCatalog {
        var reading = Reading(result: ImportedCatalog(attribution: "Courses imported from \(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))."))
        for file in files {
            do {
                try read(file, into: &reading)
            } catch {
                reading.errors.append(error)
            }
        }
        for reference in reading.afters where reading.places[reference.course] == nil {
            reading.errors.append(ImportError(
                file: reference.file, line: reference.line, column: "after",
                message: "names course '\(reference.course)', which no row lists"))
        }
        guard reading.errors.isEmpty else { throw ImportErrors(errors: reading.errors) }
        var result = reading.result
        var created = 0
        for skill in reading.referenced where !knownSkills.contains(skill) {
            result.skills.append(Skill(id: skill, name: skill))
            created += 1
        }
        result.summary.count("rows", reading.rows)
        result.summary.count("courses", result.courses.count)
        result.summary.count("skills created for ids the courses name", created)
        if !knownSkills.isEmpty { result.summary.count("skills taken from the base catalog", reading.referencedSet.intersection(knownSkills).count) }
        return result
    }

    /// One file, streamed: each row becomes a course or an error naming its line and column. A broken file
    /// (its CSV cannot be read on) stops at the first such break, as an error of its own.
    private func read(_ file: String, into reading: inout Reading) throws(ImportError) {
        var rows = try SourceFiles.csvRows(file)
        let columns = try SourceFiles.columns(rows, Self.required, optional: Self.optional)
        if !columns.unknown.isEmpty { reading.result.summary.notes.append("\(file): columns ignored: \(columns.unknown.joined(separator: ", "))") }
        while let record = try SourceFiles.next(&rows) {
            reading.rows += 1
            guard let course = course(record, columns: columns, file: file, into: &reading) else { continue }
            reading.places[course.id] = (file, record.line)
            reading.afters += course.after.map { (file, record.line, $0) }
            for skill in (course.teaches + course.requires).map(\.skill) where reading.referencedSet.insert(skill).inserted {
                reading.referenced.append(skill)
            }
            reading.result.courses.append(course)
        }
    }

    /// The course a row describes, or nil after reporting what is wrong with it.
    private func course(_ record: CSVRecord, columns: CSVColumns, file: String, into reading: inout Reading) -> Course? {
        func fail(_ column: String, _ message: String) {
            reading.errors.append(ImportError(file: file, line: record.line, column: column, message: message))
        }
        var missing = false
        for column in Self.required where record.value(column, in: columns) == nil {
            fail(column, "is empty")
            missing = true
        }
        guard !missing, let id = record.value("id", in: columns), let title = record.value("title", in: columns),
              let format = record.value("format", in: columns), let hoursText = record.value("hours", in: columns),
              let teachesText = record.value("teaches", in: columns) else { return nil }
        guard let hours = Quantity(literal: hoursText), hours > .zero, hours <= Course.maximumHours else {
            fail("hours", "must be a number greater than 0 and at most \(Course.maximumHours), got '\(Text.abbreviated(hoursText))'")
            return nil
        }
        var cost = Quantity.zero
        if let text = record.value("cost", in: columns) {
            guard let parsed = Quantity(literal: text), parsed >= .zero, parsed <= Course.maximumCost else {
                fail("cost", "must be a number from 0 to \(Course.maximumCost), got '\(Text.abbreviated(text))'")
                return nil
            }
            cost = parsed
        }
        guard let teaches = parseLevels(teachesText, column: "teaches", fail: fail), !teaches.isEmpty else { return nil }
        guard let requires = parseLevels(record.value("requires", in: columns) ?? "", column: "requires", fail: fail) else { return nil }
        if let first = reading.places[id] {
            fail("id", "course '\(id)' is listed again (first at \(first.file):\(first.line))")
            return nil
        }
        return Course(
            id: id, title: title, provider: record.value("provider", in: columns),
            format: format, hours: hours, cost: cost,
            currency: record.value("currency", in: columns) ?? Course.defaultCurrency, language: record.value("language", in: columns) ?? Course.defaultLanguage,
            teaches: teaches, requires: requires, after: list(record.value("after", in: columns)), url: record.value("url", in: columns),
            tags: list(record.value("tags", in: columns)))
    }

    func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `python:2; sql:1` → levels; reports a malformed entry and returns nil.
    func parseLevels(_ text: String, column: String, fail: (String, String) -> Void) -> [SkillLevel]? {
        var levels: [SkillLevel] = []
        for entry in list(text) {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]), (1...5).contains(level) else {
                fail(column, "expected skill:level with a level from 1 to 5, got '\(entry)'")
                return nil
            }
            levels.append(SkillLevel(skill: parts[0], level: level))
        }
        return levels
    }
}

/// Several input problems, all reported at once.
public struct ImportErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ImportError]

    public init(errors: [ImportError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
