import Foundation
import SkillPathCore
import SkillPathFixtures

/// Writes HRIS exports for measuring `skillpath import` (docs/benchmarks.md): employees in a tree of teams of
/// 20 under one head, listed reports first (so the import must send managers before the rows under them),
/// with roles, and optionally skills, drawn from a catalog (the shipped one unless told).
struct HRISFiles {
    var rows: Int
    var employeesPath: String
    var skillsPath: String?
    var skillsPerEmployee: Int
    /// Ends the employees file with a row whose name is empty: a file the check must refuse whole.
    var badLastRow: Bool
    /// The catalog the roles and skills come from: the one the daemon importing the file serves.
    var catalogDirectory = "Catalog"

    func run() -> Int32 {
        let catalog: Catalog
        do {
            catalog = try CatalogLoader.load(directory: catalogDirectory)
        } catch {
            say("Error: cannot load \(catalogDirectory): \(error)")
            return 1
        }
        let roles = catalog.roles.map(\.id)
        let skills = catalog.skills.map(\.id)
        var random = SeededGenerator(seed: 24)
        var employees = "id,name,role,manager,email,login,languages\n"
        for number in (0..<rows).reversed() {
            let manager = number == 0 ? "" : Self.id((number - 1) / 20)
            employees += "\(Self.id(number)),\"Person \(number), Example\",\(roles[number % roles.count]),\(manager),"
                + "person\(number)@example.com,p\(number),\(number % 3 == 0 ? "en;de" : "")\n"
        }
        if badLastRow { employees += "e-bad,,\(roles[0]),,bad@example.com,bad,\n" }
        var written = write(employees, to: employeesPath)
        if let skillsPath {
            var lines = "employee,skill,level\n"
            for number in 0..<rows {
                for skill in skills.shuffled(using: &random).prefix(skillsPerEmployee) {
                    lines += "\(Self.id(number)),\(skill),\(Int.random(in: 1...4, using: &random))\n"
                }
            }
            written = written && write(lines, to: skillsPath)
        }
        return written ? 0 : 1
    }

    private static func id(_ number: Int) -> String { "e-" + String(repeating: "0", count: max(0, 7 - String(number).count)) + String(number) }

    private func write(_ text: String, to path: String) -> Bool {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            say("Error: cannot write \(path)")
            return false
        }
        say("wrote \(path): \(text.utf8.count) bytes")
        return true
    }
}
