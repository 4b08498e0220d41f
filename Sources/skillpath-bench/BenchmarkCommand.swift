import Foundation
import SkillPathCore
import SkillPathFixtures

/// Parses the benchmark's command line and runs one benchmark.
enum BenchmarkCommand {
    static let usage = """
    usage: skillpath-bench <benchmark> [options]

    benchmarks:
      core     generate a large catalog, then measure load time, peak memory and plan latency
               --structure domain|flat|deep|ranked|capped|chained|crowded|all (all; or a comma-separated list)
               --courses N (100000) --skills N (30000) --roles N (5000) --plans N (2000) --seed N (42)
               --profile-skills MIN-MAX|role (5-40) --effort quick|standard|thorough (standard)
               --work N (the planner's search work limit);
               --out DIR keeps the generated catalogs there; --prefer F,F plans with preferred formats
      shipped  plan latency on the shipped Catalog/ (--catalog DIR, --plans N, --prefer F,F, --profile-skills MIN-MAX|role (role),
               --effort quick|standard|thorough (standard))
      quality  plans against exact references: --small N (500) hostile small catalogs against brute force, and
               --cases N (300) questions per large structure (--structure ...) against effort thorough;
               --profile-skills MIN-MAX|role (role) --effort quick|standard (standard) for the fast side
      store    employees.upsert of --employees N (100000) with 10 skills each, progress.record from 1 and 16
               connections, reports.team over 5,000 people, and raw SQLite durable commits as the ceiling
      events   the event feed (issue 22): durable progress.record from 16 connections with no subscriber, then with
               --subscribers N (16) following the log, --pairs N (5) times interleaved: the writers' rate, events/s
               delivered to each subscriber and how long after the writers stop they all have every event; then
               progress.xapi batches of 1,000 while they follow, and a backlog of 90,000 to new subscribers;
               --employees N (10000) --seconds N (5); --batch N (1) progress.record requests per message;
               --subscriber-priority low: the subscribers read at nice 10, standing in for other machines
      mobility roles.suggest, candidates.rank and reports.mobility through the release skillpathd on an organisation of
               --employees N (50000) with --moves N (200000), on each generated structure (--structure ..., with
               --roles N (5000) --courses N (100000) --skills N (30000)), the shipped catalog and --catalogs DIR,DIR
               (e.g. imported O*NET or ESCO), --shipped no to leave the shipped catalog out; --suggestions N (200) --rankings N (10);
               --skills-per N skills each (the role's), --progress N (20000) durable progress events first;
               --reuse DIR measures DIR/mobility.db as an earlier run built it (one catalog; --employees as it was built with),
                          or builds it there and keeps it when DIR has none;
               --parts aspirations,people,suggestions,rankings,reports,skills,succession,footprint (all)
      fuzz     adversarial JSON-RPC against the release skillpathd: --messages N (1000000) --seed N (2026)
               --seconds N (3600); prints replies checked, crashes, and the daemon's memory
      flood    the daemon's peak memory while --connections N,N (32,128) connections of one caller send the worst
               messages we could build (--shapes discover,long-batch,numbers,objects,plans,lists,page), --seconds N (10) each;
               --address-space MiB runs the daemon under prlimit --as
      model    the organisation model (issue 18): --sequences N (2000) seeded sequences of --length N (40) random
               operations from --seed N (0) against the release skillpathd, every step checked against a
               reference model; a failing sequence is shrunk and printed with its replay command
      ranking  candidates.rank's planning in process (no daemon, no store) on --dir DIR (Catalog) for --employees N
               (50000) generated profiles and --rankings N (10) random roles (or --role ID each time)
      aspirations  reports.aspirations' picture in process on --dir DIR (Catalog) for --employees N (50000)
               generated profiles, three in ten wanting one to three roles; --runs N (3)
      succession  reports.succession's benches in process on --dir DIR (Catalog) for --employees N (50000) generated
               profiles and up to --roles N (500) roles evenly through the catalog; --runs N (2), each on a fresh catalog
      load     load one catalog directory (--dir DIR) and print time and peak memory
      related  roles.suggest against O*NET's Related Occupations (issue 19): --onet DIR (O*NET 29.2), --transitions
               keep|none (none), --order relatedness|hours: precision at 10 and how often the first suggestion is related;
               --esco DIR (ESCO 1.1.1) instead: how many suggestions share the occupation's ISCO unit group
      hris     write HRIS exports for `skillpath import`: --rows N (200000) employees to --out FILE (reports listed
               before their managers), --skills-out FILE with --skills-per N (5) lines each, --bad yes to end
               the employees file with a row the check refuses; roles and skills from --catalog DIR (Catalog)
      rpc      requests per second and latency through skillpathd, at 1/2/8/64 connections (--connections 1,2,8),
               against an echo server's ceiling, on the shipped catalog and on each generated structure
               (--structure domain|flat|deep|all); --seconds N per run (default 3); needs the release skillpathd
    """

    static func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first, name != "--help", name != "-h" else {
            say(usage)
            return arguments.isEmpty ? 64 : 0
        }
        var values: [String: String] = [:]
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--"), let value = rest.popFirst() else {
                FileHandle.standardError.write(Data("Error: expected --option value, got '\(flag)'\n".utf8))
                return 64
            }
            values[String(flag.dropFirst(2))] = value
        }
        do {
            return try dispatch(name, Options(values: values))
        } catch {
            say("Error: \(error.message)")
            return 64
        }
    }

    /// A benchmark's options, with their defaults.
    struct Options {
        var values: [String: String]

        subscript(key: String) -> String? { values[key] }
        func number(_ key: String, _ fallback: Int) -> Int { values[key].flatMap(Int.init) ?? fallback }
        func seconds(_ fallback: Double) -> Double { values["seconds"].flatMap(Double.init) ?? fallback }
        /// A comma-separated list, or nil when the option is not given.
        func set(_ key: String) -> Set<String>? { values[key].map { Set($0.split(separator: ",").map(String.init)) } }

        /// `--structure`: generated structures, comma-separated, `all` (the default), or with `allowNone`, `none`.
        func structures(allowNone: Bool = false) throws(UsageError) -> [CatalogStructure] {
            let requested = values["structure"] ?? "all"
            if allowNone && requested == "none" { return [] }
            if requested == "all" { return CatalogStructure.allCases }
            var structures: [CatalogStructure] = []
            for name in requested.split(separator: ",") {
                guard let structure = CatalogStructure(rawValue: String(name)) else {
                    throw UsageError(message: "--structure must be one or more of \(CatalogStructure.allCases.map(\.rawValue).joined(separator: ", ")), or all\(allowNone ? ", none" : "")")
                }
                structures.append(structure)
            }
            return structures
        }

        /// `--effort quick|standard|thorough` (standard when not given).
        func effort() throws(UsageError) -> PlanOptions.Effort {
            guard let text = values["effort"] else { return .standard }
            guard let effort = PlanOptions.Effort(rawValue: text) else { throw UsageError(message: "--effort must be quick, standard or thorough") }
            return effort
        }

        /// `--profile-skills MIN-MAX`: how many skills each generated profile holds (`fallback` when not given);
        /// `role` for only the current role's skills.
        func profileSizes(_ fallback: ClosedRange<Int>?) throws(UsageError) -> ClosedRange<Int>? {
            guard let text = values["profile-skills"] else { return fallback }
            if text == "role" { return nil }
            let bounds = text.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] >= 0, bounds[0] <= bounds[1], bounds[1] <= 1_000 else {
                throw UsageError(message: "--profile-skills takes MIN-MAX (e.g. 5-40, at most 1000) or role")
            }
            return bounds[0]...bounds[1]
        }
    }

    struct UsageError: Error {
        var message: String
    }

    /// The mobility benchmark from its options (`mobility` in the usage).
    static func mobility(_ options: Options) throws(UsageError) -> MobilityBenchmark {
        let parts = options.set("parts")
        if let unknown = parts?.subtracting(MobilityBenchmark.partNames).sorted().first {
            throw UsageError(message: "--parts takes names from \(MobilityBenchmark.partNames.joined(separator: ",")), not '\(unknown)'")
        }
        let structures = try options.structures(allowNone: true)
        let directories = (options["shipped"] == "no" ? [] : ["Catalog"]) + (options["catalogs"]?.split(separator: ",").map(String.init) ?? [])
        if options["reuse"] != nil, structures.count + directories.count != 1 {
            throw UsageError(message: "--reuse measures one organisation: give exactly one catalog (e.g. --structure none for the shipped one)")
        }
        return MobilityBenchmark(
            structures: structures, directories: directories,
            employees: options.number("employees", 50_000), moves: options.number("moves", 200_000),
            suggestions: options.number("suggestions", 200), rankings: options.number("rankings", 10),
            generated: (options.number("skills", 30_000), options.number("courses", 100_000), options.number("roles", 5_000)),
            seconds: options.seconds(5), parts: parts, skillsPerEmployee: options["skills-per"].flatMap(Int.init), progressEvents: options.number("progress", 20_000),
            reuse: options["reuse"])
    }

    static func dispatch(_ name: String, _ options: Options) throws(UsageError) -> Int32 {
        switch name {
        case "core":
            return CoreBenchmark(structures: try options.structures(), skills: options.number("skills", 30_000), courses: options.number("courses", 100_000),
                                 roles: options.number("roles", 5_000), plans: options.number("plans", 2_000), seed: UInt64(options.number("seed", 42)),
                                 work: options.number("work", Planner.defaultSearchWork), output: options["out"], preferred: options.set("prefer"),
                                 profileSizes: try options.profileSizes(5...40), effort: try options.effort()).run()
        case "shipped":
            return ShippedBenchmark(catalog: options["catalog"] ?? "Catalog", plans: options.number("plans", 2_000), preferred: options.set("prefer"),
                                    profileSizes: try options.profileSizes(nil), effort: try options.effort()).run()
        case "quality":
            return QualityBenchmark(cases: options.number("cases", 300), smallCases: options.number("small", 500), structures: try options.structures(),
                                    work: options.number("work", Planner.defaultSearchWork), profileSizes: try options.profileSizes(nil), effort: try options.effort()).run()
        case "rpc":
            var benchmark = RPCBenchmark(seconds: options.seconds(3))
            if options["structure"] != nil { benchmark.structures = try options.structures() }
            if let list = options["connections"] {
                let counts = list.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 && $0 <= 1024 }
                guard !counts.isEmpty else { throw UsageError(message: "--connections takes a comma-separated list of counts, e.g. 1,2,8") }
                benchmark.connectionCounts = counts
            }
            return benchmark.run()
        case "events":
            return EventsBenchmark(
                employees: options.number("employees", 10_000), subscribers: options.number("subscribers", 16), seconds: options.seconds(5),
                batch: options.number("batch", 1), pairs: max(1, options.number("pairs", 5)),
                lowSubscriberPriority: options["subscriber-priority"] == "low").run()
        case "store":
            return StoreBenchmark(employees: options.number("employees", 100_000), seconds: options.seconds(3)).run()
        case "mobility":
            return try mobility(options).run()
        case "ranking":
            return RankingBenchmark(
                directory: options["dir"] ?? "Catalog", employees: options.number("employees", 50_000), rankings: options.number("rankings", 10),
                role: options["role"]).run()
        case "aspirations":
            return AspirationBenchmark(directory: options["dir"] ?? "Catalog", employees: options.number("employees", 50_000), runs: options.number("runs", 3)).run()
        case "succession":
            return SuccessionBenchmark(
                directory: options["dir"] ?? "Catalog", employees: options.number("employees", 50_000), roles: options.number("roles", 500),
                runs: options.number("runs", 2)).run()
        case "echo-server":
            return EchoServer.serve(path: options["socket"] ?? "echo.sock")
        case "fuzz":
            return FuzzBenchmark(messages: options.number("messages", 1_000_000), seed: UInt64(options.number("seed", 2026)), seconds: options.seconds(3600)).run()
        case "model":
            return ModelBenchmark(sequences: options.number("sequences", 2_000), firstSeed: UInt64(options.number("seed", 0)), length: options.number("length", 40)).run()
        case "flood":
            let counts = (options["connections"] ?? "32,128").split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 && $0 <= 1024 }
            let names = options.set("shapes")
            let shapes = FloodBenchmark.all.filter { names?.contains($0.name) ?? true }
            guard !counts.isEmpty, !shapes.isEmpty else { throw UsageError(message: "--connections takes counts (32,128); --shapes names from \(FloodBenchmark.all.map(\.name).joined(separator: ","))") }
            let cap = options["address-space"].flatMap(Int.init)
            return FloodBenchmark(connectionCounts: counts, seconds: options.seconds(10), shapes: shapes, addressSpaceMiB: cap).run()
        case "load":
            return LoadProbe.run(directory: options["dir"] ?? "")
        case "related" where options["esco"] != nil:
            return RelatednessBenchmark.esco(options["esco"] ?? "", order: SuggestionOrder(rawValue: options["order"] ?? "relatedness") ?? .relatedness)
        case "related":
            return RelatednessBenchmark(
                onet: options["onet"] ?? "../shared/data/external/onet-29.2", keepTransitions: options["transitions"] == "keep",
                order: SuggestionOrder(rawValue: options["order"] ?? "relatedness") ?? .relatedness).run()
        case "hris":
            return HRISFiles(
                rows: options.number("rows", 200_000), employeesPath: options["out"] ?? "employees.csv", skillsPath: options["skills-out"],
                skillsPerEmployee: options.number("skills-per", 5), badLastRow: options["bad"] == "yes", catalogDirectory: options["catalog"] ?? "Catalog").run()
        default:
            say(usage)
            return 64
        }
    }
}

/// Timing and memory helpers shared by the benchmarks.
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return elapsed.seconds
    }

    /// Peak resident memory of this process (or of process `pid`) so far (VmHWM), in MiB.
    static func peakMemoryMiB(pid: Int32? = nil) -> Double { statusMiB("VmHWM:", pid: pid) }

    /// Resident memory of this process (or of process `pid`) now (VmRSS), in MiB.
    static func residentMiB(pid: Int32? = nil) -> Double { statusMiB("VmRSS:", pid: pid) }

    private static func statusMiB(_ field: String, pid: Int32?) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid.map(String.init) ?? "self")/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    static func milliseconds(_ value: Double) -> String {
        String(format: "%.3f ms", value * 1000)
    }
}

/// Writes a line to stdout at once, so that the benchmark's lines and its child process's lines appear in order.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
