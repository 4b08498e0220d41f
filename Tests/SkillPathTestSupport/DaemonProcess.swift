import Foundation
import Glibc

/// A real `skillpathd` on a temp socket, with its own catalog, database and log in a temp folder.
/// `@unchecked Sendable`: the paths are immutable; `exitStatus` is only touched by the test's own thread.
public final class DaemonProcess: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let socketPath: String
    public let catalogPath: String
    public let databasePath: String
    public let logPath: String
    public let pid: Int32
    private var exitStatus: Int32?

    /// Starts the daemon and waits until it answers on its socket.
    /// - Parameters:
    ///   - catalogFiles: the catalog to serve (the fixture catalog by default), or nil with `catalog` given.
    ///   - arguments: extra command-line arguments.
    ///   - environment: extra environment variables.
    ///   - journal: make the log file look like the journal to the daemon, as systemd does for a service
    ///     whose output goes there (`JOURNAL_STREAM` naming the file's device and inode).
    ///   - resourceLimits: `prlimit` options (`--fsize=N`, `--nofile=N`, `--as=N`) the daemon runs under.
    public init(
        catalogFiles: [String: String]? = Fixtures.files, catalog: String? = nil, socket: String? = nil, arguments: [String] = [],
        environment: [String: String] = [:], waitForSocket: Bool = true, journal: Bool = false, resourceLimits: [String] = []
    ) throws {
        directory = TemporaryDirectory()
        socketPath = socket ?? "\(directory.path)/d.sock"
        databasePath = "\(directory.path)/skillpath.db"
        logPath = "\(directory.path)/daemon.log"
        if let catalogFiles {
            directory.write(Dictionary(uniqueKeysWithValues: catalogFiles.map { ("catalog/\($0.key)", $0.value) }))
            catalogPath = "\(directory.path)/catalog"
        } else {
            catalogPath = catalog ?? "\(ProcessRunner.packageRoot)/Catalog"
        }
        let full = ["--socket", socketPath, "--catalog", catalogPath, "--database", databasePath] + arguments
        var environment = environment
        if journal {
            guard FileManager.default.createFile(atPath: logPath, contents: nil) else { throw RPCClient.ClientError("cannot create \(logPath)") }
            var status = stat()
            guard stat(logPath, &status) == 0 else { throw RPCClient.ClientError("cannot stat \(logPath)") }
            environment["JOURNAL_STREAM"] = "\(status.st_dev):\(status.st_ino)"
        }
        pid = try Self.spawn(ProcessRunner.executable("skillpathd"), full, environment: environment, log: logPath, resourceLimits: resourceLimits)
        if waitForSocket { try waitUntilServing() }
    }

    /// `skillpathd` with no path flags, started in `folder`: the README's `swift run skillpathd`, with its
    /// socket and database in that folder's `.skillpath/` and the shipped catalog.
    public init(
        embeddedDefaultsIn folder: TemporaryDirectory, arguments: [String] = [], environment: [String: String] = [:],
        waitForSocket: Bool = true
    ) throws {
        directory = folder
        socketPath = "\(directory.path)/.skillpath/skillpathd.sock"
        databasePath = "\(directory.path)/.skillpath/skillpath.db"
        logPath = "\(directory.path)/daemon.log"
        catalogPath = "\(ProcessRunner.packageRoot)/Catalog"
        pid = try Self.spawn(ProcessRunner.executable("skillpathd"), arguments, environment: environment, log: logPath, workingDirectory: directory.path)
        if waitForSocket { try waitUntilServing() }
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: 5)
        }
    }

    /// For daemons held in statics, which are never deinitialised: stop this one when the test process exits.
    public func stopAtExit() {
        DaemonReaper.add(pid)
    }

    /// Polls the socket until the daemon answers, or fails with the daemon's log.
    public func waitUntilServing(timeout: Double = 30) throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if let client = try? RPCClient(socketPath: socketPath), (try? client.result("system.health")) != nil { return }
            if let status = pollExit() {
                throw RPCClient.ClientError("skillpathd exited with \(status) before serving:\n\(log)")
            }
            usleep(20_000)
        }
        throw RPCClient.ClientError("skillpathd did not start serving in time:\n\(log)")
    }

    public func client() throws -> RPCClient {
        try RPCClient(socketPath: socketPath)
    }

    public var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Waits until the log contains `text` (the daemon writes its log in batches) and says whether it did.
    public func logEventually(contains text: String, timeout: Double = 30) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        repeat {
            if log.contains(text) { return true }
            usleep(20_000)
        } while Date() < deadline
        return false
    }

    public func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// Waits for the process to exit and returns its status (128 + signal when killed), nil on timeout.
    public func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if let status = pollExit() { return status }
            usleep(10_000)
        }
        return nil
    }

    private func pollExit() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        exitStatus = code
        return code
    }

    /// posix_spawn with stdout and stderr appended to `log`, and `inherit` descriptors placed from 3 up,
    /// exactly as systemd passes sockets.
    public static func spawn(
        _ program: String, _ arguments: [String], environment: [String: String], log: String, inherit: [Int32] = [], workingDirectory: String? = nil,
        resourceLimits: [String] = []
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        for (offset, descriptor) in inherit.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, descriptor, 3 + Int32(offset))
        }
        // The daemon stops by itself if the test process dies before it could kill it (ParentWatch).
        var base = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(), "SKILLPATH_PARENT_PID": String(getpid())]
        // Sanitizer settings reach the daemon, so that a data race in it fails the test run.
        for name in ["TSAN_OPTIONS", "ASAN_OPTIONS"] { base[name] = ProcessInfo.processInfo.environment[name] }
        base.merge(environment) { $1 }
        // `env --chdir` execs the program in place (same pid) from `workingDirectory`.
        // `prlimit` also execs in place, after setting the limits.
        let limited = resourceLimits.isEmpty ? [program] : ["/usr/bin/prlimit"] + resourceLimits + [program]
        let command = workingDirectory.map { ["/usr/bin/env", "--chdir=\($0)"] + limited } ?? limited
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = base.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        SpawnLock.lock.lock()
        let result = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        SpawnLock.lock.unlock()
        guard result == 0 else { throw RPCClient.ClientError("posix_spawn \(program) failed: \(String(cString: strerror(result)))") }
        return pid
    }
}

/// Kills daemons that outlive their tests when the test process exits.
enum DaemonReaper {
    /// Only appended to under `lock`; read by the exit handler when nothing else runs.
    nonisolated(unsafe) static var pids: [Int32] = []
    static let lock = NSLock()
    nonisolated(unsafe) static var registered = false

    static func add(_ pid: Int32) {
        lock.withLock {
            pids.append(pid)
            if !registered {
                registered = true
                atexit {
                    for pid in DaemonReaper.pids { kill(pid, SIGKILL) }
                }
            }
        }
    }
}
