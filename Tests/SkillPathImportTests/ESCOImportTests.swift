import Foundation
import SkillPathCore
import SkillPathImport
import SkillPathJSON
import SkillPathTestSupport
import Testing

@Suite struct ESCOImportTests {
    @Test(ExternalData.needs("esco-1.1.1")) func importsTheWholeClassificationAndReportsDanglingLinks() throws {
        let folder = ExternalData.folder("esco-1.1.1")
        let imported = try ESCOImport(folder: folder).run()
        #expect(imported.skills.count == 13_896)
        #expect(imported.skills.filter { $0.category?.hasPrefix("knowledge") == true }.count == 3_059)
        #expect(imported.roles.count == 3_007)
        #expect(imported.roles.reduce(0) { $0 + $1.requires.count } == 123_855 - 67)
        #expect(imported.summary.skipped.contains { $0.0.hasPrefix("links to occupations not in occupations_en.csv") && $0.1 == 67 })

        // Spot check: software developer has 24 essential and 80 optional skills.
        let developer = try #require(imported.roles.first { $0.id == "esco-occupation-f2b15a0e-e65a-438a-affb-29b9d50b77d1" })
        #expect(developer.title == "software developer")
        #expect(developer.description?.hasPrefix("Software developers implement or program all kinds of software systems") == true, "\(developer.description ?? "no description")")
        #expect(developer.requires.filter { $0.importance == .essential }.count == 24)
        #expect(developer.requires.filter { $0.importance == .optional }.count == 80)
        #expect(developer.requires.allSatisfy { $0.level == 3 })
        let programming = try #require(imported.skills.first { $0.name == "computer programming" })
        #expect(programming.externalIds.esco?.hasPrefix("http://data.europa.eu/esco/skill/") == true)

        // Moves are lateral, both ways, between occupations sharing enough essential skills.
        try #require(imported.transitions.count > 1_000, "transitions were derived (\(imported.transitions.count))")
        let moves = Set(imported.transitions.map { "\($0.from)>\($0.to)" })
        #expect(imported.transitions.allSatisfy { $0.kind == .lateral && moves.contains("\($0.to)>\($0.from)") })
        let essentials = Dictionary(uniqueKeysWithValues: imported.roles.map { ($0.id, Set($0.requires.filter { $0.importance == .essential }.map(\.skill))) })
        for transition in imported.transitions.prefix(200) {
            let a = essentials[transition.from]!, b = essentials[transition.to]!
            #expect(Double(a.intersection(b).count) / Double(a.union(b).count) >= 0.3)
        }
        _ = try ImportedCatalog.validate(imported.files)
    }
}
