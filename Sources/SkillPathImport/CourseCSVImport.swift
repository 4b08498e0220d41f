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

    public func run() throws(ImportErrors) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: "Courses imported from \(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")).")
        var errors: [ImportError] = []
        var referenced: [String] = []
        var rows = 0
        /// Where each course id was first listed, and every `after` reference with its place.
        var places: [String: (file: String, line: Int)] = [:]
        var afters: [(file: String, line: Int, course: String)] = []
        for file in files {
            let table: CSVTable
            let columns: CSVColumns
            do {
                table = try SourceFiles.csv(file)
                columns = try SourceFiles.columns(table, Self.required, optional: Self.optional, file: file)
            } catch {
                errors.append(error)
                continue
            }
            if !columns.unknown.isEmpty { result.summary.notes.append("\(file): columns ignored: \(columns.unknown.joined(separator: ", "))") }
            for record in table.records {
                rows += 1
                func fail(_ column: String, _ message: String) {
                    errors.append(ImportError(file: file, line: record.line, column: column, message: message))
                }
                var missing = false
                for column in Self.required where record.value(column, in: columns) == nil {
                    fail(column, "is empty")
                    missing = true
                }
                guard !missing, let id = record.value("id", in: columns), let title = record.value("title", in: columns),
                      let format = record.value("format", in: columns), let hoursText = record.value("hours", in: columns),
                      let teachesText = record.value("teaches", in: columns) else { continue }
                guard let hours = Quantity(literal: hoursText), hours > .zero, hours <= Course.maximumHours else {
                    fail("hours", "must be a number greater than 0 and at most \(Course.maximumHours), got '\(Text.abbreviated(hoursText))'")
                    continue
                }
                var cost = Quantity.zero
                if let text = record.value("cost", in: columns) {
                    guard let parsed = Quantity(literal: text), parsed >= .zero, parsed <= Course.maximumCost else {
                        fail("cost", "must be a number from 0 to \(Course.maximumCost), got '\(Text.abbreviated(text))'")
                        continue
                    }
                    cost = parsed
                }
                guard let teaches = parseLevels(teachesText, column: "teaches", fail: fail), !teaches.isEmpty else { continue }
                guard let requires = parseLevels(record.value("requires", in: columns) ?? "", column: "requires", fail: fail) else { continue }
                if let first = places[id] {
                    fail("id", "course '\(id)' is listed again (first at \(first.file):\(first.line))")
                    continue
                }
                places[id] = (file, record.line)
                let after = list(record.value("after", in: columns))
                afters += after.map { (file, record.line, $0) }
                referenced += (teaches + requires).map(\.skill)
                result.courses.append(Course(
                    id: id, title: title, provider: record.value("provider", in: columns),
                    format: format, hours: hours, cost: cost,
                    currency: record.value("currency", in: columns) ?? Course.defaultCurrency, language: record.value("language", in: columns) ?? Course.defaultLanguage,
                    teaches: teaches, requires: requires, after: after, url: record.value("url", in: columns),
                    tags: list(record.value("tags", in: columns))))
            }
        }
        for reference in afters where places[reference.course] == nil {
            errors.append(ImportError(
                file: reference.file, line: reference.line, column: "after",
                message: "names course '\(reference.course)', which no row lists"))
        }
        guard errors.isEmpty else { throw ImportErrors(errors: errors) }
        var created = Set<String>()
        for skill in referenced where !knownSkills.contains(skill) && created.insert(skill).inserted {
            result.skills.append(Skill(id: skill, name: skill))
        }
        result.summary.count("rows", rows)
        result.summary.count("courses", result.courses.count)
        result.summary.count("skills created for ids the courses name", created.count)
        if !knownSkills.isEmpty { result.summary.count("skills taken from the base catalog", Set(referenced).intersection(knownSkills).count) }
        return result
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
