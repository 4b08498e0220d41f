import Foundation
import SkillPathCore
import SkillPathFixtures

/// `candidates.rank`'s planner half in process, without the daemon and the store: ranks an organisation of
/// generated profiles for random roles of one catalog directory, so that a profile of the ranking (perf)
/// shows the planner alone.
struct RankingBenchmark {
    var directory: String
    var employees: Int
    var rankings: Int
    /// One role to rank for, every time, instead of random ones.
    var role: String?

    func run() -> Int32 {
        guard let catalog = try? CatalogLoader.load(directory: directory) else {
            say("Error: cannot load the catalog \(directory)")
            return 1
        }
        let planner = Planner(catalog: catalog)
        let people = CatalogGenerator.questions(for: catalog, count: employees, seed: 7).enumerated().map { number, question in
            (id: "emp-\(number)", profile: question.profile)
        }
        var random = SeededRandom(seed: 11)
        var times: [Double] = []
        var planned = 0
        for _ in 0..<rankings {
            let drawn = catalog.roles[random.next(catalog.roles.count)].id
            let role = self.role ?? drawn
            var ranking: Ranking<RankedCandidate>?
            times.append(Measure.seconds { ranking = try? planner.rankCandidates(people, for: role, limit: 20) })
            planned += ranking?.planned ?? 0
            say("  \(role): \(Measure.milliseconds(times.last ?? 0)), \(ranking?.planned ?? 0) planned of \(ranking?.considered ?? 0)")
        }
        times.sort()
        say("candidates in process (\(employees) people, \(rankings) roles): p50 \(Measure.milliseconds(Measure.percentile(times, 0.5))), "
            + "max \(Measure.milliseconds(times.last ?? 0)); \(planned / max(rankings, 1)) planned per role")
        return 0
    }
}
