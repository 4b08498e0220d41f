import Foundation
import SkillPathCore
import SkillPathFixtures

/// `reports.aspirations`' planner half in process, without the daemon and the store: the organisation's
/// aspiration picture over generated profiles of one catalog directory, three in ten people wanting one to
/// three roles (a catalog transition from their role first) as the mobility benchmark's, so that a profile
/// (perf) shows the picture alone.
struct AspirationBenchmark {
    var directory: String
    var employees: Int
    var runs: Int

    func run() -> Int32 {
        guard let catalog = try? CatalogLoader.load(directory: directory) else {
            say("Error: cannot load the catalog \(directory)")
            return 1
        }
        let first = Planner(catalog: catalog)
        // What the daemon prepares in the background after a load, on a catalog of its own (so that the pictures
        // below still start cold).
        if let separate = try? CatalogLoader.load(directory: directory) {
            let resident = Measure.residentMiB()
            let preparing = Measure.seconds { Planner(catalog: separate).prepareRankings() }
            say(String(format: "every one of %d roles prepared for ranking (the daemon's background work after a load): %.2f s, %+.0f MiB resident",
                       separate.roles.count, preparing, Measure.residentMiB() - resident))
        }
        let questions = CatalogGenerator.questions(for: catalog, count: employees, seed: 7)
        let index = Dictionary(grouping: catalog.transitions, by: \.from)
        var random = SeededRandom(seed: 11)
        var people: [AspirationPicture.Person] = []
        var aspirations: [String: Aspirations] = [:]
        var holders: [String: Int] = [:]
        for (number, question) in questions.enumerated() {
            let id = "emp-\(number)"
            let current = question.profile.role ?? ""
            holders[current, default: 0] += 1
            guard random.next(10) < 3 else { continue }
            var roles = (index[current] ?? []).prefix(1).map(\.to)
            while roles.count < 1 + random.next(3) {
                let role = catalog.roles[random.next(catalog.roles.count)].id
                if role != current, !roles.contains(role) { roles.append(role) }
            }
            people.append(AspirationPicture.Person(id: id, name: id, role: current, profile: question.profile, pace: PlanOptions.defaultHoursPerWeek))
            aspirations[id] = Aspirations(roles: roles)
        }
        let today = CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        // Cold: a catalog just loaded (its memo of plans empty); then the same again, the memo warm.
        var planner = first
        for (counting, fresh) in [(false, true), (false, false), (true, true), (true, false)] {
            if fresh, let reloaded = try? CatalogLoader.load(directory: directory) { planner = Planner(catalog: reloaded) }
            var times: [Double] = []
            var picture: AspirationPicture?
            for _ in 0..<(fresh ? 1 : runs) {
                times.append(Measure.seconds {
                    picture = try? AspirationPicture(
                        people: people, holders: holders, aspirations: aspirations, planner: planner, today: today, months: 6, listing: 50, countReady: counting)
                })
            }
            times.sort()
            let wishes = picture?.roles.reduce(0) { $0 + $1.wantedBy } ?? 0
            let ready = counting ? "\(picture?.roles.reduce(0) { $0 + ($1.readyWithin ?? 0) } ?? 0) ready within 6 months" : "nearest only"
            say("aspiration picture in process, \(fresh ? "cold" : "warm") (\(people.count) people who want something, \(wishes) wishes, \(ready), \(picture?.outOfReach.count ?? 0) out of reach, "
                + "\(picture?.roles.count ?? 0) roles wanted): p50 \(Measure.milliseconds(Measure.percentile(times, 0.5))), max \(Measure.milliseconds(times.last ?? 0))")
        }
        return 0
    }
}
