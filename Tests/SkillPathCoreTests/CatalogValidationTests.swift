import SkillPathCore
import SkillPathTestSupport
import Testing

/// Each kind of bad catalog gets an error naming the file, the line and the item.
@Suite struct CatalogValidationTests {
    static let skills = #"{"skills": [{"id": "python", "name": "Python"}, {"id": "sql", "name": "SQL"}]}"#

    func course(_ fields: String) -> String {
        #"{"id": "c1", "title": "C1", "format": "video", "hours": 2, "teaches": [{"skill": "python", "level": 1}]"#
            .replacingOccurrences(of: "}]", with: "}]" + (fields.isEmpty ? "" : ", " + fields)) + "}"
    }

    @Test func malformedJSONNamesFileLineAndColumn() {
        expectRejection(files: [
            "skills.json": Self.skills,
            "courses.json": "{\"courses\": [\n  {\"id\": \"c1\",\n   \"title\": \"x\" \"format\": \"video\"}\n]}",
        ], ["courses.json:3:17: error: malformed JSON: expected ',' or '}' after an object member, found '\"' [malformed-json]"])
    }

    @Test func duplicateIdsPointToTheFirstDefinition() {
        expectRejection(files: [
            "a.json": Self.skills,
            "b.json": #"{"skills": [{"id": "python", "name": "Python again"}]}"#,
        ], ["b.json:1: error: skill 'python': duplicate skill id (first defined at a.json:1) [duplicate-id]"])
    }

    @Test func unknownReferencesAreNamedWithASuggestion() {
        expectRejection(files: [
            "skills.json": Self.skills,
            "courses.json": "{\"courses\": [\n" + course(#""requires": [{"skill": "pyton", "level": 1}], "after": ["nope"]"#) + "\n]}",
            "roles.json": #"{"roles": [{"id": "r1", "title": "R", "requires": [{"skill": "sq", "level": 2}]}], "transitions": [{"from": "r1", "to": "r9", "kind": "lateral"}]}"#,
        ], [
            "courses.json:2: error: course 'c1': 'after' names unknown course 'nope' [unknown-reference]",
            "courses.json:2: error: course 'c1': 'requires' names unknown skill 'pyton' (did you mean 'python'?) [unknown-reference]",
            "roles.json:1: error: role 'r1': 'requires' names unknown skill 'sq' (did you mean 'sql'?) [unknown-reference]",
            "roles.json:1: error: transition 'r1 → r9': 'to' names unknown role 'r9' (did you mean 'r1'?) [unknown-reference]",
        ])
    }

    @Test func levelsHoursAndCostsOutOfRange() {
        expectRejection(files: [
            "skills.json": Self.skills,
            "courses.json": """
            {"courses": [
              {"id": "a", "title": "A", "format": "video", "hours": 0, "teaches": [{"skill": "python", "level": 6}]},
              {"id": "b", "title": "B", "format": "video", "hours": 1, "cost": -5, "teaches": [{"skill": "python", "level": "3"}]},
              {"id": "c", "title": "C", "format": "video", "hours": 1, "teaches": []}
            ]}
            """,
        ], [
            "courses.json:2: error: course 'a': 'teaches[0]' (skill 'python'): level 6 is outside 1–5 [level-out-of-range]",
            "courses.json:2: error: course 'a': hours must be greater than 0, got 0 [invalid-hours]",
            "courses.json:3: error: course 'b': 'teaches[0]' (skill 'python'): level must be a whole number from 1 to 5, got \"3\" [level-out-of-range]",
            "courses.json:3: error: course 'b': cost must not be negative, got -5 [negative-cost]",
            "courses.json:4: error: course 'c': 'teaches' must list at least one skill [teaches-nothing]",
        ])
    }

    @Test func missingAndMistypedFields() {
        expectRejection(files: [
            "skills.json": #"{"skills": [{"id": "python"}, {"name": "No id"}, 7]}"#,
            "courses.json": #"{"courses": {"id": "x"}}"#,
        ], [
            "courses.json:1: error: 'courses' must be an array, got an object [invalid-structure]",
            "skills.json: error: skill #3: must be an object, got a number [invalid-structure]",
            "skills.json:1: error: skill #2: missing required field 'id' [missing-field]",
            "skills.json:1: error: skill 'python': missing required field 'name' [missing-field]",
        ])
    }

    /// An id or name with a control character (U+0000 would cut it short in C and SQLite, an escape would
    /// repaint a terminal) is an error naming the field; a description may break lines.
    @Test func controlCharactersInIdsAndNamesAreErrors() {
        expectRejection(files: [
            "skills.json": #"{"skills": [{"id": "py\u0000thon", "name": "Python"}, {"id": "sql", "name": "S\u001bQL", "description": "Two\nlines"}]}"#,
            "courses.json": #"{"courses": [{"id": "c1", "title": "C1", "format": "video", "hours": 2, "teaches": [{"skill": "sql", "level": 1}], "tags": ["a\u0007"]}]}"#,
        ], [
            "courses.json:1: error: course 'c1': 'tags[0]' must not contain control characters (U+0007 at character 2) [invalid-field]",
            "skills.json:1: error: skill #1: 'id' must not contain control characters (U+0000 at character 3) [invalid-field]",
            "skills.json:1: error: skill 'sql': 'name' must not contain control characters (U+001B at character 2) [invalid-field]",
        ])
    }

    @Test func afterCyclesArePrintedAsACycle() {
        let courses = ["a": "b", "b": "c", "c": "a"].sorted { $0.key < $1.key }.map { id, prior in
            #"{"id": "\#(id)", "title": "\#(id)", "format": "video", "hours": 1, "teaches": [{"skill": "python", "level": 1}], "after": ["\#(prior)"]}"#
        }
        expectRejection(files: [
            "skills.json": Self.skills,
            "courses.json": "{\"courses\": [\n" + courses.joined(separator: ",\n") + "\n]}",
        ], ["courses.json:2: error: course 'a': courses form a cycle through 'after': 'a' → 'b' → 'c' → 'a' [after-cycle]"])
    }

    @Test func coursesNobodyCanTakeFromZeroAreWarningsThatSayWhoCan() throws {
        let directory = TemporaryDirectory()
        let catalog = try CatalogLoader.load(directory: directory.write([
            "skills.json": #"{"skills": [{"id": "python", "name": "Python"}, {"id": "sql", "name": "SQL"}, {"id": "linux", "name": "Linux"}]}"#,
            "courses.json": """
            {"courses": [
              {"id": "basics", "title": "Basics", "format": "video", "hours": 1, "teaches": [{"skill": "python", "level": 1}]},
              {"id": "adv", "title": "Advanced", "format": "video", "hours": 1,
               "teaches": [{"skill": "python", "level": 3}], "requires": [{"skill": "python", "level": 2}]},
              {"id": "needs-two", "title": "Needs two", "format": "video", "hours": 1,
               "teaches": [{"skill": "sql", "level": 1}], "requires": [{"skill": "python", "level": 2}]},
              {"id": "k8s-401", "title": "Kubernetes", "format": "video", "hours": 1,
               "teaches": [{"skill": "sql", "level": 2}], "requires": [{"skill": "linux", "level": 3}]},
              {"id": "later", "title": "Later", "format": "video", "hours": 1, "teaches": [{"skill": "sql", "level": 3}], "after": ["k8s-401"]}
            ]}
            """,
        ]))
        let unreachable = catalog.warnings.filter { $0.code == .unreachableRequirement }.map(\.description)
        #expect(unreachable == [
            "courses.json:3: warning: course 'adv': can be taken only by employees who already hold 'python' at level 2 (no takeable course teaches 'python' at level 2) [unreachable-requirement]",
            "courses.json:5: warning: course 'needs-two': can be taken only by employees who already hold 'python' at level 2 (no takeable course teaches 'python' at level 2) [unreachable-requirement]",
            "courses.json:7: warning: course 'k8s-401': can be taken only by employees who already hold 'linux' at level 3 (no course teaches 'linux') [unreachable-requirement]",
            "courses.json:9: warning: course 'later': can be taken only by employees who have completed 'k8s-401' (that course cannot be taken from zero either) [unreachable-requirement]",
        ])
        // The catalog serves: an employee who holds Python 2 gets a plan through 'adv'.
        let role = Role(id: "senior", title: "Senior", requires: [RoleRequirement(skill: "python", level: 3)])
        let withRole = try Catalog(skills: catalog.skills, courses: catalog.courses, roles: [role])
        let plan = try Planner(catalog: withRole).plan(profile: Profile(skills: [SkillLevel(skill: "python", level: 2)]), targetRole: "senior")
        #expect(plan.steps.map(\.course) == ["adv"])
        #expect(plan.complete)
        let fromZero = try Planner(catalog: withRole).plan(profile: Profile(), targetRole: "senior")
        #expect(fromZero.steps.isEmpty)
        #expect(fromZero.unmet.map(\.reason) == [.unreachablePrerequisites])
        #expect(fromZero.unmet.first?.reachable == 1)
        #expect(!fromZero.complete)
    }

    @Test func everyProblemInEveryFileIsReportedInOneGo() {
        expectRejection(files: [
            "skills.json": Self.skills,
            "a.json": "{\"courses\": [\n" + course(#""hours": -1"#).replacingOccurrences(of: #""hours": 2, "#, with: "") + "\n]}",
            "b.json": "[1, 2",
            "c.json": #"{"roles": [{"id": "r", "title": "R", "requires": [{"skill": "python", "level": 9}]}]}"#,
        ], [
            "a.json:2: error: course 'c1': hours must be greater than 0, got -1 [invalid-hours]",
            "b.json:1:6: error: malformed JSON: unexpected end of input inside an array [malformed-json]",
            "c.json:1: error: role 'r': 'requires[0]' (skill 'python'): level 9 is outside 1–5 [level-out-of-range]",
        ])
    }

    @Test func unknownFieldsAndDuplicateTransitionsAreWarnings() throws {
        let directory = TemporaryDirectory()
        let catalog = try CatalogLoader.load(directory: directory.write([
            "skills.json": Self.skills,
            "courses.json": "{\"courses\": [" + course(#""hour": 3"#) + "]}",
            "roles.json": #"{"roles": [{"id": "r1", "title": "R1", "requires": [{"skill": "python", "level": 1}]}, {"id": "r2", "title": "R2", "requires": []}], "transitions": [{"from": "r1", "to": "r2", "kind": "lateral"}, {"from": "r1", "to": "r2", "kind": "lateral"}]}"#,
        ]))
        let warnings = catalog.warnings.map(\.description)
        #expect(warnings.contains("courses.json:1: warning: course 'c1': unknown field 'hour' is ignored (did you mean 'hours'?) [unknown-field]"))
        #expect(warnings.contains("roles.json:1: warning: transition 'r1 → r2': listed more than once as lateral [duplicate-transition]"))
        #expect(warnings.contains("skills.json:1: warning: skill 'sql': no course teaches it and nothing requires it [unused-skill]"))
        #expect(catalog.transitions.count == 1)
    }

    /// xAPI statements credit one course per activity IRI: a second course claiming it is told which one wins.
    @Test func twoCoursesClaimingOneXAPIActivityIsAWarning() throws {
        let directory = TemporaryDirectory()
        let xapi = #""externalIds": {"xapi": "https://lms.example/activities/python"}"#
        let catalog = try CatalogLoader.load(directory: directory.write([
            "skills.json": Self.skills,
            "courses.json": "{\"courses\": [\n" + course(xapi) + ",\n" + course(xapi).replacingOccurrences(of: #""c1""#, with: #""c2""#) + "\n]}",
        ]))
        let warnings = catalog.warnings.map(\.description)
        #expect(warnings.contains(
            "courses.json:3: warning: course 'c2': claims the xAPI activity 'https://lms.example/activities/python' that course 'c1' already claims; statements about it count for 'c1' [duplicate-xapi-activity]"),
            "\(warnings)")
        #expect(catalog.courses.count == 2, "a warning: both courses stay")
    }

    @Test func aCourseNothingNeedsIsAWarning() throws {
        let directory = TemporaryDirectory()
        let catalog = try CatalogLoader.load(directory: directory.write([
            "skills.json": Self.skills,
            "courses.json": "{\"courses\": [" + course("") + "]}",
        ]))
        #expect(catalog.warnings.map(\.description).contains("courses.json:1: warning: course 'c1': no role and no other course needs what it teaches [unused-course]"))
    }

    @Test func selfTransitionsAndRepeatedSkillsAreErrors() {
        expectRejection(files: [
            "skills.json": Self.skills,
            "roles.json": #"{"roles": [{"id": "r", "title": "R", "requires": [{"skill": "python", "level": 1}, {"skill": "python", "level": 2}]}], "transitions": [{"from": "r", "to": "r", "kind": "promotion"}]}"#,
        ], [
            "roles.json:1: error: role 'r': 'requires' lists skill 'python' more than once [repeated-skill]",
            "roles.json:1: error: transition 'r → r': a transition from a role to itself [self-transition]",
        ])
    }

    /// `weights` (issue 19): each a {skill, weight} with a catalog skill, once, weighing above 0 and at most
    /// 1,000; each bad entry an error naming the role and the entry.
    @Test func roleWeightsAreCheckedEntryByEntry() {
        let weights = #"[{"skill": "python", "weight": 0}, {"skill": "sql", "weight": "high"}, {"skill": "sql", "weight": 2}, {"skill": "sql", "weight": 3}, {"skill": "cobol", "weight": 1}, 7, {"weight": 2}]"#
        expectRejection(files: [
            "skills.json": Self.skills,
            "roles.json": #"{"roles": [{"id": "r", "title": "R", "requires": [{"skill": "python", "level": 1}], "weights": "# + weights + "}]}",
        ], [
            "roles.json:1: error: role 'r': 'weights' lists skill 'sql' more than once [repeated-skill]",
            "roles.json:1: error: role 'r': 'weights' names unknown skill 'cobol' [unknown-reference]",
            "roles.json:1: error: role 'r': 'weights[0].weight' must be a number above 0 and at most 1000, got 0 [invalid-field]",
            "roles.json:1: error: role 'r': 'weights[1].weight' must be a number above 0 and at most 1000, got \"high\" [invalid-field]",
            "roles.json:1: error: role 'r': 'weights[5]' must be a {skill, weight} object, got a number [invalid-field]",
            "roles.json:1: error: role 'r': 'weights[6].skill' must be a skill id [invalid-field]",
        ])
        expectRejection(files: [
            "skills.json": Self.skills,
            "roles.json": #"{"roles": [{"id": "r", "title": "R", "requires": [{"skill": "python", "level": 1}], "weights": {"python": 2}}]}"#,
        ], ["roles.json:1: error: role 'r': 'weights' must be an array of {skill, weight} objects, got an object [invalid-field]"])
    }

    /// A role's description is prose: line breaks are fine, other control characters and non-strings are not.
    @Test func roleDescriptionsAreProse() throws {
        expectRejection(files: [
            "skills.json": Self.skills,
            "roles.json": #"{"roles": [{"id": "r", "title": "R", "description": 5, "requires": []}, {"id": "s", "title": "S", "description": "bell\u0007", "requires": []}]}"#,
        ], [
            "roles.json:1: error: role 'r': 'description' must be a string, got a number [invalid-field]",
            "roles.json:1: error: role 's': 'description' must not contain control characters (U+0007 at character 5) [invalid-field]",
        ])
        let directory = TemporaryDirectory()
        let catalog = try CatalogLoader.load(directory: directory.write([
            "skills.json": Self.skills,
            "roles.json": #"{"roles": [{"id": "r", "title": "R", "description": "Analyses data.\nReports.", "requires": []}]}"#,
        ]))
        #expect(catalog.role("r")?.description == "Analyses data.\nReports.")
    }
}
