import Foundation
import SkillPathCore
import SkillPathFuzz
import SkillPathTestSupport
import Testing

/// The catalog loader on hundreds of damaged copies of a valid catalog: each load gives a catalog, or a
/// rejection whose every error names its file (and line, once the file parses). A crash fails the process.
@Suite struct CatalogFuzzTests {
    @Test func theLoaderSurvivesDamagedCatalogs() throws {
        var mutator = FileMutator(seed: 10)
        let original = Fixtures.files.mapValues { Array($0.utf8) }
        var loaded = 0
        for run in 0..<400 {
            let directory = TemporaryDirectory()
            for (file, bytes) in mutator.mutate(original) {
                let path = "\(directory.path)/catalog/\(file)"
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            do {
                let catalog = try CatalogLoader.load(directory: "\(directory.path)/catalog")
                _ = try? Planner(catalog: catalog).plan(profile: Profile(), targetRole: catalog.roles.first?.id ?? "none")
                loaded += 1
            } catch {
                for problem in error.errors {
                    #expect(!problem.location.file.isEmpty, "run \(run): \(problem)")
                    #expect(problem.location.line > 0 || problem.code == .unreadable, "run \(run): \(problem)")
                }
            }
        }
        #expect(loaded > 0)
    }
}
