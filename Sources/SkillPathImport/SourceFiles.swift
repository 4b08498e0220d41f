import Foundation
import SkillPathCore

/// Reading the source files of an import: whole files, CSV and tab-separated tables with named columns.
enum SourceFiles {
    static func bytes(_ path: String) throws(ImportError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw ImportError(file: path, message: "no such file", missingInput: true) }
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError(file: path, message: "cannot read the file", missingInput: true) }
        return [UInt8](data)
    }

    /// A CSV file (RFC 4180).
    static func csv(_ path: String) throws(ImportError) -> CSVTable {
        let contents = try bytes(path)
        do {
            return try CSVReader.parse(contents, file: path)
        } catch {
            throw ImportError(error)
        }
    }

    /// A CSV file read a record at a time (`next`), never held whole.
    static func csvRows(_ path: String) throws(ImportError) -> CSVRows<CSVFileSource> {
        guard FileManager.default.fileExists(atPath: path) else { throw ImportError(file: path, message: "no such file", missingInput: true) }
        do {
            return try CSVRows(CSVRecordReader(CSVFileSource(path: path), file: path))
        } catch {
            throw ImportError(error)
        }
    }

    static func next(_ rows: inout CSVRows<CSVFileSource>) throws(ImportError) -> CSVRecord? {
        do {
            return try rows.next()
        } catch {
            throw ImportError(error)
        }
    }

    /// The columns a streamed file must have, by name.
    static func columns(_ rows: CSVRows<CSVFileSource>, _ required: [String], optional: [String] = []) throws(ImportError) -> CSVColumns {
        do {
            return try rows.columns(required: required, optional: optional)
        } catch {
            throw ImportError(error)
        }
    }

    /// A tab-separated file without quoting. `escaped` decodes `\t`, `\n` and `\\` inside fields (the
    /// convention of the Metacademy and Princeton derived files).
    static func tsv(_ path: String, escaped: Bool = false) throws(ImportError) -> CSVTable {
        var table: CSVTable
        let contents = try bytes(path)
        do {
            table = try CSVReader.parse(contents, file: path, delimiter: 0x09, quoting: false)
        } catch {
            throw ImportError(error)
        }
        if escaped {
            for index in table.records.indices {
                table.records[index].fields = table.records[index].fields.map(unescape)
            }
        }
        return table
    }

    static func unescape(_ field: String) -> String {
        guard field.contains("\\") else { return field }
        var result = ""
        var iterator = field.makeIterator()
        while let character = iterator.next() {
            guard character == "\\", let next = iterator.next() else {
                result.append(character)
                continue
            }
            switch next {
            case "t": result.append("\t")
            case "n": result.append("\n")
            case "\\": result.append("\\")
            default: result.append(character); result.append(next)
            }
        }
        return result
    }

    /// The columns a table must have, by name, or an error naming the file and the missing ones.
    static func columns(_ table: CSVTable, _ required: [String], optional: [String] = [], file: String) throws(ImportError) -> CSVColumns {
        do {
            return try table.columns(required: required, optional: optional, file: file)
        } catch {
            throw ImportError(error)
        }
    }

    /// What the output must carry for the source's license: the "License and required attribution" section of
    /// the folder's SOURCE.md (naming the license and quoting the required attribution) and the full text of
    /// its LICENSE file when it has one (BSD and CC BY-SA require the license to travel with the data).
    static func attribution(folder: String, fallback: String) -> String {
        var parts: [String] = []
        if let data = FileManager.default.contents(atPath: "\(folder)/SOURCE.md"), let text = String(data: data, encoding: .utf8) {
            let lines = text.components(separatedBy: "\n")
            if let title = lines.first(where: { $0.hasPrefix("# ") }) { parts.append(String(title.dropFirst(2))) }
            if let start = lines.firstIndex(where: { $0.hasPrefix("## License") }) {
                let section = lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }
                parts.append(section.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        if parts.count < 2 { parts.append(fallback) }
        for name in ["LICENSE", "LICENSE.txt"] {
            if let data = FileManager.default.contents(atPath: "\(folder)/\(name)"), let text = String(data: data, encoding: .utf8) {
                parts.append("---- \(name) ----\n" + text.trimmingCharacters(in: .whitespacesAndNewlines))
                break
            }
        }
        return parts.joined(separator: "\n\n")
    }
}

extension String {
    /// A lower-case id: letters and digits, other runs become a single hyphen.
    var slug: String {
        var result = ""
        var pendingHyphen = false
        for scalar in lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
