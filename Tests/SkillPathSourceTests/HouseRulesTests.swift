import Foundation
import SkillPathTestSupport
import Testing

/// The habits of the house that a review would otherwise have to catch, held by scanning the sources
/// (docs/testing.md): each rule names the files that break it.
@Suite struct HouseRulesTests {
    /// Handlers throw the domain error; only the one mapper builds the JSON-RPC form of an error.
    @Test func onlyTheMapperBuildsAnAPIError() throws {
        let sources = try SwiftSource.files(under: "Sources")
        try #require(sources.count > 100, "the scan found the sources")
        let mapper = "Sources/SkillPathAPI/Errors/APIError.swift"
        #expect(sources.contains { $0.relativePath == mapper })
        let offenders = sources.filter { $0.relativePath != mapper && $0.text.contains("APIError(") }.map(\.relativePath)
        #expect(offenders.isEmpty, "these build an APIError by hand instead of throwing the domain error: \(offenders)")
    }

    /// No function of the product is longer than a reader can hold: 80 lines.
    @Test func noFunctionIsOverEightyLines() throws {
        let sources = try SwiftSource.files(under: "Sources")
        let functions = sources.flatMap { source in FunctionLengths.functions(in: source).map { (source.relativePath, $0) } }
        try #require(functions.count > 1_000, "the scan found the functions (\(functions.count))")
        #expect(functions.contains { $0.1.lines > 20 }, "the scan measures bodies, not just declarations")
        let long = functions.filter { $0.1.lines > 80 }.map { "\($0.0):\($0.1.line) \($0.1.name) (\($0.1.lines) lines)" }
        #expect(long.isEmpty, "split into named steps: \(long)")
    }

    /// `Locked` is the one lock: Foundation's locks and Dispatch's semaphores are invisible to the
    /// sanitizer's view of our locking and would make two ways of doing one thing.
    @Test func lockedIsTheOneLock() throws {
        let sources = try SwiftSource.files(under: "Sources")
        try #require(!sources.isEmpty)
        let banned = ["NSLock(", "NSCondition(", "NSRecursiveLock(", "DispatchSemaphore(", "os_unfair_lock", "Mutex<", "Mutex("]
        let offenders = sources.filter { source in
            !source.relativePath.hasPrefix("Sources/Locking/") && !source.relativePath.hasPrefix("Sources/skillpath-bench/")
                && banned.contains { source.text.contains($0) }
        }.map(\.relativePath)
        #expect(offenders.isEmpty, "use Locked: \(offenders)")
    }

    /// Every module a target imports is one it declares in Package.swift, so the graph the manifest shows
    /// is the graph the code has.
    @Test func everyImportIsDeclared() throws {
        let manifest = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/Package.swift", encoding: .utf8)
        let targets = PackageTargets(manifest: manifest)
        try #require(targets.all.count >= 15, "the manifest's targets were read (\(targets.all.count))")
        var undeclared: [String] = []
        for target in targets.all {
            let sources = try SwiftSource.files(under: target.path)
            try #require(!sources.isEmpty, "\(target.name) has sources under \(target.path)")
            let imported = Set(sources.flatMap { source in source.text.split(separator: "\n").compactMap(Self.importedModule) })
            for module in imported.intersection(targets.names).subtracting([target.name]) where !target.dependencies.contains(module) {
                undeclared.append("\(target.name) imports \(module)")
            }
        }
        #expect(undeclared.isEmpty, "declare these in Package.swift: \(undeclared)")
    }

    /// `import X`, `public import X`, `@testable import X` → X.
    static func importedModule(_ line: Substring) -> String? {
        let qualifiers: Set<String> = ["public", "internal", "package", "private", "fileprivate"]
        let words = line.split(separator: " ").map(String.init).filter { !$0.hasPrefix("@") && !qualifiers.contains($0) }
        guard words.count > 1, words[0] == "import" else { return nil }
        return words[1]
    }
}

/// The targets of Package.swift as written: name, folder and the dependencies it declares.
struct PackageTargets {
    struct Target {
        var name: String
        var path: String
        var dependencies: Set<String>
    }

    let all: [Target]
    var names: Set<String> { Set(all.map(\.name)) + ["CSQLite"] }

    init(manifest: String) {
        var targets: [Target] = []
        for kind in [".target(", ".executableTarget(", ".testTarget("] {
            for part in manifest.components(separatedBy: kind).dropFirst() {
                let declaration = String(part.prefix { $0 != ")" })
                guard let name = Self.value(of: "name", in: declaration) else { continue }
                let dependencies = declaration.components(separatedBy: "dependencies: [").dropFirst().first.map { list in
                    Set(list.prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
                } ?? []
                let folder = Self.value(of: "path", in: declaration) ?? (kind == ".testTarget(" ? "Tests/\(name)" : "Sources/\(name)")
                targets.append(Target(name: name, path: folder, dependencies: dependencies))
            }
        }
        all = targets
    }

    private static func value(of key: String, in declaration: String) -> String? {
        guard let range = declaration.range(of: "\(key): \"") else { return nil }
        return String(declaration[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension Set {
    static func + (lhs: Set, rhs: [Element]) -> Set { lhs.union(rhs) }
}
