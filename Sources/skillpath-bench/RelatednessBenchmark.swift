import Foundation
import SkillPathCore
import SkillPathImport

/// How plausible `roles.suggest`'s suggestions are on a real taxonomy (issue 19): O*NET 29.2 imported in
/// process, one typical incumbent per occupation (holding exactly its required levels, in that role), ten
/// suggestions each, counted against the occupation's O*NET Related Occupations, which the import never feeds
/// into the ranking. Reports precision at 10, how often the first suggestion is related, and the latency.
struct RelatednessBenchmark {
    var onet: String
    /// Keep the importer's transitions (Related Occupations, Primary-Short) instead of removing them all.
    var keepTransitions: Bool
    var order: SuggestionOrder

    func run() -> Int32 {
        var importer = ONETImport(folder: onet)
        if !keepTransitions { importer.relatedTiers = [] }
        let catalog: Catalog
        let related: [String: Set<String>]
        do {
            let imported = try importer.run()
            catalog = try ImportedCatalog.validate(imported.files)
            related = try Self.relatedOccupations("\(onet)/Related Occupations.tsv")
        } catch {
            say("Error: \(error)")
            return 1
        }
        let planner = Planner(catalog: catalog)
        var (hits, firsts, asked) = (0, 0, 0)
        var latencies: [Double] = []
        for role in catalog.roles {
            guard let expected = related[role.id], !expected.isEmpty else { continue }
            let profile = Profile(skills: role.requires.map { SkillLevel(skill: $0.skill, level: $0.level) }, role: role.id)
            let started = ContinuousClock.now
            guard let ranking = try? planner.suggestRoles(for: profile, limit: 10, order: order) else { continue }
            latencies.append((ContinuousClock.now - started).seconds * 1000)
            let ids = ranking.entries.map(\.role.id)
            hits += ids.count { expected.contains($0) }
            if let first = ids.first, expected.contains(first) { firsts += 1 }
            asked += 1
        }
        latencies.sort()
        say("O*NET 29.2, \(catalog.roles.count) roles, \(catalog.transitions.count) transitions (\(keepTransitions ? "the importer's" : "all removed")), by \(order.rawValue):")
        say(String(format: "  precision at 10: %.3f; first suggestion related: %.1f%% (%d occupations)",
                   Double(hits) / Double(max(asked * 10, 1)), 100 * Double(firsts) / Double(max(asked, 1)), asked))
        say(String(format: "  roles.suggest in process: p50 %.2f ms, p99 %.2f ms", Self.percentile(latencies, 0.5), Self.percentile(latencies, 0.99)))
        if keepTransitions { routes(planner) }
        return 0
    }

    /// ESCO 1.1.1 (issue 19): for one incumbent per occupation, how many of the ten suggestions share its ISCO
    /// unit group, and how many first suggestions are roles whose requirements are all optional (none should).
    static func esco(_ folder: String, order: SuggestionOrder) -> Int32 {
        let catalog: Catalog
        do {
            catalog = try ImportedCatalog.validate(try ESCOImport(folder: folder).run().files)
        } catch {
            say("Error: \(error)")
            return 1
        }
        let planner = Planner(catalog: catalog)
        var (shared, listed, allOptionalFirst, asked) = (0, 0, 0, 0)
        var latencies: [Double] = []
        for role in catalog.roles where !role.requires.isEmpty {
            let profile = Profile(skills: role.requires.map { SkillLevel(skill: $0.skill, level: $0.level) }, role: role.id)
            let started = ContinuousClock.now
            guard let ranking = try? planner.suggestRoles(for: profile, limit: 10, order: order) else { continue }
            latencies.append((ContinuousClock.now - started).seconds * 1000)
            asked += 1
            listed += ranking.entries.count
            shared += ranking.entries.count { $0.role.family != nil && $0.role.family == role.family }
            if let first = ranking.entries.first, first.role.requires.allSatisfy({ $0.importance == .optional }) { allOptionalFirst += 1 }
        }
        latencies.sort()
        say("ESCO 1.1.1, \(catalog.roles.count) roles, \(catalog.transitions.count) transitions, by \(order.rawValue):")
        say(String(format: "  top-10 suggestions sharing the occupation's ISCO unit group: %d of %d (%.1f%%); an all-optional role first: %d of %d",
                   shared, listed, 100 * Double(shared) / Double(max(listed, 1)), allOptionalFirst, asked))
        say(String(format: "  roles.suggest in process: p50 %.2f ms, p99 %.2f ms", percentile(latencies, 0.5), percentile(latencies, 0.99)))
        return 0
    }

    /// roles.route between occupations the catalog's transitions link within two hops (every 7th pair, to
    /// keep the run short): how many are found, and how many take a hop that is a gap only.
    func routes(_ planner: Planner) {
        let catalog = planner.catalog
        var next: [String: [String]] = [:]
        for transition in catalog.transitions { next[transition.from, default: []].append(transition.to) }
        var pairs: [(from: Role, to: String)] = []
        for role in catalog.roles {
            var within = Set(next[role.id] ?? [])
            for middle in next[role.id] ?? [] { within.formUnion(next[middle] ?? []) }
            within.remove(role.id)
            pairs += within.sorted().map { (role, $0) }
        }
        let sample = pairs.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        var (found, gapOnly) = (0, 0)
        var latencies: [Double] = []
        for pair in sample {
            let profile = Profile(skills: pair.from.requires.map { SkillLevel(skill: $0.skill, level: $0.level) }, role: pair.from.id)
            let started = ContinuousClock.now
            guard let route = try? planner.route(profile: profile, targetRole: pair.to, maxHops: 2) else { continue }
            latencies.append((ContinuousClock.now - started).seconds * 1000)
            if route.found { found += 1 }
            if route.hops.contains(where: \.gapOnly) { gapOnly += 1 }
        }
        latencies.sort()
        say(String(format: "  roles.route, %d pairs linked within two hops (every 7th of %d): %d found (%.1f%%), %d through a gap-only hop; p50 %.2f ms, p99 %.2f ms",
                   sample.count, pairs.count, found, 100 * Double(found) / Double(max(sample.count, 1)), gapOnly,
                   Self.percentile(latencies, 0.5), Self.percentile(latencies, 0.99)))
    }

    /// Each occupation's related occupations, every tier.
    static func relatedOccupations(_ path: String) throws -> [String: Set<String>] {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchmarkCommand.UsageError(message: "cannot read \(path)") }
        let table = try CSVReader.parse([UInt8](data), file: path, delimiter: 0x09, quoting: false)
        let columns = try table.columns(required: ["O*NET-SOC Code", "Related O*NET-SOC Code"], file: path)
        var related: [String: Set<String>] = [:]
        for record in table.records {
            guard let from = record.value("O*NET-SOC Code", in: columns), let to = record.value("Related O*NET-SOC Code", in: columns) else { continue }
            related[from, default: []].insert(to)
        }
        return related
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }
}
