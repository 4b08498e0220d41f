import SkillPathCore
import SkillPathTestSupport
import Testing

@Suite struct CatalogLoadingTests {
    @Test func loadsAndMergesEveryJSONFileSortedById() throws {
        let catalog = try Fixtures.catalog()
        #expect(catalog.skills.map(\.id) == ["data-viz", "kubernetes", "ml", "python", "sql", "statistics"])
        #expect(catalog.courses.count == 10)
        #expect(catalog.roles.map(\.id) == ["analyst", "lead", "ml-engineer", "scientist"])
        #expect(catalog.transitions.count == 3)
        let course = try #require(catalog.course("data-workshop"))
        #expect(course.language == "de")
        #expect(course.provider == "Acme")
        #expect(course.currency == "USD")
        #expect(catalog.course("py1")?.cost == .zero)
        #expect(catalog.course("py1")?.language == "en")
        #expect(catalog.role("analyst")?.grade == "2")
        #expect(catalog.role("analyst")?.requires.last?.importance == .optional)
        #expect(catalog.course("sql2")?.source == CatalogLocation(file: "courses/data.json", line: 3))
    }

    @Test func reportsWarningsWithoutRejecting() throws {
        let catalog = try Fixtures.catalog()
        let messages = catalog.warnings.map(\.description)
        #expect(messages.contains("roles.json:6: warning: role 'ml-engineer': requires 'kubernetes' at level 1, but no course teaches it [untaught-level]"))
        #expect(messages.contains("courses/data.json:7: warning: course 'ml-adv': can be taken only by employees who already hold 'kubernetes' at level 2 (no course teaches 'kubernetes') [unreachable-requirement]"))
        #expect(messages.contains { $0.contains("course 'py1'") } == false, "py1 is needed by py2")
    }

    @Test func versionIsAContentHashIndependentOfFileLayout() throws {
        let one = try Fixtures.catalog()
        let two = try Fixtures.catalog()
        #expect(one.version == two.version)
        #expect(one.version.hasPrefix("sha256:"))

        var merged = Fixtures.files
        let python = merged.removeValue(forKey: "courses/python.json")!
        merged["z-last.json"] = python.replacingOccurrences(of: "\n", with: "\n\n   ")
        let directory = TemporaryDirectory()
        let relaid = try CatalogLoader.load(directory: directory.write(merged))
        #expect(relaid.version == one.version)

        var changed = Fixtures.files
        changed["courses/python.json"] = python.replacingOccurrences(of: "\"hours\": 4", with: "\"hours\": 5")
        let other = TemporaryDirectory()
        #expect(try CatalogLoader.load(directory: other.write(changed)).version != one.version)
    }

    @Test func hiddenFilesAndNonJSONFilesAreIgnored() throws {
        var files = Fixtures.files
        files[".hidden/broken.json"] = "{ not json"
        files["README.md"] = "# notes"
        let directory = TemporaryDirectory()
        #expect(try CatalogLoader.load(directory: directory.write(files)).courses.count == 10)
    }

    @Test func aMissingDirectoryOrAnEmptyOneIsAClearError() {
        expectRejection(directory: "/nonexistent/catalog", ["/nonexistent/catalog: error: catalog directory does not exist [unreadable]"])
        let empty = TemporaryDirectory()
        expectRejection(directory: empty.path, ["\(empty.path): error: catalog directory holds no *.json files [unreadable]"])
    }
}

/// Loads a catalog expected to fail and checks the exact error lines.
func expectRejection(files: [String: String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = TemporaryDirectory()
    expectRejection(directory: directory.write(files), expected, sourceLocation: sourceLocation)
}

func expectRejection(directory: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try CatalogLoader.load(directory: directory)
        Issue.record("the catalog was accepted", sourceLocation: sourceLocation)
    } catch {
        #expect(error.errors.map(\.description) == expected, sourceLocation: sourceLocation)
    }
}
