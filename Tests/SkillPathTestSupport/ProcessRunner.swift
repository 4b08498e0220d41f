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

    /// Runs `program` with `arguments`, with a clean environment plus `environment`, and waits for it:
    /// both outputs read to the end, the child reaped, and everything within `timeout` seconds (past it,
    /// the child is killed and `ProcessTimeout` says what it printed so far).
    public static func run(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
        directory: String? = nil, timeout: TimeInterval = 120
    ) throws -> ProcessOutput {
        let child = try start(program, arguments, environment: environment, directory: directory)
        if let stdin { child.write(stdin) }
        return try child.finish(timeout: timeout)
    }

    /// Starts `program` in the background, for tests that talk to it while it runs.
    public static func start(_ program: String, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> ChildProcess {
        var base = ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        for name in ["TSAN_OPTIONS", "ASAN_OPTIONS"] { base[name] = ProcessInfo.processInfo.environment[name] }
        base.merge(environment) { $1 }
        return try ChildProcess(program.hasPrefix("/") ? program : executable(program), arguments, environment: base, directory: directory)
    }
}

public struct ProcessTimeout: Error, CustomStringConvertible {
    public var program: String
    public var arguments: [String]
    public var seconds: Double = 0
    public var stdout = ""
    public var stderr = ""
    public var description: String {
        "\(([program] + arguments).joined(separator: " ")) did not finish within \(Int(seconds)) s and was killed; it printed:\n\(stdout)\n\(stderr)"
    }
}
