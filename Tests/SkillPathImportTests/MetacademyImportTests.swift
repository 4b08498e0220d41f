import Foundation
import SkillPathCore
import SkillPathImport
import SkillPathJSON
import SkillPathTestSupport
import Testing

@Suite struct MetacademyImportTests {
    @Test(ExternalData.needs("metacademy")) func conceptsResourcesAndPrerequisitesMatchTheSource() throws {
        let folder = ExternalData.folder("metacademy")
        let imported = try MetacademyImport(folder: folder).run()
        #expect(imported.skills.count == 392)
        #expect(imported.courses.count == 1_084, "1,099 resource links less 15 of shortcut nodes")
        #expect(imported.summary.imported.contains { $0.0 == "prerequisite edges" && $0.1 == 965 })
        #expect(imported.roles.count == 3)
        #expect(imported.summary.skipped.contains { $0.0.hasPrefix("dangling prerequisite references") && $0.1 == 20 })
        #expect(imported.summary.notes.contains { $0.contains("convolution (needed by convolutional_nets)") })
        // Spot check: backpropagation needs the chain rule and feed-forward nets, as dependencies.tsv says.
        let course = try #require(imported.courses.first { $0.teaches.first?.skill == "backpropagation" })
        #expect(Set(course.requires.map(\.skill)).isSuperset(of: ["chain_rule", "feed_forward_neural_nets"]))
    }

    @Test(ExternalData.needs("metacademy")) func theDaemonPlansValidPathsThroughTheDeepGraph() throws {
        let folder = ExternalData.folder("metacademy")
        let directory = TemporaryDirectory()
        let result = try ExternalData.importCatalog(["metacademy", folder, "--out", "\(directory.path)/catalog"])
        #expect(result.status == 0, "\(result.stderr)")
        let catalog = try CatalogLoader.load(directory: "\(directory.path)/catalog")
        // A role for the deepest concepts too: prerequisite chains up to 18 long.
        directory.write(["catalog/deep.json": #"{"roles": [{"id": "deep", "title": "Deep learning theory", "requires": [{"skill": "variational_bayes", "level": 1}, {"skill": "backpropagation", "level": 1}, {"skill": "gibbs_sampling", "level": 1}]}]}"#])
        let served = try CatalogLoader.load(directory: "\(directory.path)/catalog")
        let daemon = try DaemonProcess(catalogFiles: nil, catalog: "\(directory.path)/catalog")
        let plans = try expectServedPlansAreValid(daemon, catalog: served, roles: catalog.roles.map(\.id) + ["deep"])
        try #require(plans.count > 1, "the course lists became roles, and each was planned")
        for plan in plans {
            // Every concept the lists need is reached, except those no resource teaches.
            #expect(plan.unmet.allSatisfy { $0.reason == .noCourse || $0.reason == .unreachablePrerequisites })
            #expect(plan.steps.count >= plan.gap.count - plan.unmet.count)
        }
        #expect(plans.last!.unmet.isEmpty)
        #expect(plans.last!.steps.count >= 18, "a long prerequisite chain")
    }
}
