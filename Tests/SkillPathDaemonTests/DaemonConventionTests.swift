import Foundation
import Glibc
import SkillPathJSON
@testable import SkillPathDaemon
import SkillPathTestSupport
import SystemSupport
import Testing

/// The daemon as its surroundings expect it: journald reads each line's priority, requests arriving while
/// it stops are told so, and its manual page is the help it prints.
@Suite struct DaemonConventionTests {
    /// Under the journal, every line carries its syslog priority; elsewhere its time.
    @Test func linesCarryTheirPriorityWhenStderrIsTheJournal() throws {
        let journal = try DaemonProcess(journal: true)
        _ = try journal.client().result("system.health")
        journal.signal(SIGTERM)
        #expect(journal.waitForExit() == 0)
        let lines = journal.log.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("<"), "every line has a priority: \(line)")
        }
        #expect(lines.contains { $0.hasPrefix("<5>notice stopping reason=SIGTERM") }, "\(journal.log)")
        // The fixture catalog has warnings: `journalctl -p warning` finds them.
        #expect(lines.contains { $0.hasPrefix("<4>warning catalog warnings ") }, "\(journal.log)")

        let plain = try DaemonProcess()
        plain.signal(SIGTERM)
        #expect(plain.waitForExit() == 0)
        #expect(!plain.log.contains("<5>"), "no prefixes outside the journal")
        // Outside the journal, every line starts with its time, RFC 3339 in UTC, to the millisecond.
        let stamped = plain.log.split(separator: "\n")
        #expect(!stamped.isEmpty)
        for line in stamped {
            #expect(line.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (debug|info|notice|warning|error) .*/) != nil, "\(line)")
        }
        #expect(stamped.contains { $0.dropFirst(25).hasPrefix("notice stopping reason=SIGTERM") }, "\(plain.log)")
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        #expect(stamped.contains { $0.hasPrefix(today) }, "today's date, UTC: \(today)")
        // Under the journal, no time: journald has it.
        #expect(lines.allSatisfy { $0.wholeMatch(of: /<\d>\d{4}-.*/) == nil })
    }

    /// A JOURNAL_STREAM inherited from a parent does not count when stderr is somewhere else.
    @Test func journalStreamCountsOnlyForTheStderrItNames() throws {
        var status = stat()
        #expect(fstat(2, &status) == 0)
        let own = "\(status.st_dev):\(status.st_ino)"
        #expect(JournalStream.isStandardError(environment: ["JOURNAL_STREAM": own]))
        #expect(!JournalStream.isStandardError(environment: ["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino &+ 1)"]))
        #expect(!JournalStream.isStandardError(environment: ["JOURNAL_STREAM": "garbage"]))
        #expect(!JournalStream.isStandardError(environment: [:]))
    }

    /// Requests pipelined behind one still running when the stop begins get -32009 `shutting-down`; the
    /// one in flight finishes. The daemon is paused while the stop is requested, so that the requests are
    /// already waiting when it resumes, and the batch is long enough (sixty plans, a second or more in
    /// a debug build) that the pending signal is handled before it ends.
    @Test func requestsArrivingWhileTheDaemonStopsAreToldSo() throws {
        let daemon = try DaemonProcess(catalogFiles: nil)
        let client = try daemon.client()
        _ = try client.result("system.health")
        let plan = #"{"jsonrpc":"2.0","id":ID,"method":"paths.plan","params":{"profile":{"skills":[]},"targetRole":"eng-principal","options":{}}}"#
        let batch = "[" + (1...60).map { plan.replacingOccurrences(of: "ID", with: String($0)) }.joined(separator: ",") + "]"
        daemon.signal(SIGSTOP)
        try client.send(batch + "\n" + #"{"jsonrpc":"2.0","id":"after","method":"system.health"}"#)
        daemon.signal(SIGTERM)
        daemon.signal(SIGCONT)
        let first = try JSONParser.parse(try #require(try client.readLine()))
        // The batch either ran whole (it had started) or was told, whole, that the daemon is stopping.
        let replies = first.arrayValue ?? []
        #expect(replies.count == 60)
        #expect(replies.allSatisfy { $0["result"] != nil } || replies.allSatisfy { $0["error"]?["code"] == .number("-32009") }, "\(replies.prefix(2))")
        let second = try JSONParser.parse(try #require(try client.readLine()))
        #expect(second["id"] == "after")
        #expect(second["error"]?["code"] == .number("-32009"), "\(second)")
        #expect(second["error"]?["data"]?["code"] == "shutting-down")
        #expect(daemon.waitForExit() == 0)
    }

    /// skillpathd(8) is generated from the help text; the copy in docs/man is that output.
    @Test func theManualPageIsTheHelpAndTheCommittedCopyIsCurrent() throws {
        let manual = try ProcessRunner.run("skillpathd", ["--manual"])
        #expect(manual.status == 0)
        let help = try ProcessRunner.run("skillpathd", ["--help"])
        for flag in ["--config", "--socket", "--catalog", "--database", "--log-level", "--manual"] {
            #expect(help.stdout.contains(flag))
            #expect(manual.stdout.contains(flag.replacingOccurrences(of: "-", with: "\\-")), "\(flag) in the page")
        }
        let committed = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/docs/man/skillpathd.8", encoding: .utf8)
        #expect(committed == manual.stdout, "docs/man/skillpathd.8 is stale: run swift run skillpathd --manual > docs/man/skillpathd.8")
    }

    /// The unit files pass `systemd-analyze verify` (every directive parses), and agree with the daemon: the
    /// exit statuses restarting cannot fix stop the restarts, and the unit's umask is the daemon's own.
    @Test func theUnitFilesVerifyAndAgreeWithTheDaemon() throws {
        let directory = TemporaryDirectory()
        var service = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/systemd/skillpathd.service", encoding: .utf8)
        let socket = try String(contentsOfFile: "\(ProcessRunner.packageRoot)/systemd/skillpathd.socket", encoding: .utf8)
        let lines = Set(service.split(separator: "\n").map(String.init))
        #expect(lines.contains("RestartPreventExitStatus=78 64"))
        #expect(lines.contains("UMask=00" + String(StateFolder.umaskValue(group: nil), radix: 8)))
        #expect(lines.contains { $0.hasPrefix("Documentation=man:skillpathd(8)") })
        #expect(!service.contains("example.com"))
        // Verified against the binary just built, where the unit will have the installed one.
        service = service.replacingOccurrences(of: "/usr/local/bin/skillpathd", with: ProcessRunner.executable("skillpathd"))
        directory.write(["skillpathd.service": service, "skillpathd.socket": socket])
        let verify = try ProcessRunner.run(
            "/usr/bin/systemd-analyze", ["verify", "--man=no", "\(directory.path)/skillpathd.service", "\(directory.path)/skillpathd.socket"])
        #expect(verify.status == 0 && verify.stderr.isEmpty, "\(verify.stderr)")
    }
}
