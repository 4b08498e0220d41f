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

    /// `--out -` puts the page alone on stdout; `--json` is refused, not ignored; a path that cannot be
    /// written gets our one-line error and leaves nothing behind; a device stays a device.
    @Test func theOutputGoesWhereItIsToldOrSaysWhyNot() throws {
        let daemon = try DaemonProcess()
        _ = try daemon.client().result("employees.upsert", .object([("employees", .array([.object([("id", "b"), ("name", "Boss"), ("role", "lead")])]))]))
        let environment = ["SKILLPATH_SOCKET": daemon.socketPath]
        let directory = TemporaryDirectory()
        let piped = try ProcessRunner.run("skillpath", ["report", "--employee", "b", "--out", "-"], environment: environment, directory: directory.path)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("<!DOCTYPE html>") && piped.stdout.hasSuffix("</html>\n"), "the page alone: \(piped.stdout.prefix(80))")
        #expect(XMLParser(data: Data(piped.stdout.utf8)).parse())
        #expect(piped.stderr.hasPrefix("Wrote the page to standard output ("), "\(piped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/-"), "no file named '-'")

        let json = try ProcessRunner.run("skillpath", ["report", "--json"], environment: environment, directory: directory.path)
        #expect(json.status == 64 && json.stderr.hasPrefix("Error: 'report' writes an HTML page, not JSON"), "\(json.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "nothing written")

        for (path, reason) in [("\(directory.path)/missing/r.html", "No such file or directory"), (directory.path, "Is a directory")] {
            let failed = try ProcessRunner.run("skillpath", ["report", "--employee", "b", "--out", path], environment: environment)
            #expect(failed.status == 1, "\(path): \(failed.stderr)")
            #expect(failed.stderr == "Error: cannot write \(path): \(reason)\n", "\(failed.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no partial file left")
        let empty = try ProcessRunner.run("skillpath", ["report", "--out="], environment: environment)
        #expect(empty.status == 64 && empty.stderr.hasPrefix("Error: --out needs a file name, or - for standard output"), "\(empty.stderr)")

        let device = try ProcessRunner.run("skillpath", ["report", "--employee", "b", "--out", "/dev/null"], environment: environment)
        #expect(device.status == 0, "\(device.stderr)")
        let kind = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(kind == .typeCharacterSpecial, "/dev/null is still the device")
    }
}
