import CSQLite
import Foundation
import Glibc
import SkillPathJSON
import SkillPathTestSupport
import Testing

/// The database cannot vanish or be wrong unnoticed: deleted or replaced under a running daemon, every
/// write is refused (nothing is acknowledged and then lost) and health says so; an empty, damaged or foreign
/// file at start is refused with exit 1, a message naming it and what to do, and is left byte for byte as it
/// was; a hard link to a live database cannot start a second daemon.
@Suite struct DatabaseFaultTests {
    static func employee(_ id: String) -> JSONValue {
        .object([("employees", .array([.object([("id", .string(id)), ("name", "N"), ("role", "analyst")])]))])
    }

    /// A daemon started on `database`, expected to refuse it: its exit status and log.
    static func refusal(of database: String, arguments: [String] = []) throws -> (status: Int32?, log: String) {
        let daemon = try DaemonProcess(arguments: ["--database", database] + arguments, waitForSocket: false)
        return (daemon.waitForExit(), daemon.log)
    }

    /// A SkillPath database of 300 employees, written by a daemon that then stopped, copied with its WAL and
    /// checkpointed, so that every row is in the one file.
    static func writtenDatabase(in folder: TemporaryDirectory, journalMode: String = "DELETE") throws -> String {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let rows = (0..<300).map { JSONValue.object([("id", .string("e\($0)")), ("name", .string("Person \($0)")), ("role", "analyst")]) }
        _ = try client.result("employees.upsert", .object([("employees", .array(rows))]))
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let copy = "\(folder.path)/copy.db"
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: daemon.databasePath + suffix) {
            try FileManager.default.copyItem(atPath: daemon.databasePath + suffix, toPath: copy + suffix)
        }
        var handle: OpaquePointer?
        try #require(sqlite3_open(copy, &handle) == SQLITE_OK)
        #expect(sqlite3_exec(handle, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = \(journalMode);", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        return copy
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test(arguments: ["deleted", "replaced"])
    func aDatabaseDeletedOrReplacedWhileRunningRefusesEveryWrite(fault: String) throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        _ = try client.result("employees.upsert", Self.employee("before"))
        if fault == "deleted" {
            for suffix in ["", "-wal", "-shm"] { unlink(daemon.databasePath + suffix) }
        } else {
            let other = "\(daemon.directory.path)/other.db"
            try FileManager.default.copyItem(atPath: daemon.databasePath, toPath: other)
            #expect(rename(other, daemon.databasePath) == 0)
        }
        for index in 0..<5 {
            let error = try client.call("employees.upsert", Self.employee("after-\(index)"))["error"]
            #expect(error?["code"] == -32013, "\(String(describing: error))")
            #expect(error?["data"]?["reason"] == "file-gone")
            #expect(error?["message"]?.stringValue?.contains("deleted or replaced while the daemon was running: nothing was written") == true)
        }
        let health = try client.result("system.health")
        #expect(health["status"] == "unhealthy")
        #expect(health["store"]?["problem"]?.stringValue?.contains(fault == "deleted" ? "was deleted" : "was replaced") == true, "\(health)")
        #expect(daemon.logEventually(contains: "the database file is gone; refusing every write"), "\(daemon.log)")
        let cli = try ProcessRunner.run("skillpath", ["--socket", daemon.socketPath, "health"])
        #expect(cli.status == 69, "an unhealthy daemon is a failing health check")
        #expect(cli.stdout.contains("unhealthy") && cli.stdout.contains("every write is refused"), "\(cli.stdout)")
        #expect(try client.result("employees.get", .object([("id", "before")]))["id"] == "before", "reads still answer")
    }

    @Test func anEmptyFileIsRefusedUnlessInitIsGiven() throws {
        let folder = TemporaryDirectory()
        let database = "\(folder.path)/empty.db"
        #expect(FileManager.default.createFile(atPath: database, contents: Data()))
        let refused = try Self.refusal(of: database)
        #expect(refused.status == 1)
        #expect(refused.log.contains("the database file \(database) exists but is empty (0 bytes)"), "\(refused.log)")
        #expect(refused.log.contains("--init"))
        #expect(Self.bytes(database) == Data(), "left as it was")
        let initialised = try DaemonProcess(arguments: ["--database", database, "--init"])
        #expect(try initialised.client().result("employees.upsert", Self.employee("first"))["inserted"] == 1)
    }

    /// In WAL mode (every database the daemon wrote) the check runs on the writer's thread while reads are
    /// answered, and the daemon stops with 1 once it fails; in another mode (a file from elsewhere), before the
    /// writer opens, since switching to WAL writes the header. Either way not a byte is written.
    @Test(arguments: ["DELETE", "WAL"])
    func aDamagedDatabaseIsRefusedAndLeftUntouched(journalMode: String) throws {
        let folder = TemporaryDirectory()
        let database = try Self.writtenDatabase(in: folder, journalMode: journalMode)
        var bytes = try #require(Self.bytes(database))
        try #require(bytes.count > 16_384, "\(bytes.count) bytes")
        var generator = SystemRandomNumberGenerator()
        let middle = bytes.count / 2 - 4_096
        for offset in middle..<(middle + 8_192) { bytes[offset] = UInt8.random(in: 0...255, using: &generator) }
        try bytes.write(to: URL(fileURLWithPath: database))
        let refused = try Self.refusal(of: database)
        #expect(refused.status == 1)
        #expect(refused.log.contains("the database \(database) is damaged"), "\(refused.log)")
        #expect(refused.log.contains("restore it from a backup"))
        if journalMode == "WAL" { #expect(refused.log.contains("stopping without having written to it"), "the check ran after the start: \(refused.log)") }
        #expect(Self.bytes(database) == bytes, "left byte for byte as it was")
    }

    @Test(arguments: [0, 0x1234_5678])
    func anotherProgramsSQLiteFileIsRefusedAndLeftUntouched(applicationID: Int) throws {
        let folder = TemporaryDirectory()
        let database = "\(folder.path)/theirs.db"
        var handle: OpaquePointer?
        try #require(sqlite3_open(database, &handle) == SQLITE_OK)
        #expect(sqlite3_exec(handle, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); PRAGMA application_id = \(applicationID);", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        let before = Self.bytes(database)
        let refused = try Self.refusal(of: database)
        #expect(refused.status == 1)
        let expected = applicationID == 0 ? "is another program's SQLite database (tables invoices; no SkillPath application id)" : "is another application's SQLite database (application_id \(applicationID)"
        #expect(refused.log.contains(expected), "\(refused.log)")
        #expect(Self.bytes(database) == before, "no table added, no user_version set")
    }

    @Test func aDatabaseFromBeforeTheApplicationIdIsAcceptedAndMarked() throws {
        let folder = TemporaryDirectory()
        let database = try Self.writtenDatabase(in: folder)
        var handle: OpaquePointer?
        try #require(sqlite3_open(database, &handle) == SQLITE_OK)
        #expect(sqlite3_exec(handle, "PRAGMA application_id = 0", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        let daemon = try DaemonProcess(arguments: ["--database", database])
        #expect(try daemon.client().result("employees.get", .object([("id", "e7")]))["id"] == "e7", "its data is served")
    }

    @Test func aHardLinkToALiveDatabaseCannotStartASecondDaemon() throws {
        let first = try DaemonProcess()
        let elsewhere = TemporaryDirectory()
        let link = "\(elsewhere.path)/linked.db"
        #expect(Glibc.link(first.databasePath, link) == 0)
        let refused = try Self.refusal(of: link)
        #expect(refused.status == 1)
        #expect(refused.log.contains("another skillpathd is using the database \(link) (the same file, perhaps through a hard link"), "\(refused.log)")
        #expect(try first.client().result("employees.upsert", Self.employee("still"))["inserted"] == 1, "the first daemon still writes")
    }
}
