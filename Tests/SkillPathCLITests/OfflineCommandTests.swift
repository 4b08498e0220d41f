import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The real `skillpath` binary, offline: catalog check, plan, compare and route on catalog directories.
@Suite struct OfflineCommandTests {
    let directory = TemporaryDirectory()
    var catalog: String { "\(directory.path)/catalog" }
    var profile: String { "\(directory.path)/me.json" }

    init() {
        directory.write(Dictionary(uniqueKeysWithValues: Fixtures.files.map { ("catalog/\($0.key)", $0.value) }))
        directory.write(["me.json": #"{"skills": [{"skill": "python", "level": 1}, {"skill": "sql", "level": 2}], "role": "analyst"}"#])
    }

    func skillpath(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessOutput {
        try ProcessRunner.run("skillpath", arguments, environment: environment)
    }

    @Test func catalogCheckAcceptsTheShippedCatalog() throws {
        let result = try skillpath("catalog", "check", "\(ProcessRunner.packageRoot)/Catalog")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Catalog: valid (0 errors"))
        let json = try JSONParser.parse(try skillpath("catalog", "check", "\(ProcessRunner.packageRoot)/Catalog", "--json").stdout)
        #expect(json["valid"] == .bool(true))
        #expect((json["counts"]?["skills"]?.intValue ?? 0) >= 120)
        #expect((json["counts"]?["courses"]?.intValue ?? 0) >= 400)
        #expect((json["counts"]?["roles"]?.intValue ?? 0) >= 40)
    }

    @Test func catalogCheckListsEveryErrorAndExitsOne() throws {
        directory.write(["bad/skills.json": #"{"skills": [{"id": "a", "name": "A"}, {"id": "a", "name": "A again"}]}"#, "bad/broken.json": "{\n  \"courses\": [\n}"])
        let result = try skillpath("catalog", "check", "\(directory.path)/bad", "--no-color")
        #expect(result.status == 1)
        #expect(result.stdout.contains("broken.json:3:1: error: malformed JSON: expected a value, found '}' [malformed-json]"))
        #expect(result.stdout.contains("skills.json:1: error: skill 'a': duplicate skill id (first defined at skills.json:1) [duplicate-id]"))
        #expect(result.stdout.contains("rejected (2 errors"))
        let json = try JSONParser.parse(try skillpath("catalog", "check", "\(directory.path)/bad", "--json").stdout)
        #expect(json["valid"] == .bool(false))
        #expect(json["errors"]?.arrayValue?.count == 2)
    }

    @Test func thousandsOfCoursesTakeableOnlyWithExperienceAreSummedUpNotDumped() throws {
        // 25 advanced courses each need a skill nobody teaches: a valid catalog with 25 warnings of one kind.
        let courses = (0..<25).map { number in
            #"{"id": "adv-\#(number)", "title": "Advanced \#(number)", "format": "video", "hours": 2, "teaches": [{"skill": "b", "level": 2}], "requires": [{"skill": "a", "level": 3}]}"#
        }
        directory.write([
            "lms/skills.json": #"{"skills": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}"#,
            "lms/courses.json": "{\"courses\": [\n" + courses.joined(separator: ",\n") + "\n]}",
            "lms/roles.json": #"{"roles": [{"id": "r", "title": "R", "requires": [{"skill": "b", "level": 2}]}]}"#,
        ])
        let result = try skillpath("catalog", "check", "\(directory.path)/lms", "--no-color")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("warning: 25 courses can be taken only by employees who already hold a skill no takeable course teaches [unreachable-requirement] (first 10 below; --verbose for all)"))
        #expect(result.stdout.contains("courses.json:2: warning: course 'adv-0': can be taken only by employees who already hold 'a' at level 3 (no course teaches 'a')"))
        #expect(result.stdout.contains("… 15 more"))
        #expect(!result.stdout.contains("'adv-24'"))
        let verbose = try skillpath("catalog", "check", "\(directory.path)/lms", "--no-color", "--verbose")
        #expect(verbose.stdout.contains("'adv-24'"))
        #expect(!verbose.stdout.contains("more"))
    }

    @Test func planPrintsTheSameJSONEveryTime() throws {
        let first = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--json")
        #expect(first.status == 0, "\(first.stderr)")
        let second = try skillpath("--json", "plan", "--target", "scientist", "--profile", profile, "--catalog", catalog)
        #expect(first.stdout == second.stdout)
        let plan = try JSONParser.parse(first.stdout)
        #expect(plan["targetRole"] == "scientist")
        #expect(plan["steps"]?.arrayValue?.compactMap { $0["course"]?.stringValue } == ["py2", "py3", "stats-course"])
        #expect(plan["totals"]?["hours"] == .number("24"))
        #expect(plan["gap"]?.arrayValue?.first?["have"] == .number("1"))
        // On a small catalog the quick effort walks everything too: the same plan.
        let quick = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--json", "--quick")
        #expect(quick.status == 0, "\(quick.stderr)")
        #expect(try JSONParser.parse(quick.stdout)["steps"] == plan["steps"])
        let both = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--quick", "--thorough")
        #expect(both.status == 64)
        #expect(both.stderr.contains("--quick and --thorough cannot be given together"), "\(both.stderr)")
    }

    @Test func planReadsAsAnExplainedTimelineWithoutColourInAPipe() throws {
        let result = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--hours-per-week", "8", "--start", "2027-01-04")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("Path to Data Scientist (scientist) · 3 courses · 24 h · 400.00 USD"))
        #expect(result.stdout.contains(" 1. Python intermediate (py2)"))
        #expect(result.stdout.contains("6 h · 100.00 · video · 2027-01-04 → 2027-01-09"))
        #expect(result.stdout.contains("Prerequisite for step 2, \"Python advanced\" (needs Python 2)"))
        #expect(result.stdout.contains("Total: 24 h · 400.00 USD · 3 courses · done by 2027-01-24 at 8 h/week"))
    }

    @Test func anIncompletePathLeadsWithWhatItCannotReachAndNeverMeetsADeadline() throws {
        let result = try skillpath(
            "plan", "--catalog", catalog, "--profile", profile, "--target", "ml-engineer", "--no-color",
            "--hours-per-week", "8", "--start", "2027-01-04", "--deadline", "2030-01-01")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 3)
        #expect(lines[2].hasPrefix("Incomplete: this path closes 1 of 3 gap skills; 2 cannot be reached with the allowed courses."), "\(lines)")
        #expect(lines[3].contains("✗ Machine learning 0→3 [unreachable-prerequisites]"), "\(lines)")
        #expect(result.stdout.contains("✗ Kubernetes 0→1 [no-course]: no course in the catalog teaches Kubernetes"))
        #expect(result.stdout.contains("(the planned courses end by the 2030-01-01 deadline, but the role's requirements are not all met: see above)"))
        #expect(!result.stdout.contains("meets the"))
        let json = try JSONParser.parse(try skillpath(
            "plan", "--catalog", catalog, "--profile", profile, "--target", "ml-engineer", "--json",
            "--hours-per-week", "8", "--start", "2027-01-04", "--deadline", "2030-01-01").stdout)
        #expect(json["complete"] == .bool(false))
        #expect(json["schedule"]?["coursesDoneByDeadline"] == .bool(true))
        #expect(json["schedule"]?["meetsDeadline"] == .bool(false))
    }

    @Test func planGraphsRenderAsDotAndMermaid() throws {
        let dot = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--graph", "dot")
        #expect(dot.stdout.hasPrefix("digraph path {"))
        #expect(dot.stdout.contains("s1 -> s2;"))
        #expect(dot.stdout.contains("s2 -> target [label=\"python 3\"];"))
        let mermaid = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--graph", "mermaid")
        #expect(mermaid.stdout.hasPrefix("flowchart LR"))
        #expect(mermaid.stdout.contains("s1 --> s2"))
    }

    /// `--format` names course formats in every plan command; the old `--format dot` still draws the graph,
    /// with a deprecation note, and no flag is ever silently ignored.
    @Test func formatMeansCourseFormatsAndTheOldGraphSpellingStillWorks() throws {
        let old = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--format", "dot")
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stdout.hasPrefix("digraph path {"))
        #expect(old.stderr.contains("deprecated"), "\(old.stderr)")
        let video = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--format", "video", "--json")
        #expect(video.status == 0, "\(video.stderr)")
        let steps = try JSONParser.parse(video.stdout)["steps"]?.arrayValue ?? []
        #expect(steps.allSatisfy { $0["format"] == "video" }, "\(video.stdout)")
        // Not vacuous: without the filter the plan takes a course of another format.
        let any = try JSONParser.parse(try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--json").stdout)
        #expect(any["steps"]?.arrayValue?.contains { $0["format"] != "video" } == true)
        let both = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--graph", "dot", "--json")
        #expect(both.status == 64)
        #expect(both.stderr.contains("do not combine"), "\(both.stderr)")
        let wrong = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientist", "--graph", "png")
        #expect(wrong.status == 64)
    }

    @Test func compareAndRouteWorkOffline() throws {
        let compare = try skillpath("compare", "scientist", "ml-engineer", "--catalog", catalog, "--profile", profile, "--no-color")
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("Data Scientist (scientist)"))
        #expect(compare.stdout.contains("promotion"))
        let route = try JSONParser.parse(try skillpath("route", "--target", "lead", "--catalog", catalog, "--profile", profile, "--json").stdout)
        #expect(route["found"] == .bool(true))
        #expect(route["hops"]?.arrayValue?.compactMap { $0["to"]?.stringValue } == ["scientist", "lead"])
        let none = try skillpath("route", "--target", "lead", "--catalog", catalog, "--profile", profile, "--max-hops", "1", "--no-color")
        #expect(none.status == 1)
        #expect(none.stdout == "No route from analyst to lead\nno sequence of at most 1 transition leads from 'analyst' to 'lead'\n")
    }

    @Test func errorsGoToStderrWithDocumentedExitCodes() throws {
        let unknownRole = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "scientst")
        #expect(unknownRole.status == 3)
        #expect(unknownRole.stdout.isEmpty)
        #expect(unknownRole.stderr == "Error: targetRole: unknown role 'scientst' (did you mean 'scientist'?)\n")

        let missing = try skillpath("plan", "--catalog", catalog, "--profile", profile)
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("Error: missing --target\nusage: skillpath plan"))

        let noFile = try skillpath("plan", "--catalog", catalog, "--profile", "/nonexistent.json", "--target", "lead")
        #expect(noFile.status == 66)
        #expect(noFile.stderr == "Error: /nonexistent.json: no such file\n")

        directory.write(["broken.json": "{\"skills\": [\n  {\"skill\": \"sql\" \"level\": 2}\n]}"])
        let broken = try skillpath("plan", "--catalog", catalog, "--profile", "\(directory.path)/broken.json", "--target", "lead")
        #expect(broken.status == 65)
        #expect(broken.stderr == "Error: \(directory.path)/broken.json:2:19: malformed JSON: expected ',' or '}' after an object member, found '\"'\n")

        directory.write(["level.json": #"{"skills": [{"skill": "sql", "level": 9}]}"#])
        let level = try skillpath("plan", "--catalog", catalog, "--profile", "\(directory.path)/level.json", "--target", "lead")
        #expect(level.status == 65)
        #expect(level.stderr == "Error: \(directory.path)/level.json: skills[0].level must be between 0 and 5, got 9\n")

        let badOption = try skillpath("plan", "--catalog", catalog, "--profile", profile, "--target", "lead", "--objectiv", "cost")
        #expect(badOption.status == 64)
        #expect(badOption.stderr == "Error: unknown option --objectiv for 'plan'\ndid you mean --objective?\n")

        let badCatalog = try skillpath("plan", "--catalog", "/nonexistent", "--profile", profile, "--target", "lead")
        #expect(badCatalog.status == 66)
        #expect(badCatalog.stderr == "Error: /nonexistent: no such directory\n")
    }

    @Test func everyCommandHasHelpWithExamples() throws {
        let overview = try skillpath("--help")
        #expect(overview.status == 0)
        for command in ["plan", "compare", "route", "catalog check"] {
            #expect(overview.stdout.contains("  \(command)"))
            let help = try ProcessRunner.run("skillpath", command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.hasPrefix("usage: skillpath \(command)"))
            #expect(help.stdout.contains("examples:"))
        }
        let unknown = try skillpath("plna")
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "Error: unknown command 'plna'\ndid you mean 'plan'?\n")
        #expect(try skillpath().status == 64)
    }
}
