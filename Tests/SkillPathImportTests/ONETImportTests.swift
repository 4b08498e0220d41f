import Foundation
import SkillPathCore
import SkillPathImport
import SkillPathJSON
import SkillPathTestSupport
import Testing

@Suite struct ONETImportTests {
    @Test(arguments: [(0.0, nil), (0.5, 1), (1.5, 1), (2.0, 2), (3.0, 2), (4.0, 3), (4.5, 3), (5.0, 4), (6.0, 4), (6.2, 5), (7.0, 5)] as [(Double, Int?)])
    func levelsMapFromZeroToSevenOntoOneToFive(onet: Double, level: Int?) {
        #expect(ONETImport.level(fromONET: onet) == level)
    }

    @Test(ExternalData.needs("onet-29.2", "onet-25.1-career-changers")) func importsSkillsRolesAndTransitionsThatMatchTheSource() throws {
        let folder = ExternalData.folder("onet-29.2")
        let changers = ExternalData.folder("onet-25.1-career-changers")
        let imported = try ONETImport(folder: folder, careerChangers: changers).run()
        #expect(imported.skills.count == 68)
        #expect(imported.skills.filter { $0.category == "knowledge" }.count == 33)
        #expect(imported.roles.count == 879)
        #expect(imported.summary.skipped.contains { $0.0 == "occupations without ratings (not imported as roles)" && $0.1 == 137 })
        #expect(imported.summary.notes.first?.contains("15-1252.00 Software Developers") == true, "the unrated occupations are named")
        // Shown, the note lists the first 10 and says how many more; --verbose lists every one.
        let short = try #require(imported.summary.lines(verbose: false).first { $0.hasPrefix("note: 137 occupations") })
        #expect(short.hasSuffix("; … and 127 more (--verbose lists them all)") && short.count < 700, "\(short.count): \(short.suffix(80))")
        #expect(imported.summary.lines(verbose: true).contains { $0.contains("15-1252.00 Software Developers") })

        // Spot check: Computer Programmers' Programming level and importance, straight from Skills.tsv.
        let source = try ExternalData.rows("\(folder)/Skills.tsv") { $0["O*NET-SOC Code"] == "15-1251.00" && $0["Element Name"] == "Programming" }
        let level = try #require(source.first { $0["Scale ID"] == "LV" }.flatMap { Double($0["Data Value"]!) })
        let importance = try #require(source.first { $0["Scale ID"] == "IM" }.flatMap { Double($0["Data Value"]!) })
        let role = try #require(imported.roles.first { $0.id == "15-1251.00" })
        let programming = try #require(role.requires.first { $0.skill == "programming" })
        #expect(programming.level == ONETImport.level(fromONET: level))
        #expect(programming.importance == (importance >= 3 ? .essential : .optional))
        #expect(role.weights.first { $0.skill == "programming" }?.weight == Quantity(hundredths: Int64((importance * 100).rounded())), "the importance kept as its weight")
        // Every importance row not marked Recommend Suppress is a weight, required or not.
        let ratedImportance = try ExternalData.rows("\(folder)/Skills.tsv") { $0["O*NET-SOC Code"] == "15-1251.00" && $0["Scale ID"] == "IM" && $0["Recommend Suppress"] != "Y" }.count
            + ExternalData.rows("\(folder)/Knowledge.tsv") { $0["O*NET-SOC Code"] == "15-1251.00" && $0["Scale ID"] == "IM" && $0["Recommend Suppress"] != "Y" }.count
        #expect(role.weights.count == ratedImportance)
        #expect(role.weights.count > role.requires.count)
        #expect(role.title == "Computer Programmers")
        #expect(try role.description == ExternalData.rows("\(folder)/Occupation Data.tsv") { $0["O*NET-SOC Code"] == "15-1251.00" }.first?["Description"])
        #expect(role.description?.hasPrefix("Create, modify, and test the code") == true, "\(role.description ?? "no description")")
        #expect(try role.grade == ExternalData.rows("\(folder)/Job Zones.tsv") { $0["O*NET-SOC Code"] == "15-1251.00" }.first?["Job Zone"])

        // Transitions are promotions exactly when the job zone rises.
        let zones = Dictionary(uniqueKeysWithValues: imported.roles.map { ($0.id, Int($0.grade ?? "0") ?? 0) })
        try #require(imported.transitions.count > 1_000, "transitions were imported (\(imported.transitions.count))")
        for transition in imported.transitions {
            #expect((transition.kind == .promotion) == (zones[transition.to]! > zones[transition.from]!))
        }
        let primary = try ExternalData.rows("\(folder)/Related Occupations.tsv") { $0["O*NET-SOC Code"] == "15-1251.00" && $0["Relatedness Tier"] == "Primary-Short" }
        let rated = Set(imported.roles.map(\.id))
        let expected = Set(primary.compactMap { $0["Related O*NET-SOC Code"] }.filter(rated.contains))
        try #require(!expected.isEmpty, "Computer Programmers have rated Primary-Short relatives to check")
        #expect(Set(imported.transitions.filter { $0.from == "15-1251.00" }.map(\.to)).isSuperset(of: expected))
    }

    @Test(ExternalData.needs("onet-29.2")) func theOutputPassesCatalogCheckAndIsIdenticalWhenReimported() throws {
        let folder = ExternalData.folder("onet-29.2")
        let directory = TemporaryDirectory()
        let first = try ExternalData.importCatalog(["onet", folder, "--out", "\(directory.path)/a"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("roles (rated occupations): 879"))
        #expect(first.stdout.contains("skipped:"))
        _ = try ExternalData.importCatalog(["onet", folder, "--out", "\(directory.path)/b"])
        for file in ["skills.json", "roles.json", "transitions.json", "ATTRIBUTION"] {
            #expect(FileManager.default.contents(atPath: "\(directory.path)/a/\(file)") == FileManager.default.contents(atPath: "\(directory.path)/b/\(file)"), "\(file)")
        }
        let check = try ProcessRunner.run("skillpath", ["catalog", "check", "\(directory.path)/a"])
        #expect(check.status == 0)
        let attribution = try String(contentsOfFile: "\(directory.path)/a/ATTRIBUTION", encoding: .utf8)
        #expect(attribution.contains("CC BY 4.0"))
        #expect(attribution.contains("USDOL/ETA"))
    }

    @Test(ExternalData.needs("onet-29.2")) func combinedWithACourseListTheDaemonPlansOccupations() throws {
        let folder = ExternalData.folder("onet-29.2")
        let directory = TemporaryDirectory()
        #expect(try ExternalData.importCatalog(["onet", folder, "--out", "\(directory.path)/catalog/onet"]).status == 0)
        directory.write(["lms.csv": """
            id,title,format,hours,cost,teaches,requires,provider
            prog-1,Programming basics,video,10,0,programming:2,,Acme
            prog-2,Software construction,hands-on,30,400,programming:4,programming:2,Acme
            math-1,Applied mathematics,reading,20,50,mathematics:3;mathematics-knowledge:3,,Acme
            crit-1,Critical thinking workshop,instructor-led,8,300,critical-thinking:4,,Acme
            """])
        let lms = try ExternalData.importCatalog(["courses-csv", "\(directory.path)/lms.csv", "--skills-from", "\(directory.path)/catalog/onet", "--out", "\(directory.path)/catalog/lms"])
        #expect(lms.status == 0, "\(lms.stderr)")
        #expect(lms.stdout.contains("skills created for ids the courses name: 0"))
        let catalog = try CatalogLoader.load(directory: "\(directory.path)/catalog")
        let daemon = try DaemonProcess(catalogFiles: nil, catalog: "\(directory.path)/catalog")
        let plans = try expectServedPlansAreValid(daemon, catalog: catalog, roles: ["15-1251.00", "15-2031.00"])
        #expect(plans[0].steps.map(\.course).contains("prog-2"), "Computer Programmers need Programming, which the course list teaches")
        try #require(!plans[0].unmet.isEmpty, "the small list leaves skills unmet")
        #expect(plans[0].unmet.allSatisfy { $0.reason == .noCourse }, "the rest has no course in this small list")
    }
}

/// Importers on malformed files they did not expect: an `Error:` naming the file, line and column, exit 65,
/// and nothing written. Never a crash.
@Suite struct MalformedImportTests {
    static let header = "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"

    func onetFolder(skillsRow: String) -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write([
            "onet/Occupation Data.tsv": "O*NET-SOC Code\tTitle\tDescription\n15-1251.00\tComputer Programmers\tx\n",
            "onet/Job Zones.tsv": "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n15-1251.00\tComputer Programmers\t4\t08/2023\tAnalyst\n",
            "onet/Skills.tsv": Self.header + skillsRow,
            "onet/Knowledge.tsv": Self.header,
            "onet/Related Occupations.tsv": "O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex\n",
        ])
        return directory
    }

    @Test(arguments: [
        ("15-1251.00\tComputer Programmers\t2.A.1.a\t\tIM\tImportance\t3.5\t8\t0.1\t3\t4\tN\tn/a\t08/2023\tAnalyst\n", "Skills.tsv:2, column 'Element Name': is empty"),
        ("15-1251.00\tComputer Programmers\t2.A.1.a\tReading\tLV\tLevel\tinf\t8\t0.1\t3\t4\tN\tn/a\t08/2023\tAnalyst\n", "Skills.tsv:2, column 'Data Value': expected a number"),
        ("15-1251.00\tComputer Programmers\t2.A.1.a\tReading\tLV\tLevel\t1e400\t8\t0.1\t3\t4\tN\tn/a\t08/2023\tAnalyst\n", "Skills.tsv:2, column 'Data Value': expected a number"),
    ])
    func aMalformedONETRowIsAnErrorNotACrash(row: String, message: String) throws {
        let directory = onetFolder(skillsRow: row)
        let result = try ProcessRunner.run("skillpath", ["catalog", "import", "onet", "\(directory.path)/onet", "--out", "\(directory.path)/out"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/out/skills.json"))
    }
}
