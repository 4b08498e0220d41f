import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The state folder and the database stay private whatever the umask; one daemon per database; the sample
/// organisation only for `swift run`'s embedded defaults.
@Suite struct StateFolderTests {
    func mode(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_mode & 0o7777)
    }

    func octal(_ mode: Int?) -> String { mode.map { "0" + String($0, radix: 8) } ?? "missing" }

    @Test func embeddedDefaultsLoadTheSampleOnceIntoAPrivateStateFolder() throws {
        let folder = TemporaryDirectory()
        let daemon = try DaemonProcess(embeddedDefaultsIn: folder)
        let client = try daemon.client()
        let team = try client.result("reports.team", .object([("manager", "e-002")]))
        #expect(team["summary"]?["people"] == .number("4"))
        #expect(team["summary"]?["assignments"] == .number("2"))
        let you = try client.result("employees.get", .object([("id", "e-010")]))
        #expect(you["login"]?.stringValue == ProcessInfo.processInfo.userName, "the person running the daemon is the sample's e-010")
        #expect(daemon.logEventually(contains: "the sample organisation loads into an empty database reason=\"embedded defaults"), "\(daemon.log)")
        // The sample's ratings of its moves (feedback.csv) answer the mobility report at once, in the CLI too.
        #expect(daemon.logEventually(contains: "move ratings=6"), "\(daemon.log)")
        let mobility = try ProcessRunner.run("skillpath", ["report", "mobility", "--months", "24"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(mobility.stdout.contains("Ratings by the movers: 4 of 8 (50%)"), "\(mobility.stdout)\(mobility.stderr)")
        #expect(mobility.stdout.contains("Still here 12 months on: movers"), "\(mobility.stdout)")
        // The sample's external hire (opportunities.csv: 38000 USD) and the senior-payments opening's estimate.
        #expect(mobility.stdout.contains("Bought outside: 1 seat, median 50 days to fill, estimated cost 38000 USD"), "\(mobility.stdout)")
        #expect(mobility.stdout.contains("Built inside: 1 seat, median 30 days to fill, no course completed toward the role"), "\(mobility.stdout)")
        let candidates = try ProcessRunner.run("skillpath", ["candidates", "--opportunity", "3", "--limit", "2"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(candidates.stdout.contains("Hiring from outside: 85000 USD, 90 days to fill (from the opening)"), "\(candidates.stdout)")
        let spend = try ProcessRunner.run("skillpath", ["report", "spend"], environment: ["SKILLPATH_SOCKET": daemon.socketPath])
        #expect(spend.status == 0 && spend.stdout.contains("Planned:") && spend.stdout.contains(" USD ("), "\(spend.stdout)\(spend.stderr)")
        let state = "\(folder.path)/.skillpath"
        #expect(octal(mode(state)) == "0700")
        for file in ["skillpath.db", "skillpath.db-wal", "skillpath.db-shm", "skillpath.db.lock"] {
            #expect(octal(mode("\(state)/\(file)")) == "0600", "\(file)")
        }
        _ = try client.result("employees.upsert", .object([("employees", .array([.object([("id", "e-001"), ("name", "Renamed")])]))]))
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let restarted = try DaemonProcess(embeddedDefaultsIn: folder)
        #expect(try restarted.client().result("employees.get", .object([("id", "e-001")]))["name"] == "Renamed", "not reloaded over existing data")
    }

    @Test func aConfigurationFileOrSystemdKeepsTheSampleOut() throws {
        let config = TemporaryDirectory()
        config.write(["plain.conf": "log_level = info\n", "demo.conf": "sample_organisation = yes\n"])
        let configured = try DaemonProcess(catalogFiles: nil, arguments: ["--config", "\(config.path)/plain.conf"])
        #expect(try configured.client().result("employees.list")["total"] == .number("0"))
        #expect(configured.logEventually(contains: "the sample organisation is off reason=\"the configuration file \(config.path)/plain.conf is in use"), "\(configured.log)")

        let underSystemd = try DaemonProcess(embeddedDefaultsIn: TemporaryDirectory(), environment: ["INVOCATION_ID": "0123456789abcdef"])
        #expect(try underSystemd.client().result("employees.list")["total"] == .number("0"))
        #expect(underSystemd.logEventually(contains: "running under systemd (INVOCATION_ID is set)"), "\(underSystemd.log)")

        let elsewhere = try DaemonProcess(catalogFiles: nil)
        #expect(try elsewhere.client().result("employees.list")["total"] == .number("0"))
        #expect(elsewhere.logEventually(contains: "the database is not the embedded default"), "\(elsewhere.log)")

        let demo = try DaemonProcess(catalogFiles: nil, arguments: ["--config", "\(config.path)/demo.conf"])
        #expect(try demo.client().result("employees.list")["total"] == .number("12"))
        #expect(demo.logEventually(contains: "sample_organisation = yes in \(config.path)/demo.conf"), "\(demo.log)")
    }

    @Test(arguments: [(0o777, "every local user (mode 0777)"), (0o775, "its group (mode 0775)")])
    func aStateFolderOthersCanWriteStopsTheDaemon(mode: Int, message: String) throws {
        let folder = TemporaryDirectory()
        let state = "\(folder.path)/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        chmod(state, mode_t(mode))
        let daemon = try DaemonProcess(arguments: ["--database", "\(state)/skillpath.db"], waitForSocket: false)
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.log.contains("the state folder \(state) can be written by \(message); run 'chmod go-w \(state)'"), "\(daemon.log)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).isEmpty, "nothing is created in a folder the daemon refused")
    }

    @Test func databaseFilesLeftReadableByOthersBecomePrivate() throws {
        let folder = TemporaryDirectory()
        let first = try DaemonProcess(embeddedDefaultsIn: folder)
        _ = try first.client().result("system.health")
        first.signal(SIGTERM)
        #expect(first.waitForExit() == 0)
        let state = "\(folder.path)/.skillpath"
        chmod(state, 0o755)
        chmod("\(state)/skillpath.db", 0o644)
        let second = try DaemonProcess(embeddedDefaultsIn: folder)
        #expect(octal(mode("\(state)/skillpath.db")) == "0600")
        #expect(octal(mode("\(state)/skillpath.db-wal")) == "0600")
        #expect(try second.client().result("employees.list")["total"] == .number("12"), "the data is still there")
    }

    @Test func aStateGroupMayReadTheDatabase() throws {
        let config = TemporaryDirectory()
        let group = try #require(ProcessIdentityForTests.primaryGroupName())
        config.write(["group.conf": "state_group = \(group)\n", "bad.conf": "log_level = info\nstate_group = sp-no-such-group\n"])
        let folder = TemporaryDirectory()
        let database = "\(folder.path)/state/skillpath.db"
        let daemon = try DaemonProcess(catalogFiles: nil, arguments: ["--config", "\(config.path)/group.conf", "--database", database])
        _ = try daemon.client().result("system.health")
        #expect(octal(mode("\(folder.path)/state")) == "0750")
        #expect(octal(mode(database)) == "0640")

        let refused = try ProcessRunner.run("skillpathd", ["--config", "\(config.path)/bad.conf"])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("bad.conf:2: 'state_group' must name a group on this host, got 'sp-no-such-group'"), "\(refused.stderr)")
    }

    @Test func twoDaemonsCannotShareADatabase() throws {
        let first = try DaemonProcess(catalogFiles: nil)
        let second = try DaemonProcess(catalogFiles: nil, arguments: ["--database", first.databasePath], waitForSocket: false)
        #expect(second.waitForExit() == 1)
        #expect(second.log.contains("another skillpathd (pid \(first.pid)) is using the database \(first.databasePath); it holds \(first.databasePath).lock"), "\(second.log)")
        let written = try first.client().result("employees.upsert", .object([("employees", .array([.object([("id", "x"), ("name", "X"), ("role", "eng-mid")])]))]))
        #expect(written["inserted"] == .number("1"), "the first daemon still writes: \(written)")
    }
}

enum ProcessIdentityForTests {
    /// The name of the test process's primary group.
    static func primaryGroupName() -> String? {
        guard let entry = getgrgid(getgid()), let name = entry.pointee.gr_name else { return nil }
        return String(cString: name)
    }
}
