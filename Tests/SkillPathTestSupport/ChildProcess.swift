import Foundation
import Glibc

/// A program the tests run, spawned with posix_spawn and three pipes, read with poll, reaped with waitpid.
///
/// Written against the system calls rather than Foundation's `Process`, whose Linux implementation traps on
/// a `try!` when a descriptor goes bad under load and can leave a zombie behind a wait that never returns.
/// Every wait here has a deadline; at the deadline the child is killed, reaped, and the test is told.
/// `@unchecked Sendable`: used by one test at a time; the descriptors are closed exactly once.
public final class ChildProcess: @unchecked Sendable {
    public let pid: Int32
    private var input: Int32
    private var output: Int32
    private var errors: Int32
    private var outputBuffer: [UInt8] = []
    private var errorBuffer: [UInt8] = []
    private var status: Int32?
    private let description: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Parameter directory: the working directory (through `env -C`, as posix_spawn cannot set one).
    public init(_ program: String, _ arguments: [String], environment: [String: String], directory: String? = nil) throws {
        description = ([program] + arguments).joined(separator: " ")
        // Pipes are made and the child spawned under one lock, with every spawn of the test process: so no
        // other child, started by a test running in parallel, can inherit these pipe ends before they are
        // marked close-on-exec and hold them open (a read would then never see its end).
        SpawnLock.lock.lock()
        defer { SpawnLock.lock.unlock() }
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw Failure(description: "pipe failed: \(String(cString: strerror(errno)))") }
            // Close-on-exec, so that no other child started meanwhile inherits these ends and holds the pipe open.
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
            pipes.append(ends)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
        let command = directory.map { ["/usr/bin/env", "-C", $0, program] } ?? [program]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, command[0], &actions, nil, argv, envp)
        close(pipes[0][0])
        close(pipes[1][1])
        close(pipes[2][1])
        guard result == 0 else {
            close(pipes[0][1])
            close(pipes[1][0])
            close(pipes[2][0])
            throw Failure(description: "cannot start \(description): \(String(cString: strerror(result)))")
        }
        pid = child
        input = pipes[0][1]
        output = pipes[1][0]
        errors = pipes[2][0]
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            waitpid(pid, &raw, 0)
        }
        for descriptor in [input, output, errors] where descriptor >= 0 { close(descriptor) }
    }

    public func write(_ text: String) {
        guard input >= 0 else { return }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    public func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    /// The next line the child writes to stdout, waiting at most `timeout` seconds; nil at end of output.
    public func readLine(timeout: Double = 60) throws -> String? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            if let newline = outputBuffer.firstIndex(of: 0x0A) {
                let line = String(decoding: outputBuffer[..<newline], as: UTF8.self)
                outputBuffer.removeSubrange(...newline)
                return line
            }
            guard output >= 0 else { return outputBuffer.isEmpty ? nil : String(decoding: outputBuffer, as: UTF8.self) }
            guard try pump(until: deadline) else {
                throw Failure(description: "\(description) wrote no line within \(timeout) s (so far: \(String(decoding: outputBuffer, as: UTF8.self)))")
            }
        }
    }

    /// Closes stdin, reads both outputs to their end and waits for the child, all within `timeout` seconds;
    /// past it, kills the child and throws, with what it printed so far.
    public func finish(timeout: Double = 60) throws -> ProcessOutput {
        closeInput()
        let deadline = Date(timeIntervalSinceNow: timeout)
        while output >= 0 || errors >= 0 {
            guard try pump(until: deadline) else { return try killed(after: timeout) }
        }
        while status == nil {
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
            } else if result < 0 && errno != EINTR {
                throw Failure(description: "waitpid(\(pid)) failed: \(String(cString: strerror(errno)))")
            } else if Date() > deadline {
                return try killed(after: timeout)
            } else {
                usleep(2_000)
            }
        }
        return ProcessOutput(status: status ?? -1, stdout: String(decoding: outputBuffer, as: UTF8.self), stderr: String(decoding: errorBuffer, as: UTF8.self))
    }

    private func killed(after timeout: Double) throws -> ProcessOutput {
        kill(pid, SIGKILL)
        var raw: Int32 = 0
        waitpid(pid, &raw, 0)
        status = 128 + SIGKILL
        throw ProcessTimeout(
            program: description, arguments: [], seconds: timeout,
            stdout: String(decoding: outputBuffer, as: UTF8.self), stderr: String(decoding: errorBuffer, as: UTF8.self))
    }

    /// Reads whatever is ready on stdout and stderr; false when the deadline passed first.
    private func pump(until deadline: Date) throws -> Bool {
        var descriptors: [pollfd] = []
        if output >= 0 { descriptors.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
        if errors >= 0 { descriptors.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
        guard !descriptors.isEmpty else { return true }
        let remaining = Int32(max(0, min(Double(Int32.max), deadline.timeIntervalSinceNow * 1000)))
        let ready = poll(&descriptors, nfds_t(descriptors.count), remaining)
        if ready < 0 {
            if errno == EINTR { return true }
            throw Failure(description: "poll failed: \(String(cString: strerror(errno)))")
        }
        if ready == 0 { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for entry in descriptors where entry.revents != 0 {
            let count = read(entry.fd, &buffer, buffer.count)
            if count > 0 {
                if entry.fd == output { outputBuffer += buffer[0..<count] } else { errorBuffer += buffer[0..<count] }
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                close(entry.fd)
                if entry.fd == output { output = -1 } else { errors = -1 }
            }
        }
        return true
    }
}

/// One lock for every spawn of the test process (see `ChildProcess.init`).
enum SpawnLock {
    static let lock = NSLock()
}
