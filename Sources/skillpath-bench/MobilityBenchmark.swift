import Foundation
import JSONRPC
import SkillPathCore
import SkillPathFixtures
import SkillPathJSON

/// Issue 11's figures through the release daemon: `roles.suggest` latency against thousands of roles,
/// `candidates.rank` over an organisation of 50,000, and `reports.mobility` over 50,000 employees and
/// 200,000 moves. Run on each generated catalog structure, the shipped catalog and any catalog directory
/// given (an import of real data), since a figure counts only if it holds on all of them.
struct MobilityBenchmark {
    var structures: [CatalogStructure]
    var directories: [String]
    var employees: Int
    var moves: Int
    var suggestions: Int
    var rankings: Int
    var generated: (skills: Int, courses: Int, roles: Int)
    var seconds: Double
    /// The parts measured (`--parts`, by name; nil: all of them): the organisation is built either way.
    var parts: Set<String>? = nil
    /// Skills each employee holds (`--skills-per`; nil: the role's, give or take a level).
    var skillsPerEmployee: Int? = nil
    /// Progress events recorded before the measures (`--progress`).
    var progressEvents = 20_000
    /// A folder whose `mobility.db` an earlier run built (`--reuse`, with one catalog): the measures run on it
    /// as it is, nothing is built, and the folder is kept. For figures of a new build on a million people
    /// without building them again (half an hour). A folder without one gets the organisation built and kept.
    var reuse: String? = nil

    /// The parts of a run, in the order they run, by the names `--parts` takes.
    static let measures: [(name: String, measure: @Sendable (inout Run) -> Void)] = [
        ("aspirations", { $0.measureAspirations() }), ("people", { $0.measureApplicationsAndMentors() }),
        ("suggestions", { $0.measureSuggestions() }), ("rankings", { $0.measureRankings() }),
        ("reports", { $0.measureReports() }), ("skills", { $0.measureSkillsReport() }), ("succession", { $0.measureSuccession() }),
        ("footprint", { $0.measureFootprint() }),
    ]
    static var partNames: [String] { measures.map(\.name) }

    func run() -> Int32 {
        var inputs: [(label: String, directory: String, generated: Bool)] = []
        for structure in structures {
            let directory = NSTemporaryDirectory() + "skillpath-mobility-\(getpid())-\(structure.rawValue)"
            say("[\(structure.rawValue)] generating \(generated.courses) courses, \(generated.skills) skills, \(generated.roles) roles…")
            let output = structure.generate(skills: generated.skills, courses: generated.courses, roles: generated.roles, seed: 42)
            do {
                try CatalogWriter.write(output, to: directory)
            } catch {
                say("Error: cannot write the catalog: \(error)")
                return 1
            }
            inputs.append((structure.rawValue, directory, true))
        }
        inputs += directories.map { ($0, $0, false) }
        defer { for input in inputs where input.generated { try? FileManager.default.removeItem(atPath: input.directory) } }
        for input in inputs {
            guard run(label: input.label, directory: input.directory) else { return 1 }
        }
        return 0
    }

    func run(label: String, directory: String) -> Bool {
        let scratch = reuse ?? NSTemporaryDirectory() + "skillpath-mobility-run-\(getpid())"
        let build = !FileManager.default.fileExists(atPath: "\(scratch)/mobility.db")
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { if reuse == nil { try? FileManager.default.removeItem(atPath: scratch) } }
        guard let catalog = try? CatalogLoader.load(directory: directory) else {
            say("Error: cannot load the catalog \(directory)")
            return false
        }
        guard catalog.roles.count > 1,
              let daemon = BenchDaemon(
                catalog: directory, scratch: scratch, name: "mobility", extra: ["--config", StoreBenchmark.writeConfig(scratch, logLevel: "info")], keepLog: true)
        else { return false }
        defer { daemon.stop() }
        guard let client = try? BenchClient(path: daemon.socket) else { return false }
        say("\n[\(label)] \(catalog.courses.count) courses, \(catalog.skills.count) skills, \(catalog.roles.count) roles, \(catalog.transitions.count) transitions")
        var run = Run(benchmark: self, catalog: catalog, client: client, daemon: daemon, scratch: scratch, directory: directory)
        if build {
            guard run.loadOrganisation() else { return false }
            run.recordHistory()
            run.openOpportunitiesAndRecordProgress()
        } else {
            say("  the organisation as an earlier run left it in \(scratch)")
        }
        // A connection idle through a long fill is closed by the daemon (`idle_timeout`): the measures get a new one.
        guard let fresh = try? BenchClient(path: daemon.socket) else { return false }
        run.client = fresh
        for (name, measure) in Self.measures where parts?.contains(name) ?? true { measure(&run) }
        run.daemon.stop()
        return true
    }

    /// One catalog's run: the organisation it builds and the figures it measures, step by step.
    struct Run {
        let benchmark: MobilityBenchmark
        let catalog: Catalog
        var client: BenchClient
        var daemon: BenchDaemon
        /// Where the daemon's database and log are, and the catalog it serves: the footprint restarts it there.
        let scratch: String
        let directory: String
        var socket: String { daemon.socket }
        var random = SeededRandom(seed: 11)
        let today = CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        var start: CalendarDate { today.adding(days: -800) }
        var employees: Int { benchmark.employees }
        var people: [Profile] = []

        init(benchmark: MobilityBenchmark, catalog: Catalog, client: BenchClient, daemon: BenchDaemon, scratch: String, directory: String) {
            self.benchmark = benchmark
            self.catalog = catalog
            self.client = client
            self.daemon = daemon
            self.scratch = scratch
            self.directory = directory
        }

        /// People hold a role with its skills give or take a level, in a tree of teams of 20.
        mutating func loadOrganisation() -> Bool {
            let sizes = benchmark.skillsPerEmployee.map { $0...$0 }
            people = CatalogGenerator.questions(for: catalog, count: employees, seed: 7, profileSizes: sizes).map(\.profile)
            let people = people
            // Rows made a batch at a time: a million employees' rows at once would be gigabytes of JSON values.
            let row = { (number: Int) -> JSONValue in
                let profile = people[number]
                return .object([
                    ("id", .string("emp-\(number)")), ("name", .string("Employee \(number)")), ("login", .string("user\(number)")), ("role", profile.role.map(JSONValue.string)),
                    ("manager", number == 0 ? nil : .string("emp-\((number - 1) / 20)")),
                    ("skills", .array(profile.skills.map { .object([("skill", .string($0.skill)), ("level", .int($0.level))]) })),
                ])
            }
            var loaded = true
            let upsert = Measure.seconds { loaded = benchmark.upsertAll(count: employees, client, row: row) }
            say(String(format: "  organisation: %d employees upserted in %.1f s", employees, upsert))
            return loaded
        }

        /// Rounds of role changes, each dated later than the last, recorded by employees.upsert; then leavers.
        mutating func recordHistory() {
            let rounds = max(1, benchmark.moves / max(employees, 1))
            var roles = people.map { $0.role ?? "" }
            var random = self.random
            let (catalog, start) = (self.catalog, self.start)
            let history = Measure.seconds {
                for round in 1...rounds {
                    benchmark.upsertAll(count: employees, client) { number in
                        var next = catalog.roles[random.next(catalog.roles.count)].id
                        if next == roles[number] { next = catalog.roles[(random.next(catalog.roles.count - 1) + 1) % catalog.roles.count].id }
                        roles[number] = next
                        return .object([
                            ("id", .string("emp-\(number)")), ("role", .string(next)), ("roleSince", .string(start.adding(days: round * 150 + number % 100).description)),
                            ("moveKind", random.next(3) == 0 ? "promotion" : "lateral"),
                        ])
                    }
                }
            }
            self.random = random
            let leavers: [JSONValue] = stride(from: 1, to: employees, by: 50).map { .object([("id", .string("emp-\($0)")), ("leftOn", .string(today.adding(days: -30).description))]) }
            benchmark.upsertAll(leavers, client)
            say(String(format: "  history: %d moves in %d rounds of role changes, %.1f s; %d leavers", rounds * employees, rounds, history, leavers.count))
        }

        /// 1,000 opportunities, most filled (from inside or outside), and progress events for engagement.
        mutating func openOpportunitiesAndRecordProgress() {
            var filled = 0
            for number in 0..<1_000 {
                let role = catalog.roles[random.next(catalog.roles.count)].id
                guard let opened = try? client.call("opportunities.create", .object([
                    ("role", .string(role)), ("manager", .string("emp-\(random.next(min(employees, 2_500)))")), ("opens", .string(today.adding(days: -300 + number % 200).description)),
                ])), let id = opened["id"] else { continue }
                let fill: JSONValue? = switch number % 10 {
                case 0...4: .object([("id", id), ("filledBy", .string("emp-\(random.next(employees / 2) * 2)")), ("date", .string(today.adding(days: -20).description))])
                case 5...6: .object([("id", id), ("external", true), ("date", .string(today.adding(days: -20).description))])
                default: nil
                }
                if let fill, (try? client.call("opportunities.close", fill)) != nil { filled += 1 }
            }
            let progress = recordProgress()
            say("  1,000 opportunities (\(filled) closed by a fill); " + progress)
        }

        /// roles.suggest for random employees: the page-view question.
        mutating func measureSuggestions() {
            var suggest: [Double] = []
            var planned = 0
            var failed = 0
            for _ in 0..<benchmark.suggestions {
                let employee = "emp-\(random.next(employees))"
                var reply: JSONValue?
                suggest.append(Measure.seconds { reply = try? client.call("roles.suggest", .object([("employee", .string(employee))])) })
                planned += reply?["planned"]?.intValue ?? 0
                if reply == nil { failed += 1 }
            }
            suggest.sort()
            say("  roles.suggest (\(catalog.roles.count) roles, \(benchmark.suggestions) employees): p50 \(Measure.milliseconds(Measure.percentile(suggest, 0.5))), "
                + "p90 \(Measure.milliseconds(Measure.percentile(suggest, 0.9))), p99 \(Measure.milliseconds(Measure.percentile(suggest, 0.99))), "
                + "max \(Measure.milliseconds(suggest.last ?? 0)); \(planned / max(benchmark.suggestions, 1)) roles planned per call on average"
                + (failed == 0 ? "" : "; \(failed) calls FAILED"))
        }

        /// candidates.rank over everyone, for random roles: the HR question.
        mutating func measureRankings() {
            var rank: [Double] = []
            var considered = 0
            var plannedPeople = 0
            var slowest = (seconds: 0.0, role: "", call: 0)
            for call in 0..<benchmark.rankings {
                let role = catalog.roles[random.next(catalog.roles.count)].id
                var reply: JSONValue?
                rank.append(Measure.seconds { reply = try? client.call("candidates.rank", .object([("role", .string(role))])) })
                if let last = rank.last, last > slowest.seconds { slowest = (last, role, call + 1) }
                considered = max(considered, reply?["considered"]?.intValue ?? 0)
                if reply == nil { say("  candidates.rank for \(role) FAILED") }
                plannedPeople += reply?["planned"]?.intValue ?? 0
            }
            say("  candidates.rank calls in order: " + rank.map { String(format: "%.0f", $0 * 1_000) }.joined(separator: ", ") + " ms")
            rank.sort()
            say("  candidates.rank (\(considered) people, \(benchmark.rankings) roles): p50 \(Measure.milliseconds(Measure.percentile(rank, 0.5))), "
                + "max \(Measure.milliseconds(rank.last ?? 0)) (\(slowest.role), call \(slowest.call)); \(plannedPeople / max(benchmark.rankings, 1)) people planned per call on average")
        }

        func measureReports() {
            for manager in [nil, "emp-1"] as [String?] {
                var report: [Double] = []
                var reply: JSONValue?
                for _ in 0..<5 {
                    report.append(Measure.seconds {
                        reply = try? client.call("reports.mobility", .object([
                            ("from", .string(start.description)), ("to", .string(today.description)), ("groupBy", "quarter"),
                            ("manager", manager.map(JSONValue.string)),
                        ]))
                    })
                }
                report.sort()
                if reply == nil { say("  reports.mobility FAILED") }
                let figures = reply?["figures"]
                say("  reports.mobility \(manager.map { "for \($0)'s subtree" } ?? "for everyone") (\(figures?["people"]?.intValue ?? 0) people, "
                    + "\(figures?["moves"]?["total"]?.intValue ?? 0) moves, by quarter): p50 \(Measure.milliseconds(Measure.percentile(report, 0.5))), "
                    + "max \(Measure.milliseconds(report.last ?? 0))")
            }
        }
    }

    /// Upserts in batches of 250 rows, which stay under the daemon's 1 MiB message limit even for
    /// taxonomies whose roles need dozens of skills; stops at the first failure.
    @discardableResult
    func upsertAll(_ rows: [JSONValue], _ client: BenchClient) -> Bool {
        upsertAll(count: rows.count, client) { rows[$0] }
    }

    /// Upserts rows `0..<count`, each made by `row` when its batch is sent.
    @discardableResult
    func upsertAll(count: Int, _ client: BenchClient, row: (Int) -> JSONValue) -> Bool {
        var start = 0
        while start < count {
            let batch = (start..<min(start + 250, count)).map(row)
            do {
                let reply = try client.call("employees.upsert", .object([("employees", .array(batch))]))
                if let rejected = reply["rejected"]?.arrayValue, let first = rejected.first {
                    say("  \(rejected.count) rows rejected, e.g. \(JSONWriter.string(first))")
                }
            } catch {
                say("  Error: \(error)")
                return false
            }
            start += batch.count
        }
        return true
    }
}
