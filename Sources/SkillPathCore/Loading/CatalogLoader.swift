import Foundation
import Glibc
public import SkillPathJSON

/// Reads a catalog directory: every `*.json` file below it (hidden files and folders skipped), in path order.
///
/// Files are parsed and decoded in parallel, then merged in path order, so the result does not depend on
/// which thread finished first. Any error in any file rejects the whole catalog, with every error listed.
public enum CatalogLoader {
    public static func load(directory: String) throws(CatalogRejection) -> Catalog {
        let files = try catalogFiles(in: directory)
        var fragments = [CatalogFragment](repeating: CatalogFragment(), count: files.count)
        fragments.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { number in
                output.value[number] = readFragment(directory: directory, file: files[number])
            }
        }
        return try merge(fragments)
    }

    /// Decodes and validates catalog files that are already parsed, exactly as `load(directory:)` would if
    /// they were written out: importers check what they are about to write with it.
    public static func load(documents: [(file: String, document: JSONValue)]) throws(CatalogRejection) -> Catalog {
        try merge(documents.map { CatalogFileDecoder.decode($0.document, file: $0.file) })
    }

    static func merge(_ fragments: [CatalogFragment]) throws(CatalogRejection) -> Catalog {
        var skills: [Skill] = []
        var courses: [Course] = []
        var roles: [Role] = []
        var transitions: [Transition] = []
        var diagnostics: [CatalogDiagnostic] = []
        for fragment in fragments {
            skills += fragment.skills
            courses += fragment.courses
            roles += fragment.roles
            transitions += fragment.transitions
            diagnostics += fragment.diagnostics
        }
        return try Catalog(skills: skills, courses: courses, roles: roles, transitions: transitions, diagnostics: diagnostics)
    }

    /// Relative paths of the catalog's JSON files, sorted.
    static func catalogFiles(in directory: String) throws(CatalogRejection) -> [String] {
        let location = CatalogLocation(file: directory, line: 0)
        func failure(_ message: String) -> CatalogRejection {
            CatalogRejection(errors: [CatalogDiagnostic(.error, .unreadable, at: location, message)], warnings: [])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw failure("catalog directory does not exist")
        }
        guard isDirectory.boolValue else {
            throw failure("a catalog is a directory of *.json files, but this is a file")
        }
        var files: [String] = []
        if let problem = collectJSONFiles(in: directory, relative: "", into: &files) {
            throw failure("catalog directory cannot be read: \(problem)")
        }
        guard !files.isEmpty else {
            throw failure("catalog directory holds no *.json files")
        }
        return files.sorted(by: Text.precedes)
    }

    /// Adds the `*.json` files below `directory` (hidden files and folders skipped) to `files`, as paths
    /// relative to the catalog; returns why a folder could not be read, if one could not. Written on
    /// `opendir` rather than `FileManager`'s enumerator, which reports a folder it cannot open (out of file
    /// descriptors, say) as an empty one, so that a reload would say "holds no *.json files".
    private static func collectJSONFiles(in directory: String, relative: String, into files: inout [String]) -> String? {
        let folder = relative.isEmpty ? directory : "\(directory)/\(relative)"
        guard let stream = opendir(folder) else { return "\(folder): \(String(cString: strerror(errno)))" }
        defer { closedir(stream) }
        var children: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            // A link to a folder is not followed (a link loop would never end); a link to a file is read.
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var status = stat()
                isFolder = lstat("\(folder)/\(name)", &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            children.append((name, isFolder))
        }
        for child in children {
            let path = relative.isEmpty ? child.name : "\(relative)/\(child.name)"
            if child.isFolder {
                if let problem = collectJSONFiles(in: directory, relative: path, into: &files) { return problem }
            } else if child.name.hasSuffix(".json") {
                files.append(path)
            }
        }
        return nil
    }

    static func readFragment(directory: String, file: String) -> CatalogFragment {
        let path = (directory as NSString).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: path) else {
            // FileManager says only that it failed; opening the file again says why (out of descriptors, say).
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            let reason = descriptor < 0 ? ": \(String(cString: strerror(errno)))" : ""
            if descriptor >= 0 { close(descriptor) }
            var fragment = CatalogFragment()
            fragment.diagnostics.append(CatalogDiagnostic(.error, .unreadable, at: CatalogLocation(file: file, line: 0), "cannot read the file\(reason)"))
            return fragment
        }
        do {
            let document = try JSONParser.parse([UInt8](data))
            return CatalogFileDecoder.decode(document, file: file)
        } catch {
            var fragment = CatalogFragment()
            fragment.diagnostics.append(CatalogDiagnostic(
                .error, .malformedJSON, at: CatalogLocation(file: file, line: error.line), column: error.column, "malformed JSON: \(error.message)"))
            return fragment
        }
    }
}

/// Hands a buffer to `concurrentPerform`, whose iterations each write one distinct element.
/// `@unchecked Sendable`: safe because no two iterations touch the same index.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
