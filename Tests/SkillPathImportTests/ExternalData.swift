import Foundation
import SkillPathCore
import SkillPathProtocol
import SkillPathFixtures
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Where the shared, openly licensed data lives: `../shared/data/external/` beside the package, or the
/// folder `SKILLPATH_EXTERNAL_DATA` names (for a checkout somewhere else, such as a CI clone).
enum ExternalData {
    static let root = ProcessInfo.processInfo.environment["SKILLPATH_EXTERNAL_DATA"]
        ?? URL(fileURLWithPath: ProcessRunner.packageRoot).deletingLastPathComponent().appendingPathComponent("shared/data/external").path

    /// A dataset's folder.
    static func folder(_ name: String) -> String { "\(root)/\(name)" }

    /// Runs the test only when this checkout has the datasets; otherwise Swift Testing reports it skipped,
    /// with this message.
    static func needs(_ names: String...) -> ConditionTrait {
        let missing = names.filter { !FileManager.default.fileExists(atPath: folder($0)) }
        return .enabled(if: missing.isEmpty, Comment(rawValue: "\(missing.map(folder).joined(separator: ", ")) absent; set SKILLPATH_EXTERNAL_DATA to the folder holding the external data"))
    }

    /// Rows of a TSV file as dictionaries, for spot checks against the source. Throws when the file cannot
    /// be read or has no header, and when no row matches: a spot check of nothing checks nothing.
    static func rows(_ path: String, where predicate: ([String: String]) -> Bool) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard !lines.isEmpty else { throw SpotCheckError(message: "\(path) is empty") }
        let header = lines.removeFirst()
        let rows = lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count)))) }.filter(predicate)
        guard !rows.isEmpty else { throw SpotCheckError(message: "no row of \(path) matches the spot check") }
        return rows
    }

    struct SpotCheckError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs the CLI's importer and returns its output.
    static func importCatalog(_ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run("skillpath", ["catalog", "import"] + arguments, timeout: 600)
    }
}

/// Plans each role of a served catalog from an empty profile through the daemon and checks every plan by replay.
func expectServedPlansAreValid(_ daemon: DaemonProcess, catalog: Catalog, roles: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Plan] {
    let client = try daemon.client()
    var plans: [Plan] = []
    for role in roles {
        let reply = try client.result("paths.plan", .object([("profile", .object([])), ("targetRole", .string(role))]))
        let plan = try Plan(json: reply)
        let problems = PlanReplay.problems(plan, catalog: catalog, profile: Profile())
        #expect(problems.isEmpty, "\(role): \(problems)", sourceLocation: sourceLocation)
        plans.append(plan)
    }
    return plans
}
