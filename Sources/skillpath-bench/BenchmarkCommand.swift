import Foundation
import SkillPathCore
import SkillPathFixtures

/// Parses the benchmark's command line and runs one benchmark.
enum BenchmarkCommand {
    static let usage = """
    usage: skillpath-bench <benchmark> [options]

    benchmarks:
      core     generate a large catalog, then measure load time, peak memory and plan latency
               --structure domain|flat|deep|all (all) --courses N (100000) --skills N (30000) --roles N (5000)
               --plans N (2000) --seed N (42) --work N (the planner's search work limit);
               --out DIR keeps the generated catalogs there
      shipped  plan latency on the shipped Catalog/ (--catalog DIR, --plans N)
      quality  plans against exact references: --small N (500) hostile small catalogs against brute force, and
               --cases N (300) questions per large structure (--structure ...) against a 100x longer search
      store    employees.upsert of --employees N (100000) with 10 skills each, progress.record from 1 and 16
               connections, reports.team over 5,000 people, and raw SQLite durable commits as the ceiling
      mobility roles.suggest, candidates.rank and reports.mobility through the release skillpathd on an organisation of
               --employees N (50000) with --moves N (200000), on each generated structure (--structure ..., with
               --roles N (5000) --courses N (100000) --skills N (30000)), the shipped catalog and --catalogs DIR,DIR
               (e.g. imported O*NET or ESCO); --suggestions N (200) --rankings N (10)
      fuzz     adversarial JSON-RPC against the release skillpathd: --messages N (1000000) --seed N (2026)
               --seconds N (3600); prints replies checked, crashes, and the daemon's memory
      ranking  candidates.rank's planning in process (no daemon, no store) on --dir DIR (Catalog) for --employees N
               (50000) generated profiles and --rankings N (10) random roles (or --role ID each time)
      load     load one catalog directory (--dir DIR) and print time and peak memory
      rpc      requests per second and latency through skillpathd, at 1/2/8/64 connections (--connections 1,2,8),
               against an echo server's ceiling, on the shipped catalog and on each generated structure
               (--structure domain|flat|deep|all); --seconds N per run (default 3); needs the release skillpathd
    """

    static func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first, name != "--help", name != "-h" else {
            say(usage)
            return arguments.isEmpty ? 64 : 0
        }
        var options: [String: String] = [:]
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--"), let value = rest.popFirst() else {
                FileHandle.standardError.write(Data("Error: expected --option value, got '\(flag)'\n".utf8))
                return 64
            }
            options[String(flag.dropFirst(2))] = value
        }
        func number(_ key: String, _ fallback: Int) -> Int { options[key].flatMap(Int.init) ?? fallback }
        switch name {
        case "core":
            let requested = options["structure"] ?? "all"
            let structures = requested == "all" ? CatalogStructure.allCases : CatalogStructure(rawValue: requested).map { [$0] }
            guard let structures else {
                say("Error: --structure must be one of \(CatalogStructure.allCases.map(\.rawValue).joined(separator: ", ")), all")
                return 64
            }
            return CoreBenchmark(
                structures: structures, skills: number("skills", 30_000), courses: number("courses", 100_000), roles: number("roles", 5_000),
                plans: number("plans", 2_000), seed: UInt64(number("seed", 42)), work: number("work", Planner.defaultSearchWork),
                output: options["out"]).run()
        case "shipped":
            return ShippedBenchmark(catalog: options["catalog"] ?? "Catalog", plans: number("plans", 2_000)).run()
        case "quality":
            let requested = options["structure"] ?? "all"
            guard let structures = requested == "all" ? CatalogStructure.allCases : CatalogStructure(rawValue: requested).map({ [$0] }) else {
                say("Error: --structure must be one of \(CatalogStructure.allCases.map(\.rawValue).joined(separator: ", ")), all")
                return 64
            }
            return QualityBenchmark(
                cases: number("cases", 300), smallCases: number("small", 500), structures: structures,
                work: number("work", Planner.defaultSearchWork)).run()
        case "rpc":
            var benchmark = RPCBenchmark(seconds: Double(options["seconds"] ?? "3") ?? 3)
            if let requested = options["structure"], requested != "all" {
                guard let structure = CatalogStructure(rawValue: requested) else {
                    say("Error: --structure must be one of \(CatalogStructure.allCases.map(\.rawValue).joined(separator: ", ")), all")
                    return 64
                }
                benchmark.structures = [structure]
            }
            if let list = options["connections"] {
                let counts = list.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 && $0 <= 1024 }
                guard !counts.isEmpty else {
                    say("Error: --connections takes a comma-separated list of counts, e.g. 1,2,8")
                    return 64
                }
                benchmark.connectionCounts = counts
            }
            return benchmark.run()
        case "store":
            return StoreBenchmark(employees: number("employees", 100_000), seconds: Double(options["seconds"] ?? "3") ?? 3).run()
        case "mobility":
            let requested = options["structure"] ?? "all"
            let structures = requested == "none" ? [] : requested == "all" ? CatalogStructure.allCases : CatalogStructure(rawValue: requested).map { [$0] }
            guard let structures else {
                say("Error: --structure must be one of \(CatalogStructure.allCases.map(\.rawValue).joined(separator: ", ")), all, none")
                return 64
            }
            let directories = ["Catalog"] + (options["catalogs"]?.split(separator: ",").map(String.init) ?? [])
            return MobilityBenchmark(
                structures: structures, directories: directories, employees: number("employees", 50_000), moves: number("moves", 200_000),
                suggestions: number("suggestions", 200), rankings: number("rankings", 10),
                generated: (number("skills", 30_000), number("courses", 100_000), number("roles", 5_000)),
                seconds: Double(options["seconds"] ?? "5") ?? 5).run()
        case "ranking":
            return RankingBenchmark(directory: options["dir"] ?? "Catalog", employees: number("employees", 50_000), rankings: number("rankings", 10), role: options["role"]).run()
        case "echo-server":
            return EchoServer.serve(path: options["socket"] ?? "echo.sock")
        case "fuzz":
            return FuzzBenchmark(messages: number("messages", 1_000_000), seed: UInt64(number("seed", 2026)),
                                 seconds: Double(options["seconds"] ?? "3600") ?? 3600).run()
        case "load":
            return LoadProbe.run(directory: options["dir"] ?? "")
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

    /// Peak resident memory of this process so far (VmHWM), in MiB.
    static func peakMemoryMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
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
