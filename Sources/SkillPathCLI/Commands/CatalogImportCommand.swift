import Foundation
import SkillPathCore
import SkillPathImport
import SkillPathJSON
import SkillPathProtocol
import SystemSupport

/// `skillpath catalog import SOURCE INPUT... --out DIR`: build a catalog from a public taxonomy or an LMS export.
enum CatalogImportCommand: Command {
    static let sources = ["onet", "esco", "metacademy", "princeton", "courses-csv"]

    static let spec = CommandSpec(
        path: ["catalog", "import"], summary: "build a catalog from O*NET, ESCO, Metacademy, Princeton or an LMS course CSV",
        synopsis: "catalog import onet|esco|metacademy|princeton|courses-csv INPUT... --out DIR [options] [--json]",
        discussion: """
        INPUT is the source's folder (for onet, a second INPUT may be the Career Changers Matrix), or for
        courses-csv one or more CSV files. The output is catalog JSON files and an ATTRIBUTION file; it passes
        'catalog check', and importing again gives identical files. docs/catalog.md#importing has the mappings.
        """,
        options: [
            OptionSpec("out", value: "DIR", help: "where to write the catalog files"),
            OptionSpec("importance-threshold", value: "N", help: "onet: importance at or above which a skill is essential (default 3)"),
            OptionSpec("related-tiers", value: "TIERS", repeatable: true, help: "onet: Related Occupations tiers to use (default Primary-Short)"),
            OptionSpec("career-changers", value: "PATH", help: "onet: the Career Changers Matrix (TSV or its folder)"),
            OptionSpec("level", value: "N", help: "esco: the level every requirement gets (default 3)"),
            OptionSpec("similarity", value: "X", help: "esco: essential-skill Jaccard similarity for a lateral move (default 0.3)"),
            OptionSpec("default-hours", value: "H", help: "metacademy: hours without an estimate (1); princeton: hours per course (120)"),
            OptionSpec("role", value: "COURSE", repeatable: true, help: "princeton: add a role requiring this course"),
            OptionSpec("skills-from", value: "DIR", help: "courses-csv: a catalog whose skills the courses use (not created again)"),
        ],
        positionals: ["SOURCE", "INPUT"], minimumPositionals: 2, maximumPositionals: nil,
        examples: [
            "skillpath catalog import onet ../shared/data/external/onet-29.2 --career-changers ../shared/data/external/onet-25.1-career-changers --out catalogs/onet",
            "skillpath catalog import esco ../shared/data/external/esco-1.1.1 --out catalogs/esco",
            "skillpath catalog import metacademy ../shared/data/external/metacademy --out catalogs/metacademy",
            "skillpath catalog import princeton ../shared/data/external/princeton-prereqs --role 'COS 226' --out catalogs/princeton",
            "skillpath catalog import courses-csv lms/courses.csv --skills-from catalogs/onet --out catalogs/onet/lms",
        ])

    static func run(_ context: CommandContext) throws(CLIError) -> ExitCode {
        let arguments = context.arguments
        let source = arguments.positionals[0]
        let inputs = Array(arguments.positionals.dropFirst())
        let out = try arguments.required("out")
        guard sources.contains(source) else {
            throw .usage("SOURCE must be one of \(sources.joined(separator: ", ")), got '\(source)'")
        }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw CLIError(.noInput, "\(input): no such file or directory")
        }
        let started = ContinuousClock.now
        let progress = StageProgress(enabled: Terminal.isTerminal(2) && !context.wantsJSON)
        defer { progress.end() }
        progress.begin("Reading \(source) from \(inputs.joined(separator: ", "))")
        var (imported, base) = try importing(source, inputs: inputs, arguments: arguments)
        progress.begin("Checking the imported catalog")
        let files = imported.files
        imported.releaseItems()
        let catalog: Catalog
        do {
            catalog = try ImportedCatalog.validate(files, with: base)
        } catch {
            throw CLIError(.dataError, "the imported catalog would not pass catalog check (\(error.errors.count) error\(error.errors.count == 1 ? "" : "s")); nothing was written",
                           details: error.errors.prefix(20).map { "  \($0)" })
        }
        progress.begin("Writing \(out)")
        do {
            try imported.write(files, to: out)
        } catch {
            throw CLIError(.failure, "cannot write to \(out): \(error.localizedDescription)")
        }
        progress.end()
        report(imported, catalog: catalog, source: source, out: out, seconds: (ContinuousClock.now - started).seconds, context: context)
        return .success
    }

    /// Runs the importer `source` names with the options given; returns the catalog and, for a course CSV
    /// read against another catalog's skills, that catalog.
    static func importing(_ source: String, inputs: [String], arguments: ParsedArguments) throws(CLIError) -> (ImportedCatalog, Catalog?) {
        do {
            switch source {
            case "onet":
                var importer = ONETImport(folder: inputs[0], careerChangers: arguments.value("career-changers") ?? inputs.dropFirst().first)
                if let text = arguments.value("importance-threshold") { importer.importanceThreshold = try number(text, "importance-threshold", 1...5) }
                let tiers = arguments.values("related-tiers")
                for tier in tiers where !ONETImport.tiers.contains(tier) { throw CLIError.usage("--related-tiers: one of \(ONETImport.tiers.joined(separator: ", ")), got '\(tier)'") }
                if !tiers.isEmpty { importer.relatedTiers = Set(tiers) }
                return (try importer.run(), nil)
            case "esco":
                var importer = ESCOImport(folder: inputs[0])
                if let text = arguments.value("level") { importer.requiredLevel = Int(try number(text, "level", 1...5)) }
                if let text = arguments.value("similarity") { importer.similarity = try number(text, "similarity", 0.01...1) }
                return (try importer.run(), nil)
            case "metacademy":
                var importer = MetacademyImport(folder: inputs[0])
                if let text = arguments.value("default-hours") { importer.defaultHours = try hours(text) }
                return (try importer.run(), nil)
            case "princeton":
                var importer = PrincetonImport(folder: inputs[0])
                if let text = arguments.value("default-hours") { importer.defaultHours = try hours(text) }
                importer.goalCourses = arguments.options["role"] ?? []
                return (try importer.run(), nil)
            default:
                var importer = CourseCSVImport(files: inputs)
                let base = try arguments.value("skills-from").map { directory throws(CLIError) in try OfflineInputs.catalog(directory) }
                if let base { importer.knownSkills = Set(base.skills.map(\.id)) }
                return (try importer.run(), base)
            }
        } catch let error as CLIError {
            throw error
        } catch let error as ImportError {
            throw CLIError(error.missingInput ? .noInput : .dataError, error.description)
        } catch let error as ImportErrors {
            throw CLIError(.dataError, "\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s") in the input", details: error.errors.map { "  \($0)" })
        } catch {
            throw CLIError(.failure, "\(error)")
        }
    }

    /// What was imported: the summary, the check's verdict and warnings (or all of it as JSON).
    static func report(_ imported: ImportedCatalog, catalog: Catalog, source: String, out: String, seconds: Double, context: CommandContext) {
        if context.wantsJSON {
            context.console.json(.object([
                ("source", .string(source)), ("out", .string(out)), ("seconds", .double((seconds * 100).rounded() / 100)),
                ("imported", .object(imported.summary.imported.map { ($0.0, JSONValue.int($0.1)) })),
                ("skipped", .object(imported.summary.skipped.map { ($0.0, JSONValue.int($0.1)) })),
                ("notes", .strings(imported.summary.notes)), ("warnings", .int(catalog.warnings.count)), ("version", .string(catalog.version)),
            ]))
            return
        }
        let console = context.console
        console.line(console.styled("Imported \(source) into \(out)", .bold) + String(format: " in %.1f s:", seconds))
        imported.summary.lines(verbose: context.arguments.flag("verbose")).forEach(console.line)
        console.line("catalog check: valid, \(catalog.warnings.count) warning\(catalog.warnings.count == 1 ? "" : "s"); version \(catalog.version)")
        CatalogCheckCommand.warningLines(catalog.warnings, console: console, verbose: false).forEach(console.line)
    }

    static func number(_ text: String, _ flag: String, _ range: ClosedRange<Double>) throws(CLIError) -> Double {
        guard let value = Double(text), range.contains(value) else {
            throw .usage("--\(flag) must be a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    static func hours(_ text: String) throws(CLIError) -> Quantity {
        guard let value = Quantity(literal: text), value > .zero else { throw .usage("--default-hours must be a number greater than 0, got '\(text)'") }
        return value
    }
}
