import Foundation
import SkillPathCore
import SkillPathFuzz
import SkillPathImport
import SkillPathTestSupport
import Testing

/// Every importer on hundreds of damaged copies of a small valid input: each run ends in a catalog that
/// validates, or in an error that names the file it is about. A crash fails the whole test process.
@Suite struct ImportFuzzTests {
    static let onet: [String: String] = [
        "Occupation Data.tsv": "O*NET-SOC Code\tTitle\tDescription\n15-1251.00\tComputer Programmers\tx\n15-1252.00\tSoftware Developers\ty\n",
        "Job Zones.tsv": "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n15-1251.00\tComputer Programmers\t4\t08/2023\tAnalyst\n15-1252.00\tSoftware Developers\t4\t08/2023\tAnalyst\n",
        "Skills.tsv": MalformedImportTests.header + """
            15-1251.00\tComputer Programmers\t2.B.3.e\tProgramming\tIM\tImportance\t4.25\t8\t0.1\t3\t4\tN\tn/a\t08/2023\tAnalyst
            15-1251.00\tComputer Programmers\t2.B.3.e\tProgramming\tLV\tLevel\t5.5\t8\t0.1\t3\t4\tN\tN\t08/2023\tAnalyst
            15-1252.00\tSoftware Developers\t2.A.1.a\tReading Comprehension\tIM\tImportance\t3.5\t8\t0.1\t3\t4\tN\tn/a\t08/2023\tAnalyst
            15-1252.00\tSoftware Developers\t2.A.1.a\tReading Comprehension\tLV\tLevel\t4.0\t8\t0.1\t3\t4\tN\tN\t08/2023\tAnalyst

            """,
        "Knowledge.tsv": MalformedImportTests.header,
        "Related Occupations.tsv": "O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex\n15-1251.00\tComputer Programmers\t15-1252.00\tSoftware Developers\tPrimary-Short\t1\n",
    ]
    static let esco: [String: String] = [
        "skills_en.csv": "conceptUri,preferredLabel,skillType,reuseLevel,altLabels,description\nhttp://e/s/1,use databases,skill/competence,cross-sector,\"db\nsql\",x\nhttp://e/s/2,Python,knowledge,sector-specific,,y\n",
        "occupations_en.csv": "conceptUri,preferredLabel,iscoGroup,code\nhttp://e/o/1,data analyst,2511,2511.1\nhttp://e/o/2,data engineer,2511,2511.2\n",
        "occupationSkillRelations.csv": "occupationUri,relationType,skillType,skillUri\nhttp://e/o/1,essential,skill/competence,http://e/s/1\nhttp://e/o/2,essential,knowledge,http://e/s/2\nhttp://e/o/2,optional,skill/competence,http://e/s/1\n",
    ]
    static let metacademy: [String: String] = [
        "derived/concepts.tsv": "tag\ttitle\ttime_estimate_hours\tsummary\nlinear_algebra\tLinear algebra\t4.5\tvectors\nregression\tLinear regression\t\tfits\n",
        "derived/dependencies.tsv": "node_kind\tconcept_tag\tprerequisite_tag\tprerequisite_exists\nconcept\tregression\tlinear_algebra\t1\nconcept\tregression\tcalculus\t0\n",
        "derived/concept_resources.tsv": "node_kind\tconcept_tag\tresource_index\ttitle\tresource_type\tfree\tlevel\turl\tauthors\tlocations\tcore\tsource_key\nconcept\tlinear_algebra\t0\tMIT 18.06\tcourse\t1\tintroductory\thttp://x\tStrang\tLecture 1 || Lecture 2\t1\tmit\nconcept\tregression\t0\tESL\tbook\t0\tadvanced\t\tHastie\t\t0\tesl\n",
        "derived/course_concepts.tsv": "course\tcourse_title\tposition\tconcept_tag\nml basics\tml basics\t1\tlinear_algebra\nml basics\tml basics\t2\tregression\n",
    ]
    static let princeton: [String: String] = [
        "derived/courses_prereqs.tsv": "dept\tcourse\ttitle\treqs_expanded\tequiv\nCOS\tCOS 126\tComputer Science\t\t\nCOS\tCOS 226\tAlgorithms\tCOS 126\tEGR 126\nCOS\tCOS 326\tFunctional Programming\t(COS 226 | COS 217) & MAT 202\t\n",
    ]

    func fuzz(_ name: String, files: [String: String], seed: UInt64, runs: Int = 150, importer: (String) throws -> ImportedCatalog) throws {
        var mutator = FileMutator(seed: seed)
        let original = files.mapValues { Array($0.utf8) }
        var imported = 0
        for run in 0..<runs {
            let directory = TemporaryDirectory()
            for (file, bytes) in mutator.mutate(original) {
                let path = "\(directory.path)/in/\(file)"
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            do {
                let catalog = try importer("\(directory.path)/in")
                do {
                    _ = try ImportedCatalog.validate(catalog.files)
                } catch {
                    Issue.record("\(name) run \(run): the import succeeded but its catalog does not validate: \(error.errors.prefix(3))")
                }
                imported += 1
            } catch let error as ImportError {
                #expect(error.file.hasPrefix(directory.path), "\(name) run \(run): \(error)")
            } catch let errors as ImportErrors {
                #expect(errors.errors.allSatisfy { $0.file.hasPrefix(directory.path) }, "\(name) run \(run): \(errors)")
            }
        }
        #expect(imported > 0, "\(name): some damage should still import")
    }

    @Test func onetSurvivesDamagedFiles() throws {
        try fuzz("onet", files: Self.onet, seed: 1) { try ONETImport(folder: $0).run() }
    }

    @Test func escoSurvivesDamagedFiles() throws {
        try fuzz("esco", files: Self.esco, seed: 2) { try ESCOImport(folder: $0).run() }
    }

    @Test func metacademySurvivesDamagedFiles() throws {
        try fuzz("metacademy", files: Self.metacademy, seed: 3) { try MetacademyImport(folder: $0).run() }
    }

    @Test func princetonSurvivesDamagedFiles() throws {
        try fuzz("princeton", files: Self.princeton, seed: 4) { try PrincetonImport(folder: $0).run() }
    }

    @Test func courseListsSurviveDamagedFiles() throws {
        let example = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/docs/examples/lms-courses.csv", encoding: .utf8)
        try fuzz("courses-csv", files: ["lms.csv": example], seed: 5) { try CourseCSVImport(files: ["\($0)/lms.csv"]).run() }
    }
}
