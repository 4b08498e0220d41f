import Foundation
import SkillPathCore
import SkillPathFixtures

/// How good are plans when the exact search cannot finish in the default work limit? Plans the same
/// generated questions with the default limit and with a limit a hundred times larger, and compares the
/// plans wherever the long search proved its answer optimal.
struct QualityBenchmark {
    var cases: Int
    var structure: CatalogStructure = .domain
    var work = Planner.defaultSearchWork

    func run() -> Int32 {
        let output = structure.generate(skills: 30_000, courses: 100_000, roles: 5_000, seed: 42)
        guard let catalog = try? Catalog(skills: output.skills, courses: output.courses, roles: output.roles, transitions: output.transitions) else {
            say("Error: generated catalog rejected")
            return 1
        }
        let quick = Planner(catalog: catalog, searchWork: work)
        let thorough = Planner(catalog: catalog, searchWork: work * 100)
        var provenQuick = 0, provenThorough = 0, compared = 0, equal = 0
        var worstGap = 0.0, totalGap = 0.0
        for question in CatalogGenerator.questions(for: catalog, count: cases, seed: 11) {
            guard let fast = try? quick.plan(profile: question.profile, targetRole: question.target),
                  let slow = try? thorough.plan(profile: question.profile, targetRole: question.target) else { continue }
            if fast.optimal { provenQuick += 1 }
            guard slow.optimal else { continue }
            provenThorough += 1
            compared += 1
            let gap = slow.totals.hours.hundredths == 0 ? 0 : Double(fast.totals.hours.hundredths - slow.totals.hours.hundredths) / Double(slow.totals.hours.hundredths)
            if gap == 0 { equal += 1 }
            worstGap = max(worstGap, gap)
            totalGap += gap
        }
        say("Plan quality on \(cases) questions of the 100,000-course catalog (objective: hours)")
        say("  default work limit proved optimality on \(provenQuick) (\(percent(provenQuick, cases)))")
        say("  100x work limit proved optimality on \(provenThorough) (\(percent(provenThorough, cases)))")
        say("  on those \(compared): default plan optimal in \(equal) (\(percent(equal, compared))), mean excess \(String(format: "%.2f%%", 100 * totalGap / Double(max(compared, 1)))), worst \(String(format: "%.1f%%", 100 * worstGap))")
        return 0
    }

    func percent(_ part: Int, _ whole: Int) -> String {
        String(format: "%.1f%%", 100 * Double(part) / Double(max(whole, 1)))
    }
}
