import Foundation
import SkillPathCore
import SkillPathJSON

/// The people side of mobility at scale (issues 21 and 22): aspirations, applications and mentors, and
/// succession benches, each measured on the organisation a `MobilityBenchmark.Run` built.
extension MobilityBenchmark.Run {
    /// Issue 21: three in ten people say what they want (one to three roles, a catalog transition from their
    /// role first where there is one, up to two skills), then the organisation's picture is timed: as soon as the
    /// burst lands, the catalog's first (every wanted role met for the first time); once the daemon has warmed
    /// it after the burst (`SettlingWarmUp`), as HR finds it a few seconds later; with every role's ready count;
    /// and at once after a second burst, before any warm-up.
    mutating func measureAspirations() {
        guard people.count == employees else { return say("  aspirations: not measured (they need the organisation built in this run, not --reuse)") }
        let rows = aspirationRows()
        // The daemon's first scheduled warm-up (a minute after start) out of the way, so that the one timed is
        // the burst's own (a warm-up that begins while another runs is dropped, the running one counting).
        _ = waitForWarmUp(after: 0)
        var warmUps = daemon.logLines(containing: Self.warmed)
        let load = Measure.seconds { benchmark.upsertAll(rows, client) }
        say(String(format: "  aspirations: %d people said what they want (%.1f s to upsert); asked at once, the catalog's first picture:", rows.count, load))
        timeAspirations(counted: false, label: "first of the catalog", calls: 1)
        let settle = Measure.seconds { warmUps = waitForWarmUp(after: warmUps) }
        say(String(format: "  the daemon's warm-up done %.1f s after", settle))
        for counted in [false, true] { timeAspirations(counted: counted, label: counted ? "countReady" : "after the warm-up") }
        let again = aspirationRows(for: rows.compactMap { $0["id"]?.stringValue.flatMap { Int($0.dropFirst(4)) } })
        let reload = Measure.seconds { benchmark.upsertAll(again, client) }
        say(String(format: "  a second burst: the same %d people changed what they want (%.1f s to upsert); asked at once, before any warm-up:", again.count, reload))
        timeAspirations(counted: false, label: "cold", calls: 1)
        // The burst's own warm-up, out of the way of the next figures.
        _ = waitForWarmUp(after: warmUps)
    }

    static let warmed = "aspiration picture warmed"

    /// Waits (up to five minutes) until the daemon's log tells more warm-ups than `count`; how many it tells.
    private func waitForWarmUp(after count: Int) -> Int {
        let deadline = ContinuousClock.now + .seconds(300)
        while daemon.logLines(containing: Self.warmed) <= count, ContinuousClock.now < deadline { usleep(50_000) }
        return daemon.logLines(containing: Self.warmed)
    }

    /// Three in ten people (or the employees numbered `chosen`), each with one to three wanted roles and up
    /// to two skills.
    private mutating func aspirationRows(for chosen: [Int]? = nil) -> [JSONValue] {
        var rows: [JSONValue] = []
        var random = self.random
        let index = Dictionary(grouping: catalog.transitions, by: \.from)
        for number in chosen ?? Array(0..<employees) {
            if chosen == nil, random.next(10) >= 3 { continue }
            let current = people[number].role ?? ""
            var roles = (index[current] ?? []).prefix(1).map(\.to)
            while roles.count < 1 + random.next(3) {
                let role = catalog.roles[random.next(catalog.roles.count)].id
                if role != current, !roles.contains(role) { roles.append(role) }
            }
            let skills = (0..<random.next(3)).map { _ in catalog.skills[random.next(catalog.skills.count)].id }
            rows.append(.object([
                ("id", .string("emp-\(number)")),
                ("aspirations", .object([("roles", .strings(roles)), ("skills", .strings(Array(Set(skills)).sorted())), ("notLooking", .bool(random.next(10) == 0))])),
            ]))
        }
        self.random = random
        return rows
    }

    /// Times `calls` calls of the organisation's picture and prints its figures.
    private func timeAspirations(counted: Bool, label: String, calls: Int = 4) {
        var times: [Double] = []
        var reply: JSONValue?
        let params: JSONValue = counted ? .object([("countReady", true)]) : .object([])
        for _ in 0..<calls {
            times.append(Measure.seconds { reply = try? client.call("reports.aspirations", params) })
        }
        let first = times.removeFirst()
        times.sort()
        let wishes = (reply?["roles"]?.arrayValue ?? []).reduce(0) { $0 + ($1["wantedBy"]?.intValue ?? 0) }
        say("    reports.aspirations for everyone, \(label) (\(reply?["people"]?.intValue ?? 0) people, \(wishes) wishes, "
            + "\(reply?["roles"]?.arrayValue?.count ?? 0) roles wanted, \(reply?["outOfReach"]?.arrayValue?.count ?? 0) out of reach): "
            + "first \(Measure.milliseconds(first))" + (times.isEmpty ? "" : ", then p50 \(Measure.milliseconds(Measure.percentile(times, 0.5))), max \(Measure.milliseconds(times.last ?? 0))"))
    }

    /// Issue 21: 500 applicants to one opening, ranked with their readiness; and mentors.find for a plan's gaps
    /// with one person in fifty offering to mentor.
    mutating func measureApplicationsAndMentors() {
        var random = self.random
        let role = catalog.roles[random.next(catalog.roles.count)].id
        let opened = try? client.call("opportunities.create", .object([("role", .string(role)), ("manager", "emp-3"), ("headcount", 5)]))
        var applied = 0
        var number = 0
        while applied < 500, number < employees * 2, let id = opened?["id"] {
            let employee = "emp-\(random.next(employees))"
            number += 1
            if (try? client.call("opportunities.apply", .object([("opportunity", id), ("employee", .string(employee))]))) != nil { applied += 1 }
        }
        var listing: [Double] = []
        var reply: JSONValue?
        for _ in 0..<3 {
            listing.append(Measure.seconds { reply = try? client.call("applications.list", .object([("opportunity", opened?["id"] ?? .null), ("limit", 1000)])) })
        }
        listing.sort()
        say("  applications.list for one opening (\(reply?["total"]?.intValue ?? 0) applicants, each with readiness): p50 \(Measure.milliseconds(Measure.percentile(listing, 0.5))), max \(Measure.milliseconds(listing.last ?? 0))")
        var offers = 0
        for mentor in stride(from: 2, to: employees, by: 50) where (try? client.call("mentors.offer", .object([("employee", .string("emp-\(mentor)")), ("capacity", 3)]))) != nil {
            offers += 1
        }
        var find: [Double] = []
        var found = 0
        for _ in 0..<200 {
            let learner = "emp-\(random.next(employees))"
            let target = catalog.roles[random.next(catalog.roles.count)].id
            find.append(Measure.seconds { reply = try? client.call("mentors.find", .object([("employee", .string(learner)), ("targetRole", .string(target))])) })
            found += (reply?["skills"]?.arrayValue ?? []).reduce(0) { $0 + ($1["mentors"]?.arrayValue?.count ?? 0) }
        }
        find.sort()
        self.random = random
        say("  mentors.find (\(offers) mentors, a random role's gaps, 200 learners, \(found) mentors found): p50 \(Measure.milliseconds(Measure.percentile(find, 0.5))), "
            + "p99 \(Measure.milliseconds(Measure.percentile(find, 0.99))), max \(Measure.milliseconds(find.last ?? 0))")
    }

    /// Issue 22's succession figure: up to 500 roles marked critical (evenly through the catalog), then the
    /// benches of all of them for the whole organisation in one call.
    func measureSuccession() {
        let step = max(1, catalog.roles.count / 500)
        let critical = stride(from: 0, to: catalog.roles.count, by: step).prefix(500).map { catalog.roles[$0].id }
        for role in critical { _ = try? client.call("roles.setCritical", .object([("role", .string(role)), ("critical", true)])) }
        var reply: JSONValue?
        let seconds = Measure.seconds { reply = try? client.call("reports.succession", .object([("limit", 3)])) }
        let benches = reply?["roles"]?.arrayValue ?? []
        let within = benches.reduce(0) { total, bench in
            total + ["readyNow", "within6Months", "within12Months"].reduce(0) { $0 + (bench["bands"]?[$1]?["count"]?.intValue ?? 0) }
        }
        say("  reports.succession for everyone (\(benches.count) critical roles, \(benches.first?["considered"]?.intValue ?? 0) people considered per role, "
            + "\(within) bench places within 12 months): \(Measure.milliseconds(seconds))")
    }
}
