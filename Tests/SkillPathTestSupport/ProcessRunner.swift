public import Foundation

/// The result of running a program to completion.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the product's real executables, as a user would, and captures what they print.
public enum ProcessRunner {
    /// The folder holding the built executables: the test bundle sits beside them in `.build/<config>/`.
    public static let buildDirectory: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var directory = (executable as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: "\(directory)/skillpath") && directory != "/" {
            directory = (directory as NSString).deletingLastPathComponent
        }
        return directory
    }()

    public static func executable(_ name: String) -> String {
        "\(buildDirectory)/\(name)"
    }

    /// The repository root, for the shipped `Catalog/` and `Config/`.
    public static let packageRoot: String = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory.path
    }()

    /// Runs `program` with `arguments`, with a clean environment plus `environment`, and waits for it.
    public static func run(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
        directory: String? = nil, timeout: TimeInterval = 60
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : executable(program))
        process.arguments = arguments
        var base = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        base.merge(environment) { $1 }
        process.environment = base
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Drain both pipes at once so a chatty child never blocks on a full pipe.
        let collected = CollectedOutput()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { collected.set(out: output.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.set(err: errors.fileHandleForReading.readDataToEndOfFile()) }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw ProcessTimeout(program: program, arguments: arguments)
        }
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, stdout: collected.out, stderr: collected.err)
    }
}

public struct ProcessTimeout: Error, CustomStringConvertible {
    public var program: String
    public var arguments: [String]
    public var description: String { "\(program) \(arguments.joined(separator: " ")) did not finish in time" }
}

/// `@unchecked Sendable`: each field is written once by its reader thread and read after both finish.
final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data()
    private var stderr = Data()

    func set(out: Data) { lock.withLock { stdout = out } }
    func set(err: Data) { lock.withLock { stderr = err } }
    var out: String { lock.withLock { String(decoding: stdout, as: UTF8.self) } }
    var err: String { lock.withLock { String(decoding: stderr, as: UTF8.self) } }
}
