import Foundation
import SkillPathCore
import SkillPathJSON
import SkillPathProtocol

/// Reading a catalog directory and a profile file for the offline commands, with errors that name the file.
enum OfflineInputs {
    static func catalog(_ directory: String) throws(CLIError) -> Catalog {
        try requireDirectory(directory)
        do {
            return try CatalogLoader.load(directory: directory)
        } catch {
            let shown = error.errors.prefix(20).map(\.description)
            let more = error.errors.count > 20 ? ["… and \(error.errors.count - 20) more (run skillpath catalog check \(directory))"] : []
            throw CLIError(.dataError, "the catalog in \(directory) has \(error.errors.count) error\(error.errors.count == 1 ? "" : "s")", details: shown + more)
        }
    }

    /// A directory that must exist (exit 66 otherwise, as for a missing file).
    static func requireDirectory(_ path: String) throws(CLIError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError(.noInput, "\(path): no such directory") }
        guard isDirectory.boolValue else { throw CLIError(.noInput, "\(path): not a directory (a catalog is a directory of JSON files)") }
    }

    /// A file's bytes (exit 66 when it is missing or unreadable).
    /// A file's bytes; `-` reads standard input, as every import and `rpc` do.
    static func contents(file path: String) throws(CLIError) -> [UInt8] {
        if path == "-" { return [UInt8](FileHandleInput.readAll()) }
        guard FileManager.default.fileExists(atPath: path) else { throw CLIError(.noInput, "\(path): no such file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(.noInput, "\(path): cannot read the file") }
        return [UInt8](data)
    }

    static func json(file path: String) throws(CLIError) -> JSONValue {
        let bytes = try contents(file: path)
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw CLIError(.dataError, "\(path == "-" ? "stdin" : path):\(error.line):\(error.column): malformed JSON: \(error.message)")
        }
    }

    /// A profile file: `{"skills": [{"skill", "level"}], "completed": [ids], "role"?: id}`.
    static func profile(file path: String) throws(CLIError) -> Profile {
        let document = try json(file: path)
        do {
            return try Profile(json: JSONField(document))
        } catch {
            throw CLIError(.dataError, "\(path): \(error.field.isEmpty ? "" : error.field + " ")\(error.message)")
        }
    }
}
