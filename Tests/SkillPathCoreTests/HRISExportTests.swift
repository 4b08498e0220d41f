import SkillPathCore
import SkillPathJSON
import Testing

@Suite struct HRISExportTests {
    @Test func readsRealCSVWithQuotesNewlinesAndCRLF() throws {
        let text = "Id,Name,ROLE,login,manager\r\ne-1,\"Hopper, Grace\",lead,grace,\r\ne-2,\"Line\nBreak \"\"Quoted\"\"\",analyst,,e-1\r\n"
        let result = try HRISExport.read(employees: (Array(text.utf8), "hr.csv"), skills: nil)
        #expect(result.problems.isEmpty)
        #expect(result.rows.map(\.line) == [2, 3])
        #expect(result.rows[0].input.name == "Hopper, Grace")
        #expect(result.rows[1].input.name == "Line\nBreak \"Quoted\"")
        #expect(result.rows[0].input.manager == .set(nil), "an empty cell clears the field")
        #expect(result.rows[1].input.login == .set(nil))
        #expect(result.rows[0].input.email == .keep, "a column the file lacks is left out, so stored values are kept")
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
        #expect(result.rows[0].input.id == "e-9")
        #expect(result.rows[0].input.skills == [SkillLevel(skill: "sql", level: 2), SkillLevel(skill: "python", level: 1)])
        #expect(result.rows[0].skillLines == [2, 3])
    }

    @Test func datesKindsAndPacesAreCheckedBeforeAnythingIsSent() throws {
        let employees = """
            id,name,role,roleSince,moveKind,leftOn,hoursPerWeek
            e-1,One,analyst,2026-13-01,,,
            e-2,Two,analyst,,sideways,,
            e-3,Three,analyst,,,yesterday,
            e-4,Four,analyst,,,,200
            e-5,Five,analyst,2026-03-01,promotion,,4.5
            """
        let result = try HRISExport.read(employees: (Array(employees.utf8), "e.csv"), skills: nil)
        #expect(result.problems.map(\.description) == [
            "e.csv:2, column 'roleSince': must be a date as YYYY-MM-DD, got '2026-13-01'",
            "e.csv:3, column 'moveKind': must be one of promotion, lateral, secondment, got 'sideways'",
            "e.csv:4, column 'leftOn': must be a date as YYYY-MM-DD, got 'yesterday'",
            "e.csv:5, column 'hoursPerWeek': must be a number of hours from 0 to 168, got '200'",
        ])
        try #require(result.rows.count == 1)
        let five = result.rows[0].input
        #expect(five.roleSince == CalendarDate(year: 2026, month: 3, day: 1))
        #expect(five.moveKind == .promotion)
        #expect(five.leftOn == .set(nil), "an empty leftOn cell clears it")
        #expect(five.preferences?.hoursPerWeek == .some(Quantity(hundredths: 450)))
    }
}
