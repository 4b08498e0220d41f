import Foundation
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// Learner preferences: set by the employee or in an upsert, shown by employees.get, the defaults of the
/// employee's plans (a plan's own options win), and refused with the field named when malformed.
@Suite struct LearnerPreferenceTests {
    @Test func preferencesAreTheDefaultsOfAnEmployeesPlans() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "p1"), ("name", "P One"), ("role", "analyst"), ("preferences", .object([("languages", .strings(["de"])), ("hoursPerWeek", 4)]))]),
        ]))]))
        #expect(try client.result("employees.get", .object([("id", "p1")]))["preferences"] == .object([("languages", .strings(["de"])), ("formats", .array([])), ("hoursPerWeek", 4)]))
        // data-viz is taught in English (data-video) and German (data-workshop): the preference picks German,
        // and the plan is dated at 4 hours a week without being asked.
        let plan = try client.result("paths.plan", .object([("employee", "p1"), ("targetRole", "analyst"), ("options", .object([("includeOptional", true)]))]))
        let courses = (plan["steps"]?.arrayValue ?? []).compactMap { $0["course"]?.stringValue }
        #expect(courses.contains("data-workshop") && !courses.contains("data-video"), "\(courses)")
        #expect(plan["schedule"]?["hoursPerWeek"] == .number("4"))
        // The plan's own options win.
        let english = try client.result("paths.plan", .object([("employee", "p1"), ("targetRole", "analyst"), ("options", .object([("includeOptional", true), ("languages", .strings(["en"]))]))]))
        #expect((english["steps"]?.arrayValue ?? []).contains { $0["course"] == "data-video" })
        // A plan from a given profile is nobody's: no preferences apply.
        let anonymous = try client.result("paths.plan", .object([("profile", .object([("skills", .array([]))])), ("targetRole", "analyst")]))
        #expect(anonymous["schedule"] == nil || anonymous["schedule"] == .null)

        // The employee's own method: fields given replace, fields left out stay, null clears.
        let set = try client.result("employees.setPreferences", .object([("employee", "p1"), ("formats", .strings(["video"]))]))
        #expect(set["preferences"] == .object([("languages", .strings(["de"])), ("formats", .strings(["video"])), ("hoursPerWeek", 4)]))
        let cleared = try client.result("employees.setPreferences", .object([("employee", "p1"), ("languages", .null), ("hoursPerWeek", .null)]))
        #expect(cleared["preferences"] == .object([("languages", .array([])), ("formats", .strings(["video"])), ("hoursPerWeek", .null)]))
        let audit = try client.result("audit.list", .object([("kind", "preferences")]))["items"]?.arrayValue ?? []
        #expect(audit.count == 2)

        // The command line shows and sets them.
        let environment = ["SKILLPATH_SOCKET": daemon.socketPath]
        let shown = try ProcessRunner.run("skillpath", ["preferences", "--employee", "p1", "--language", "en,es", "--hours-per-week", "3"], environment: environment)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout == """
            Learner preferences of p1 (saved):
              languages:      en, es
              formats:        video
              hours per week: 3
              Plans prefer these languages and formats, and use others only where they must (each such step says so).

            """, "\(shown.stdout)")
    }

    @Test func malformedPreferencesNameTheField() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "p1"), ("name", "P"), ("role", "analyst")])]))]))
        for (params, field) in [
            (JSONValue.object([("employee", "p1"), ("hoursPerWeek", 200)]), "hoursPerWeek"),
            (.object([("employee", "p1"), ("hoursPerWeek", 0)]), "hoursPerWeek"),
            (.object([("employee", "p1"), ("languages", .strings(["en", " "]))]), "languages[1]"),
            (.object([("employee", "p1"), ("languages", "en")]), "languages"),
            (.object([("employee", "p1"), ("colour", "blue")]), "colour"),
        ] {
            let reply = try client.call("employees.setPreferences", params)
            #expect(reply["error"]?["code"] == .number("-32602"), "\(params)")
            #expect(reply["error"]?["data"]?["param"]?.stringValue?.hasSuffix(field) == true, "\(reply)")
        }
        let upsert = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "p1"), ("preferences", .object([("hoursPerWeek", -1)]))])]))]))
        #expect(upsert["rejected"]?.arrayValue?.first?["field"] == "preferences.hoursPerWeek", "\(upsert)")
        #expect(try client.result("employees.get", .object([("id", "p1")]))["preferences"]?["hoursPerWeek"] == .null, "nothing stored")
        let unknown = try client.call("employees.setPreferences", .object([("employee", "nobody"), ("hoursPerWeek", 2)]))
        #expect(unknown["error"]?["code"] == .number("-32003"))
    }
}
