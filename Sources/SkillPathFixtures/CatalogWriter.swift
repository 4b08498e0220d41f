import Foundation
import SkillPathCore
import SkillPathJSON

/// Writes generated catalogs as catalog directories, split the way a large real catalog would be.
public enum CatalogWriter {
    public static func write(_ output: CatalogGenerator.Output, to directory: String, coursesPerFile: Int = 10_000) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try write(["skills": .array(output.skills.map(\.json))], to: "\(directory)/skills.json")
        var part = 0
        var start = 0
        while start < output.courses.count {
            let end = min(start + coursesPerFile, output.courses.count)
            try write(["courses": .array(output.courses[start..<end].map(\.json))], to: "\(directory)/courses-\(padded(part, 3)).json")
            part += 1
            start = end
        }
        try write(["roles": .array(output.roles.map(\.json)), "transitions": .array(output.transitions.map(\.json))], to: "\(directory)/roles.json")
    }

    static func write(_ sections: KeyValuePairs<String, JSONValue>, to path: String) throws {
        let document = JSONValue.object(JSONObject(sections.map { JSONMember($0.key, $0.value) }))
        try Data(JSONWriter.bytes(document, style: .pretty)).write(to: URL(fileURLWithPath: path))
    }
}
