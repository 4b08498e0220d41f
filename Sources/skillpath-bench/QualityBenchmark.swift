import Foundation
import SkillPathCore
import SkillPathFixtures

/// How good are plans? Two measures, each against an exact reference:
/// - small hostile catalogs (`HostileCatalog`, every structure knob varied) against brute force over every
///   subset of courses: validity, `unmet` exactness and distance from the optimum;
/// - large generated catalogs of each structure, the default search against effort `thorough` (a hundred
///   times longer, over every provider), on every question and wherever the long search proved its answer.
struct QualityBenchmark {
    var cases: Int
    var smallCases: Int
    var structures: [CatalogStructure]
    var work = Planner.defaultSearchWork
    /// How many skills each profile holds (`CatalogGenerator.questions`); nil for the current role's only.
    var profileSizes: ClosedRange<Int>?
    /// The effort of the fast side (`--effort`), against thorough.
    var effort = PlanOptions.Effort.standard

    func run() -> Int32 {
        small()
        if let shipped = try? CatalogLoader.load(directory: ProcessInfo.processInfo.environment["SKILLPATH_CATALOG"] ?? "Catalog") {
            compare(catalog: shipped, name: "shipped catalog, \(shipped.courses.count) courses", seed: 7)
        }
        for structure in structures { large(structure) }
        return 0
    }

    func small() {
        var valid = 0, exactUnmet = 0, within2 = 0, optimal = 0, measured = 0
        var worst = 0.0
        let planner = { (catalog: Catalog) in Planner(catalog: catalog, searchWork: work) }
        for seed in 0..<smallCases {
            var knobs = HostileCatalog.Knobs.varied(seed: UInt64(seed))
            knobs.courses = 8...13
            let testCase = HostileCatalog.make(seed: UInt64(900_000 + seed), knobs: knobs)
            guard let plan = try? planner(testCase.catalog).plan(profile: testCase.profile, targetRole: testCase.target, options: testCase.options) else { continue }
            if plan.contractViolations.isEmpty && PlanReplay.problems(plan, catalog: testCase.catalog, profile: testCase.profile, options: testCase.options).isEmpty {
                valid += 1
            }
            let oracle = ExhaustiveOracle(catalog: testCase.catalog, profile: testCase.profile, target: testCase.target, options: testCase.options)
            let answer = oracle.solve()
            if Set(plan.unmet.map(\.skill)) == answer.unreachable { exactUnmet += 1 }
            guard let best = answer.bestKey else { continue }
            measured += 1
            let key = oracle.key(plan.steps.compactMap { testCase.catalog.course($0.course) })
            if key == best { optimal += 1 }
            let excess = best.primary == 0 ? (key.primary == 0 ? 0 : 1) : Double(key.primary - best.primary) / Double(best.primary)
            if excess <= 0.02 { within2 += 1 }
            worst = max(worst, excess)
        }
        say("Small hostile catalogs (8–13 courses, every knob varied) against brute force, \(smallCases) cases:")
        say("  valid plans \(valid) (\(percent(valid, smallCases))), unmet exactly right \(exactUnmet) (\(percent(exactUnmet, smallCases)))")
        say("  on the \(measured) with a plan: optimal \(percent(optimal, measured)), within 2% \(percent(within2, measured)), worst excess \(String(format: "%.1f%%", worst * 100))")
    }

    func large(_ structure: CatalogStructure) {
        let output = structure.generate(skills: 30_000, courses: 100_000, roles: 5_000, seed: 42)
        guard let catalog = try? Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions) else {
            say("Error: generated \(structure.rawValue) catalog rejected")
            return
        }
        compare(catalog: catalog, name: "\(structure.rawValue), 100,000 courses", seed: 11)
    }

    /// The default search against effort `thorough` (a hundred times the search, over every provider of
    /// every level: no shortlist), on every question, and apart on the questions the long search proves.
    func compare(catalog: Catalog, name: String, seed: UInt64) {
        let planner = Planner(catalog: catalog, searchWork: work)
        var long = PlanOptions()
        long.effort = .thorough
        var short = PlanOptions()
        short.effort = effort
        var provenQuick = 0, provenThorough = 0, equal = 0, within2 = 0, compared = 0, closeAll = 0, worse5 = 0
        var worstGap = 0.0, totalGap = 0.0, worstAll = 0.0, fastTime = 0.0
        for question in CatalogGenerator.questions(for: catalog, count: cases, seed: seed, profileSizes: profileSizes) {
            var fast: Plan?
            fastTime += Measure.seconds { fast = try? planner.plan(profile: question.profile, targetRole: question.target, options: short) }
            guard let fast, let slow = try? planner.plan(profile: question.profile, targetRole: question.target, options: long) else { continue }
            if fast.optimal { provenQuick += 1 }
            let gap = slow.totals.hours.hundredths == 0 ? 0 : Double(fast.totals.hours.hundredths - slow.totals.hours.hundredths) / Double(slow.totals.hours.hundredths)
            compared += 1
            if gap <= 0.02 { closeAll += 1 }
            if gap > 0.05 { worse5 += 1 }
            worstAll = max(worstAll, gap)
            guard slow.optimal else { continue }
            provenThorough += 1
            if gap == 0 { equal += 1 }
            if gap <= 0.02 { within2 += 1 }
            worstGap = max(worstGap, gap)
            totalGap += gap
        }
        say("\(name), \(cases) questions (objective hours, effort \(effort.rawValue), search work \(work), against effort thorough), its plans \(Measure.milliseconds(fastTime / Double(max(compared, 1)))) on average:")
        say("  proven optimal: default \(percent(provenQuick, cases)), thorough \(percent(provenThorough, cases))")
        say("  against thorough's plan on all \(compared): within 2% \(percent(closeAll, compared)), more than 5% dearer \(worse5), worst \(String(format: "%.1f%%", 100 * worstAll))")
        say("  on the \(provenThorough) thorough proved: default optimal \(percent(equal, provenThorough)), within 2% \(percent(within2, provenThorough)), mean excess \(String(format: "%.2f%%", 100 * totalGap / Double(max(provenThorough, 1)))), worst \(String(format: "%.1f%%", 100 * worstGap))")
    }

    func percent(_ part: Int, _ whole: Int) -> String {
        String(format: "%.1f%%", 100 * Double(part) / Double(max(whole, 1)))
    }
}
