import Foundation

/// A fresh directory under the system temp folder, removed when the value is released.
/// `@unchecked Sendable`: immutable after init; the files it manages are the test's own.
///
/// A folder or file it cannot create is reported on stderr and left missing, so that the test using it
/// fails on its own terms; a trap here would end every test of the run at once.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init() {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/skillpath-test-\(UUID().uuidString)"
        Self.attempt("create \(path)") { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes files given as relative path → contents, creating folders as needed.
    @discardableResult
    public func write(_ files: [String: String]) -> String {
        for (name, contents) in files {
            let file = "\(path)/\(name)"
            Self.attempt("write \(file)") {
                try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try contents.write(toFile: file, atomically: true, encoding: .utf8)
            }
        }
        return path
    }

    private static func attempt(_ what: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch {
            FileHandle.standardError.write(Data("TemporaryDirectory: cannot \(what): \(error)\n".utf8))
        }
    }
}
