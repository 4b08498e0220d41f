import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `employees.get`: one employee with skills, completions, reports and assignments.
enum EmployeesGet {
    static let method = MethodDefinition(
        name: "employees.get", summary: "One employee with their skills, completed courses, reports and assignments.",
        description: "Visible to the employee, their managers (direct or indirect), services and administrators. Without `id`, the caller's own record.",
        params: [MethodDefinition.Parameter("id", Schema.string, "the employee's id (default: the caller)")],
        resultName: "employee", resultSchema: .object([("type", "object")]), errors: [.unknownEmployee, .forbidden],
        example: .init(
            params: .object([("id", "e-104")]),
            result: .object([
                ("id", "e-104"), ("name", "Dana Ortiz"), ("login", "dana"), ("role", "data-analyst"), ("manager", "e-102"),
                ("skills", .array([.object([("skill", "sql"), ("level", 2), ("source", "manager"), ("setAt", "2026-11-23T09:00:00Z")])])),
                ("completed", .array([])), ("reports", .array([])), ("assignments", .array([])),
            ])),
        access: .scoped
    ) { context, params in
        guard let id = try params.optional("id")?.string() ?? context.ownEmployeeID() else {
            throw JSONFieldError(path: "id", message: "is required when the caller is not an employee")
        }
        try context.requireRead(of: id)
        let store = context.store
        guard let profile = try store.employee(id) else { throw DomainError.unknownEmployee(id) }
        return profile.json(assignments: try store.assignments(employee: id, visible: .everyone), evidence: SkillEvidence(context), today: context.today)
    }
}
