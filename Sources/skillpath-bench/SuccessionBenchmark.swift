import Foundation
import SkillPathCore
import SkillPathFixtures

/// `reports.succession`'s planner half in process, without the daemon and the store: the benches of up to
/// `roles` roles (evenly through the catalog) over generated profiles of one catalog directory, so that a
/// profile (perf) shows the benches alone. Each run loads the catalog afresh: its memo of plans is cold, as
/// in the daemon's first report after a reload.
struct SuccessionBenchmark {
    var directory: String
    var employees: Int
    var roles: Int
    var runs: Int

    func run() -> Int32 {
        guard let catalog = try? CatalogLoader.load(directory: directory) else {
            say("Error: cannot load the catalog \(directory)")
            return 1
        }
        let questions = CatalogGenerator.questions(for: catalog, count: employees, seed: 7)
        let people = questions.enumerated().map { number, question in
            SuccessionBench.Person(
                id: "emp-\(number)", name: "Employee \(number)", role: question.profile.role ?? "", manager: number == 0 ? nil : "emp-\((number - 1) / 20)",
                profile: question.profile, numbers: ProfileNumbers(question.profile, catalog: catalog), pace: PlanOptions.defaultHoursPerWeek)
        }
        let step = max(1, catalog.roles.count / max(roles, 1))
        let critical = stride(from: 0, to: catalog.roles.count, by: step).prefix(roles).map { catalog.roles[$0] }
        let today = CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        for run in 0..<runs {
            guard let fresh = run == 0 ? catalog : try? CatalogLoader.load(directory: directory) else { return 1 }
            let planner = Planner(catalog: fresh)
            var benches: [SuccessionBench] = []
            let seconds = Measure.seconds {
                benches = (try? SuccessionBench.benches(roles: critical, pool: SuccessionBench.Pool(people), planner: planner, today: today, limit: 3)) ?? []
            }
            let within = benches.reduce(0) { total, bench in
                total + [SuccessionBench.Band.readyNow, .within6Months, .within12Months].reduce(0) { $0 + (bench.counts[$1] ?? 0) }
            }
            // A checksum of the answer that is the same from process to process (Hasher is seeded per process).
            var answer = ""
            for bench in benches {
                for band in SuccessionBench.Band.allCases {
                    answer += "\(bench.counts[band] ?? 0):" + (bench.members[band] ?? []).map { "\($0.id)@\($0.hours.hundredths)" }.joined(separator: ",") + ";"
                }
                answer += bench.flags.notWanting.joined(separator: ",") + (bench.flags.benchInOneTeam ?? "") + "\n"
            }
            let fingerprint = answer.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
            say("succession in process (\(people.count) people, \(benches.count) roles, \(within) bench places within 12 months): "
                + String(format: "%.2f s", seconds) + " (answer \(String(fingerprint, radix: 16)))")
        }
        return 0
    }
}
