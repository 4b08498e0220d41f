import Foundation
import SkillPathCore
import SkillPathImport
import SkillPathJSON
import SkillPathTestSupport
import Testing

@Suite struct PrincetonImportTests {
    @Test(ExternalData.needs("princeton-prereqs")) func andOrExpressionsBecomeRequirementsAndAnyOfSkills() throws {
        let folder = ExternalData.folder("princeton-prereqs")
        let imported = try PrincetonImport(folder: folder).run()
        #expect(imported.summary.imported.contains { $0.0 == "rows" && $0.1 == 2_707 })
        #expect(imported.summary.notes.contains("self-loops removed: MAT 210, SAN 305"))
        // COS 240 needs INTROCOS (COS126 | ECE115 | ISC231 & … & ISC234) and (LINEAR | MAT175).
        let cos240 = try #require(imported.courses.first { $0.id == "cos-240" })
        #expect(cos240.requires.count == 2)
        #expect(cos240.requires.allSatisfy { $0.skill.hasPrefix("any-") })
        let introcos = try #require(cos240.requires.first { skill in imported.courses.first { $0.id == "cos-126" }!.teaches.contains { $0.skill == skill.skill } })
        #expect(imported.courses.first { $0.id == "ece-115" }?.teaches.contains { $0.skill == introcos.skill } == true)
        let credit = try #require(imported.courses.first { $0.format == "credit" && $0.teaches.first?.skill == introcos.skill })
        #expect(Set(credit.requires.map(\.skill)) == ["passed-isc-231", "passed-isc-232", "passed-isc-233", "passed-isc-234"])
        // MAT 210's own name is gone from its requirement (the self-loop), the rest of CALCULUS is kept.
        let mat210 = try #require(imported.courses.first { $0.id == "mat-210" })
        #expect(!mat210.requires.contains { $0.skill == "passed-mat-210" })
        _ = try ImportedCatalog.validate(imported.files)
    }

    @Test(ExternalData.needs("princeton-prereqs")) func theDaemonPlansValidPathsToChosenCourses() throws {
        let folder = ExternalData.folder("princeton-prereqs")
        let directory = TemporaryDirectory()
        let goals = ["COS 226", "COS 240", "MAT 375", "ORF 245", "ECO 310"]
        let result = try ExternalData.importCatalog(["princeton", folder, "--out", "\(directory.path)/catalog"] + goals.flatMap { ["--role", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("note: self-loops removed: MAT 210, SAN 305"))
        let catalog = try CatalogLoader.load(directory: "\(directory.path)/catalog")
        let daemon = try DaemonProcess(catalogFiles: nil, catalog: "\(directory.path)/catalog")
        let plans = try expectServedPlansAreValid(daemon, catalog: catalog, roles: catalog.roles.map(\.id))
        #expect(plans.count == goals.count)
        for plan in plans {
            #expect(plan.unmet.isEmpty, "\(plan.targetRole) is reachable")
            #expect(plan.steps.last.map { catalog.course($0.course)?.teaches.contains { $0.skill == plan.gap[0].skill } } == true)
        }
    }
}
