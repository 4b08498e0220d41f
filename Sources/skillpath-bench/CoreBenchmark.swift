import Foundation
import SkillPathCore
import SkillPathFixtures

/// Load, validate and index a generated catalog; plan latency over seeded profiles. Run on each catalog
/// structure in turn (`--structure all`), since a figure counts only if it holds on all of them.
struct CoreBenchmark {
    var structures: [CatalogStructure]
    var skills: Int
    var courses: Int
    var roles: Int
    var plans: Int
    var seed: UInt64
    /// The planner's search work limit (`Planner.searchWork`).
    var work = Planner.defaultSearchWork
    /// Where to write the generated catalog; a temporary folder, removed afterwards, when nil.
    var output: String?
    /// Preferred course formats for every plan (`--prefer video,reading`), or nil.
    var preferred: Set<String>?
    /// How many skills each profile holds (`CatalogGenerator.questions`); nil for the current role's only.
    var profileSizes: ClosedRange<Int>?
    /// The effort of every plan (`--effort`).
    var effort = PlanOptions.Effort.standard

    func run() -> Int32 {
        for structure in structures {
            let status = run(structure)
            if status != 0 { return status }
        }
        return 0
    }

    func run(_ structure: CatalogStructure) -> Int32 {
        let directory = output.map { structures.count > 1 ? "\($0)/\(structure.rawValue)" : $0 }
            ?? NSTemporaryDirectory() + "skillpath-bench-\(getpid())-\(structure.rawValue)"
        defer { if output == nil { try? FileManager.default.removeItem(atPath: directory) } }
        say("[\(structure.rawValue)] generating \(courses) courses, \(skills) skills, \(roles) roles (seed \(seed))…")
        var generated: CatalogGenerator.Output?
        let generation = Measure.seconds { generated = structure.generate(skills: skills, courses: courses, roles: roles, seed: seed) }
        guard let output = generated else { return 1 }
        do {
            try CatalogWriter.write(output, to: directory)
        } catch {
            say("Error: cannot write the catalog: \(error)")
            return 1
        }
        generated = nil
        let bytes = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).reduce(0) { total, name in
            total + (((try? FileManager.default.attributesOfItem(atPath: "\(directory)/\(name)"))?[.size] as? Int) ?? 0)
        }
        say(String(format: "  generated in %.2f s, %.1f MiB of JSON", generation, Double(bytes) / 1_048_576))

        // Load in a fresh process so that its peak memory is the loader's alone.
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        probe.arguments = ["load", "--dir", directory]
        try? probe.run()
        probe.waitUntilExit()

        var catalog: Catalog?
        let load = Measure.seconds { catalog = try? CatalogLoader.load(directory: directory) }
        guard let catalog else {
            say("Error: the generated catalog was rejected")
            return 1
        }
        let unreachable = catalog.warnings.count { $0.code == .unreachableRequirement }
        say(String(format: "  in-process load: %.3f s (%d warnings, %d courses not takeable from zero)", load, catalog.warnings.count, unreachable))
        var options = PlanOptions()
        options.preferredFormats = preferred
        options.effort = effort
        PlanLatency.report(catalog: catalog, questions: CatalogGenerator.questions(for: catalog, count: plans, seed: seed, profileSizes: profileSizes), work: work, options: options)
        if let seconds = ProcessInfo.processInfo.environment["SKILLPATH_BENCH_PROFILE_SECONDS"].flatMap(Double.init) {
            // For `perf record`: keep planning the same questions so that planning dominates the profile.
            let planner = Planner(catalog: catalog, searchWork: work)
            let questions = CatalogGenerator.questions(for: catalog, count: plans, seed: seed, profileSizes: profileSizes)
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .seconds(seconds) {
                for question in questions { _ = try? planner.plan(profile: question.profile, targetRole: question.target) }
            }
        }
        return 0
    }
}

/// `skillpath-bench load --dir DIR`: the child process of the core benchmark.
enum LoadProbe {
    static func run(directory: String) -> Int32 {
        let before = Measure.peakMemoryMiB()
        var catalog: Catalog?
        var rejection: CatalogRejection?
        let elapsed = Measure.seconds {
            do { catalog = try CatalogLoader.load(directory: directory) } catch let error as CatalogRejection { rejection = error } catch {}
        }
        if let rejection {
            say("Error: \(rejection.errors.count) errors, first: \(rejection.errors.first.map(String.init(describing:)) ?? "none")")
            return 1
        }
        guard let catalog else {
            say("Error: cannot load \(directory)")
            return 1
        }
        say(String(format: "  load + validate + index: %.3f s, peak memory %.0f MiB (process baseline %.0f MiB)",
                     elapsed, Measure.peakMemoryMiB(), before))
        say("  catalog: \(catalog.skills.count) skills, \(catalog.courses.count) courses, \(catalog.roles.count) roles, \(catalog.transitions.count) transitions")
        return 0
    }
}

/// Plans every question once, timing each, and prints the latency distribution.
enum PlanLatency {
    /// - Parameter options: the same for every question (`--prefer` sets preferred formats, which reweigh the search).
    static func report(catalog: Catalog, questions: [(profile: Profile, target: String)], work: Int = Planner.defaultSearchWork, options: PlanOptions = PlanOptions()) {
        let planner = Planner(catalog: catalog, searchWork: work)
        // As the daemon does in the background after each load: every role's floor (a plan from no skills).
        if ProcessInfo.processInfo.environment["SKILLPATH_BENCH_FLOORS"] != "lazy" {
            let floors = Measure.seconds { planner.prepareFloors() }
            say(String(format: "  floors for %d roles: %.2f s", catalog.roles.count, floors))
        }
        // The rest of what the daemon prepares in the background after a load, on catalogs small enough:
        // each role's cover, baseline and relaxation (SKILLPATH_BENCH_PREPARE=all to time it on any catalog).
        if catalog.courses.count <= Planner.rankingsPreparedUpTo || ProcessInfo.processInfo.environment["SKILLPATH_BENCH_PREPARE"] == "all" {
            let resident = Measure.residentMiB()
            let rankings = Measure.seconds { planner.prepareRankings() }
            say(String(format: "  every role prepared for ranking besides (the daemon's background work after a load): %.2f s, %+.0f MiB resident",
                       rankings, Measure.residentMiB() - resident))
        }
        for question in questions.prefix(50) { _ = try? planner.plan(profile: question.profile, targetRole: question.target, options: options) }
        var timings: [Double] = []
        var complete = 0
        var optimal = 0
        var steps = 0
        var unmet = 0
        for question in questions {
            var plan: Plan?
            let elapsed = Measure.seconds { plan = try? planner.plan(profile: question.profile, targetRole: question.target, options: options) }
            guard let plan else { continue }
            timings.append(elapsed)
            if plan.optimal { optimal += 1 }
            if plan.unmet.isEmpty { complete += 1 }
            steps += plan.steps.count
            unmet += plan.unmet.count
        }
        timings.sort()
        let count = Double(max(timings.count, 1))
        say("  plans: \(timings.count), p50 \(Measure.milliseconds(Measure.percentile(timings, 0.5))), p90 \(Measure.milliseconds(Measure.percentile(timings, 0.9))), p99 \(Measure.milliseconds(Measure.percentile(timings, 0.99))), max \(Measure.milliseconds(timings.last ?? 0))")
        say(String(format: "  proven optimal: %.1f%%, complete: %.1f%%, mean steps %.1f, mean unmet skills %.2f",
                     100 * Double(optimal) / count, 100 * Double(complete) / count, Double(steps) / count, Double(unmet) / count))
    }
}
