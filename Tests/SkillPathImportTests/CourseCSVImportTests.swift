import Foundation
import SkillPathCore
import SkillPathImport
import SkillPathJSON
import SkillPathTestSupport
import Testing

@Suite struct CourseCSVImportTests {
    @Test func theDocumentedExampleImportsAndChecks() throws {
        let example = "\(ProcessRunner.packageRoot)/docs/examples/lms-courses.csv"
        let directory = TemporaryDirectory()
        let result = try ExternalData.importCatalog(["courses-csv", example, "--out", "\(directory.path)/out"])
        #expect(result.status == 0, "\(result.stderr)")
        let catalog = try CatalogLoader.load(directory: "\(directory.path)/out")
        let course = try #require(catalog.course("py-201"))
        #expect(course.requires == [SkillLevel(skill: "python", level: 1)])
        #expect(course.after == ["py-101"])
        #expect(course.cost == Quantity(hundredths: 19_900))
        #expect(course.language == "de")
    }

    @Test func headersAreMatchedByNameInAnyOrder() throws {
        let directory = TemporaryDirectory()
        directory.write(["c.csv": "TEACHES,hours,Title,id,format\n\"sql:2\",4,SQL,sql-1,video\n"])
        let imported = try CourseCSVImport(files: ["\(directory.path)/c.csv"]).run()
        #expect(imported.courses.first?.teaches == [SkillLevel(skill: "sql", level: 2)])
        #expect(imported.skills.map(\.id) == ["sql"])
    }

    @Test func everyBadCellIsNamedByFileLineAndColumn() throws {
        let directory = TemporaryDirectory()
        directory.write(["bad.csv": """
            id,title,format,hours,cost,teaches,requires
            a,A,video,zero,0,python:1,
            b,B,video,2,-5,python:1,
            c,C,video,2,0,python-3,
            d,D,video,2,0,python:1,sql:9
            e,,video,2,0,python:1,
            """])
        do {
            _ = try CourseCSVImport(files: ["\(directory.path)/bad.csv"]).run()
            Issue.record("the import was accepted")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(directory.path)/bad.csv:2, column 'hours': must be a number greater than 0 and at most 100000, got 'zero'",
                "\(directory.path)/bad.csv:3, column 'cost': must be a number from 0 to 1000000000, got '-5'",
                "\(directory.path)/bad.csv:4, column 'teaches': expected skill:level with a level from 1 to 5, got 'python-3'",
                "\(directory.path)/bad.csv:5, column 'requires': expected skill:level with a level from 1 to 5, got 'sql:9'",
                "\(directory.path)/bad.csv:6, column 'title': is empty",
            ])
        }
        let cli = try ExternalData.importCatalog(["courses-csv", "\(directory.path)/bad.csv", "--out", "\(directory.path)/out"])
        #expect(cli.status == 65)
        #expect(cli.stderr.hasPrefix("Error: 5 problems in the input\n  \(directory.path)/bad.csv:2, column 'hours'"))
        #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/out"), "nothing is written")
        directory.write(["noheader.csv": "id,title\nx,y\n"])
        let header = try ExternalData.importCatalog(["courses-csv", "\(directory.path)/noheader.csv", "--out", "\(directory.path)/out"])
        #expect(header.stderr.contains("noheader.csv:1: missing columns 'format', 'hours', 'teaches' in the header (found: id, title)"))
    }

    @Test func aRepeatedIdOrAnAfterNamingNoRowIsAnErrorWithItsPlace() throws {
        let directory = TemporaryDirectory()
        directory.write([
            "one.csv": "id,title,format,hours,teaches,after\nsql-1,SQL,video,2,sql:1,\nsql-2,SQL 2,video,2,sql:2,sql-0\n",
            "two.csv": "id,title,format,hours,teaches\nsql-1,Again,video,2,sql:1\n",
        ])
        do {
            _ = try CourseCSVImport(files: ["\(directory.path)/one.csv", "\(directory.path)/two.csv"]).run()
            Issue.record("a repeated id and a dangling after were accepted")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(directory.path)/two.csv:2, column 'id': course 'sql-1' is listed again (first at \(directory.path)/one.csv:2)",
                "\(directory.path)/one.csv:3, column 'after': names course 'sql-0', which no row lists",
            ])
        }
    }

    @Test func aListTheCatalogCheckWouldRejectLeavesTheEarlierImportUntouched() throws {
        let directory = TemporaryDirectory()
        let out = "\(directory.path)/out"
        directory.write([
            "good.csv": "id,title,format,hours,teaches\nsql-1,SQL,video,4,sql:1\n",
            "cycle.csv": "id,title,format,hours,teaches,after\na,A,video,1,sql:1,b\nb,B,video,1,sql:2,a\n",
        ])
        #expect(try ExternalData.importCatalog(["courses-csv", "\(directory.path)/good.csv", "--out", out]).status == 0)
        let before = try String(contentsOfFile: "\(out)/courses.json", encoding: .utf8)

        let rejected = try ExternalData.importCatalog(["courses-csv", "\(directory.path)/cycle.csv", "--out", out])
        #expect(rejected.status == 65)
        #expect(rejected.stderr.hasPrefix("Error: the imported catalog would not pass catalog check (1 error); nothing was written"))
        #expect(rejected.stderr.contains("courses.json: error: course 'a': courses form a cycle through 'after': 'a' → 'b' → 'a'"), "\(rejected.stderr)")
        #expect(try String(contentsOfFile: "\(out)/courses.json", encoding: .utf8) == before)
    }

    @Test func unknownSourcesAndMissingFoldersAreClearErrors() throws {
        let unknown = try ExternalData.importCatalog(["moodle", "x", "--out", "/tmp/x"])
        #expect(unknown.status == 64)
        let missing = try ExternalData.importCatalog(["metacademy", "/nonexistent", "--out", "/tmp/x"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "Error: /nonexistent: no such file or directory\n")
        // A folder without the file the importer reads: also missing input, naming the file.
        let empty = TemporaryDirectory()
        let incomplete = try ExternalData.importCatalog(["metacademy", empty.path, "--out", "\(empty.path)/out"])
        #expect(incomplete.status == 66)
        #expect(incomplete.stderr == "Error: \(empty.path)/derived/concepts.tsv: no such file\n")
    }
}
