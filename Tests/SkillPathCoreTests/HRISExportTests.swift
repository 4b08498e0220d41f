import SkillPathCore
import SkillPathJSON
import Testing

@Suite struct HRISExportTests {
    @Test func readsRealCSVWithQuotesNewlinesAndCRLF() throws {
        let text = "Id,Name,ROLE,login,manager\r\ne-1,\"Hopper, Grace\",lead,grace,\r\ne-2,\"Line\nBreak \"\"Quoted\"\"\",analyst,,e-1\r\n"
        let result = try HRISExport.read(employees: (Array(text.utf8), "hr.csv"), skills: nil)
        #expect(result.problems.isEmpty)
        #expect(result.rows.map(\.line) == [2, 3])
        #expect(result.rows[0].json["name"] == "Hopper, Grace")
        #expect(result.rows[1].json["name"] == "Line\nBreak \"Quoted\"")
        #expect(result.rows[0].json["manager"] == .null)
        #expect(result.rows[1].json["login"] == .null)
        #expect(result.rows[0].json["email"] == nil, "a column the file lacks is left out, so stored values are kept")
    }

    @Test func problemsNameTheFileLineAndColumn() throws {
        let employees = "id,name,role\ne-1,,analyst\ne-2,Two,analyst\ne-2,Again,analyst\n"
        let skills = "employee,skill,level\ne-2,sql,high\ne-2,python,3\n,sql,1\n"
        let result = try HRISExport.read(employees: (Array(employees.utf8), "e.csv"), skills: (Array(skills.utf8), "s.csv"))
        #expect(result.problems.map(\.description) == [
            "e.csv:2, column 'name': is empty",
            "e.csv:4, column 'id': employee 'e-2' is listed again (first on line 3)",
            "s.csv:2, column 'level': must be a whole number from 0 to 5, got 'high'",
            "s.csv:4, column 'employee': is empty",
        ])
        #expect(result.rows.count == 1)
        #expect(result.rows[0].skillLines == [3])
    }

    @Test(arguments: [
        ("name,role\nx,y\n", "f.csv:1: missing column 'id' in the header (found: name, role)"),
        ("id,name,role\n\"unterminated,x,y\n", "f.csv:2, column 1: a quoted field is never closed"),
        ("id,name,role\nab\"c,x,y\n", "f.csv:2, column 1: a quote inside an unquoted field (quote the whole field and double the quote)"),
        ("", "f.csv:1: the file is empty; expected a header row"),
    ])
    func malformedFilesAreErrorsWithAPlace(text: String, message: String) {
        #expect(throws: CSVError.self) { try HRISExport.read(employees: (Array(text.utf8), "f.csv"), skills: nil) }
        do {
            _ = try HRISExport.read(employees: (Array(text.utf8), "f.csv"), skills: nil)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func skillsOfEmployeesNotInTheFileBecomePartialRows() throws {
        let skills = "skill,level,employee\nsql,2,e-9\npython,1,e-9\n"
        let result = try HRISExport.read(employees: nil, skills: (Array(skills.utf8), "s.csv"))
        #expect(result.rows.count == 1)
        #expect(result.rows[0].json["id"] == "e-9")
        #expect(result.rows[0].json["skills"]?.arrayValue?.count == 2)
        #expect(result.rows[0].skillLines == [2, 3])
    }
}
