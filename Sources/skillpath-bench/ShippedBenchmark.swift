import Foundation
import SkillPathCore
import SkillPathFixtures

/// Plan latency on the shipped catalog, with questions drawn the same way as for generated catalogs.
struct ShippedBenchmark {
    var catalog: String
    var plans: Int
    /// Preferred course formats for every plan (`--prefer video,reading`), or nil.
    var preferred: Set<String>?
    /// How many skills each profile holds (`CatalogGenerator.questions`); nil for the current role's only.
    var profileSizes: ClosedRange<Int>?
    /// The effort of every plan (`--effort`).
    var effort = PlanOptions.Effort.standard

    func run() -> Int32 {
        var loaded: Catalog?
        let load = Measure.seconds { loaded = try? CatalogLoader.load(directory: catalog) }
        guard let loaded else {
            say("Error: cannot load \(catalog)")
            return 1
        }
        say("Shipped catalog \(catalog): \(loaded.skills.count) skills, \(loaded.courses.count) courses, \(loaded.roles.count) roles, loaded in \(Measure.milliseconds(load))")
        var options = PlanOptions()
        options.preferredFormats = preferred
        options.effort = effort
        if let preferred { say("  preferring \(preferred.sorted().joined(separator: ", "))") }
        PlanLatency.report(catalog: loaded, questions: CatalogGenerator.questions(for: loaded, count: plans, seed: 7, profileSizes: profileSizes), options: options)
        return 0
    }
}
