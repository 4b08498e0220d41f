import Foundation
import FoundationXML
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// `skillpath report`: one self-contained page that parses as XML (so as HTML too), holds the data the API
/// gives, and fetches nothing.
@Suite struct HTMLReportTests {
    @Test func thePageIsWellFormedSelfContainedAndHoldsTheData() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", .object([("employees", .array([
            .object([("id", "b"), ("name", "Boss"), ("role", "lead")]),
            .object([("id", "t1"), ("name", "Team One"), ("role", "analyst"), ("manager", "b"), ("skills", .array([.object([("skill", "sql"), ("level", 2)])]))]),
            .object([("id", "t2"), ("name", "Team <Two> & Co"), ("role", "analyst"), ("manager", "b")]),
        ]))]))
        let assignment = try client.result("assignments.create", .object([("employee", "t2"), ("targetRole", "scientist"), ("options", .object([("hoursPerWeek", 5)]))]))
        _ = try client.result("progress.record", .object([("employee", "t2"), ("course", "sql1"), ("status", "completed")]))
        let directory = TemporaryDirectory()
        let environment = ["SKILLPATH_SOCKET": daemon.socketPath]
        let result = try ProcessRunner.run("skillpath", ["report", "--employee", "t2", "--manager", "b", "--out", "\(directory.path)/r.html"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Wrote \(directory.path)/r.html (path, team, skills)."), "\(result.stdout)")
        let page = try String(contentsOfFile: "\(directory.path)/r.html", encoding: .utf8)

        // Well-formed: an XML parser reads it to the end.
        let parser = XMLParser(data: Data(page.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        // Self-contained: no scripts, nothing fetched (the only URLs are the XML namespaces).
        #expect(!page.contains("<script"))
        let urls = page.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/") }, "\(urls)")
        // The data: the assignment's steps on the timeline by title (sql1 done), its planned finish and verdict
        // as the API gives them, the team with its progress, the heat map.
        let steps = (assignment["steps"]?.arrayValue ?? []).compactMap { $0["title"]?.stringValue }
        #expect(steps.count == assignment["steps"]?.arrayValue?.count && !steps.isEmpty)
        for title in steps { #expect(page.contains(">\(title)<"), "\(title) on the timeline") }
        let listed = try #require(try client.result("assignments.list", .object([("employee", "t2")]))["assignments"]?.arrayValue?.first)
        let finish = try #require(listed["plannedCompletion"]?.stringValue)
        #expect(page.contains("\(try #require(listed["progress"]?.stringValue)), planned to finish \(finish)"), "the heading says what assignments.list says")
        #expect(page.contains("<td>\(finish)</td>"), "the team table's planned finish")
        #expect(page.contains("(done)"), "the done step says so: \(page)")
        #expect(page.contains("<svg"))
        #expect(page.contains("Team &lt;Two&gt; &amp; Co (t2)"), "names are escaped")
        #expect(page.contains("class=\"on-track\"") || page.contains("class=\"late\""))
        #expect(page.contains("<table class=\"heat\">") && page.contains(">SQL<"))

        // A planned path instead of the assignment.
        let planned = try ProcessRunner.run("skillpath", ["report", "--employee", "t1", "--target", "lead", "--out", "\(directory.path)/p.html"], environment: environment)
        #expect(planned.status == 0, "\(planned.stderr)")
        let plannedPage = try String(contentsOfFile: "\(directory.path)/p.html", encoding: .utf8)
        #expect(XMLParser(data: Data(plannedPage.utf8)).parse())
        #expect(plannedPage.contains("Dated at 4 h a week (the stored pace, else the default)."), "the one default pace")
    }
}
