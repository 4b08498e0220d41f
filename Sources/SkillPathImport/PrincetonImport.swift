import Foundation
public import SkillPathCore

/// Princeton's course prerequisites as a catalog. Each course teaches the skill "passed <course>" at level 1.
/// Prerequisite expressions become entry requirements:
///
/// - an AND of terms is several requirements;
/// - an OR group becomes one skill, "any of …", taught by each alternative course; an alternative that is
///   itself an AND group becomes a *credit* course (format `credit`, 0.01 h, free) that requires the group's
///   terms and teaches the OR skill, so any plan can satisfy the group by taking its members;
/// - ranges (`<SPA207`) and wildcards (`MAT2**`, `AAS***`, a bare `ECO`) are OR groups over the matching
///   courses; `$COURSE` (may be taken concurrently) is treated as a prerequisite, the conservative reading;
/// - equivalent course codes resolve to the listed course; references that match no course are dropped and
///   counted; a course's reference to itself (the two self-loops of the data) is dropped and reported;
/// - requirements that still make a course impossible to take (cycles among courses) are removed and reported.
///
/// Courses take `defaultHours` (120 h, a semester) and cost nothing. The data has no roles; the `--role`
/// option of the CLI adds roles requiring chosen courses.
public struct PrincetonImport: Sendable {
    public var folder: String
    public var defaultHours = Quantity(120)
    /// Course codes to make roles of: a role "goal-<course>" requiring "passed <course>".
    public var goalCourses: [String] = []

    public init(folder: String) {
        self.folder = folder
    }

    struct Listing {
        var key: String
        var code: String
        var department: String
        var number: Int
        var title: String
    }

    static func key(_ code: String) -> String { code.uppercased().filter { !$0.isWhitespace } }
    static func courseID(_ key: String) -> String { key.lowercased().replacingOccurrences(of: "^([a-z]+)", with: "$1-", options: .regularExpression) }
    static func passed(_ key: String) -> String { "passed-\(courseID(key))" }

    /// The courses as listed, in file order, with their equivalent codes and prerequisite expressions.
    struct Listings {
        var byKey: [String: Listing] = [:]
        var order: [String] = []
        var equivalents: [String: String] = [:]
        var expressions: [String: (line: Int, text: String)] = [:]
        var duplicates: [String] = []
        var rows = 0
    }

    var path: String { "\(folder)/derived/courses_prereqs.tsv" }

    public func run() throws(ImportError) -> ImportedCatalog {
        var result = ImportedCatalog(attribution: SourceFiles.attribution(folder: folder, fallback: "Princeton prerequisite data from TigerJunction (https://github.com/TigerAppsOrg/tiger-junction), Copyright (c) 2024, TigerApps, BSD 3-Clause License."))
        let listings = try readListings()
        let byDepartment = Dictionary(grouping: listings.order.compactMap { listings.byKey[$0] }, by: \.department)
        var encoder = Encoder(listings: listings.byKey, equivalents: listings.equivalents, byDepartment: byDepartment)
        let requirements = try encodeRequirements(listings, with: &encoder)
        addCatalog(listings, requirements: requirements, encoder: encoder, to: &result)
        try addGoals(listings, to: &result)
        let removed = result.removeImpossibleRequirements()
        summarise(&result, listings: listings, requirements: requirements, encoder: encoder, removed: removed)
        return result
    }

    func readListings() throws(ImportError) -> Listings {
        let table = try SourceFiles.tsv(path, escaped: true)
        let columns = try SourceFiles.columns(table, ["dept", "course", "title", "reqs_expanded"], optional: ["equiv"], file: path)
        var listings = Listings(rows: table.records.count)
        for record in table.records {
            guard let code = record.value("course", in: columns) else { continue }
            let key = Self.key(code)
            guard listings.byKey[key] == nil else {
                listings.duplicates.append("\(code) (line \(record.line))")
                continue
            }
            let department = record.value("dept", in: columns) ?? String(key.prefix { $0.isLetter })
            let number = Int(key.dropFirst(department.count).prefix { $0.isNumber }) ?? 0
            listings.byKey[key] = Listing(key: key, code: code, department: department, number: number, title: record.value("title", in: columns) ?? code)
            listings.order.append(key)
            for equivalent in (record.value("equiv", in: columns) ?? "").split(separator: ",") {
                let other = Self.key(String(equivalent))
                if listings.equivalents[other] == nil { listings.equivalents[other] = key }
            }
            if let text = record.value("reqs_expanded", in: columns) { listings.expressions[key] = (record.line, text) }
        }
        return listings
    }

    /// Each course's requirement skills, from its prerequisite expression.
    func encodeRequirements(_ listings: Listings, with encoder: inout Encoder) throws(ImportError) -> [String: [String]] {
        var requirements: [String: [String]] = [:]
        for key in listings.order {
            guard let expression = listings.expressions[key] else { continue }
            do {
                let parsed = try PrerequisiteExpression.parse(expression.text)
                requirements[key] = encoder.encode(parsed, excluding: key)
            } catch {
                throw ImportError(file: path, line: expression.line, column: "reqs_expanded", message: "\(error.message) in '\(expression.text)'")
            }
        }
        return requirements
    }

    /// The "passed" and "any of" skills, one course per listing and one credit course per AND group in an OR.
    func addCatalog(_ listings: Listings, requirements: [String: [String]], encoder: Encoder, to result: inout ImportedCatalog) {
        for key in listings.order {
            guard let listing = listings.byKey[key] else { continue }
            result.skills.append(Skill(id: Self.passed(key), name: "Passed \(listing.code)", category: listing.department))
        }
        for skill in encoder.orSkills.values.sorted(by: { $0.id < $1.id }) {
            result.skills.append(Skill(id: skill.id, name: skill.name, category: "any of"))
        }
        for key in listings.order {
            guard let listing = listings.byKey[key] else { continue }
            var teaches = [SkillLevel(skill: Self.passed(key), level: 1)]
            teaches += (encoder.extraTeaching[key] ?? []).sorted().map { SkillLevel(skill: $0, level: 1) }
            result.courses.append(Course(
                id: Self.courseID(key), title: "\(listing.code): \(listing.title)", provider: "Princeton University", format: "instructor-led",
                hours: defaultHours, teaches: teaches, requires: Self.unique(requirements[key] ?? []).map { SkillLevel(skill: $0, level: 1) },
                tags: [listing.department.lowercased()]))
        }
        for credit in encoder.credits.values.sorted(by: { $0.id < $1.id }) {
            result.courses.append(Course(
                id: credit.id, title: credit.title, provider: "Princeton University", format: "credit", hours: Quantity(hundredths: 1),
                teaches: [SkillLevel(skill: credit.teaches, level: 1)], requires: Self.unique(credit.requires).map { SkillLevel(skill: $0, level: 1) }))
        }
    }

    /// The roles `--role` asked for: "ready to have passed" each chosen course.
    func addGoals(_ listings: Listings, to result: inout ImportedCatalog) throws(ImportError) {
        for goal in goalCourses {
            let key = Self.key(goal)
            guard let listing = listings.byKey[key] else { throw ImportError(file: "--role", message: "no course '\(goal)' in \(path)") }
            result.roles.append(Role(id: "goal-\(Self.courseID(key))", title: "Ready to have passed \(listing.code)", family: listing.department,
                                     requires: [RoleRequirement(skill: Self.passed(key), level: 1)]))
        }
    }

    func summarise(_ result: inout ImportedCatalog, listings: Listings, requirements: [String: [String]], encoder: Encoder, removed: [String]) {
        result.summary.count("rows", listings.rows)
        result.summary.count("courses", listings.order.count)
        result.summary.count("courses with prerequisites", requirements.values.filter { !$0.isEmpty }.count)
        result.summary.count("\"any of\" skills for OR groups", encoder.orSkills.count)
        result.summary.count("credit courses for AND groups inside OR groups", encoder.credits.count)
        result.summary.count("may-be-concurrent ($) references treated as prerequisites", encoder.concurrent)
        result.summary.count("roles", result.roles.count)
        result.summary.skip("rows repeating a course code (the first is kept)", listings.duplicates.count)
        result.summary.skip("references matching no course", encoder.unresolved.values.reduce(0, +))
        result.summary.skip("self-references", encoder.selfLoops.count)
        result.summary.skip("requirements removed because they could never be met (cycles)", removed.count)
        if !encoder.selfLoops.isEmpty {
            result.summary.notes.append("self-loops removed: " + encoder.selfLoops.sorted().map { listings.byKey[$0]?.code ?? $0 }.joined(separator: ", "))
        }
        if !encoder.unresolved.isEmpty {
            result.summary.notes.append("unresolved references: " + encoder.unresolved.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        if !removed.isEmpty { result.summary.notes.append("requirements removed: " + removed.joined(separator: "; ")) }
        if !listings.duplicates.isEmpty { result.summary.notes.append("repeated course codes: " + listings.duplicates.joined(separator: ", ")) }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
