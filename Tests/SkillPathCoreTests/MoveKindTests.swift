import SkillPathCore
import SkillPathTestSupport
import Testing

/// Which kind a change of role is: the catalog's transition, else what the caller said, else lateral.
@Suite struct MoveKindTests {
    @Test func theCatalogDecidesPermanentMovesAndASecondmentStaysOne() throws {
        let catalog = try Fixtures.catalog()
        func resolve(_ from: String, _ to: String, _ given: Transition.Kind?) -> String {
            let kind = MoveKind.resolve(from: from, to: to, given: given, catalog: catalog)
            return "\(kind.kind.rawValue)/\(kind.origin.rawValue)"
        }
        #expect(resolve("analyst", "scientist", nil) == "promotion/transition")
        #expect(resolve("analyst", "scientist", .lateral) == "promotion/transition", "the catalog's definition wins")
        #expect(resolve("analyst", "scientist", .secondment) == "secondment/given", "temporary is the arrangement's fact")
        #expect(resolve("scientist", "analyst", .promotion) == "promotion/given")
        #expect(resolve("scientist", "analyst", nil) == "lateral/default")
        #expect(MoveKind.permanent(from: "analyst", to: "ml-engineer", catalog: catalog) == MoveKind(kind: .lateral, origin: .transition))
        #expect(MoveKind.permanent(from: "lead", to: "analyst", catalog: catalog) == MoveKind(kind: .lateral, origin: .default))
    }
}
