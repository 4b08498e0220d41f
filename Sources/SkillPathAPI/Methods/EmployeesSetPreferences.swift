import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// `employees.setPreferences`: how an employee likes to learn, set by the employee (or an administrator).
enum EmployeesSetPreferences {
    static let method = MethodDefinition(
        name: "employees.setPreferences", summary: "Set an employee's learner preferences: languages, formats, weekly hours.",
        description: """
        The defaults of the employee's plans (paths.plan, paths.compare, roles.route, assignments.create, \
        roles.suggest): a plan's own options win. Fields given replace the stored ones (null or [] clears), \
        fields left out are kept. The employee sets their own; administrators set anyone's.
        """,
        params: [
            MethodDefinition.Parameter("employee", Schema.string, "whose (default: the caller's own)"),
            MethodDefinition.Parameter("languages", Schema.array(Schema.string), "course languages, e.g. [\"en\"]"),
            MethodDefinition.Parameter("formats", Schema.array(Schema.string), "course formats, e.g. [\"video\", \"reading\"]"),
            MethodDefinition.Parameter("hoursPerWeek", Schema.number, "the weekly learning budget (0 < hours ≤ 168), or null"),
        ],
        resultName: "preferences",
        resultSchema: Schema.object([("employee", Schema.string), ("preferences", Schema.ref("LearnerPreferences"))]),
        errors: [.unknownEmployee, .forbidden],
        example: .init(
            params: .object([("languages", .strings(["en"])), ("hoursPerWeek", 4)]),
            result: .object([("employee", "e-008"), ("preferences", .object([("languages", .strings(["en"])), ("formats", .array([])), ("hoursPerWeek", 4)]))])),
        access: .scoped
    ) { context, params in
        let own = try context.ownEmployeeID()
        guard let employee = try params.optional("employee")?.string() ?? own else {
            throw JSONFieldError(path: "employee", message: "is required when the caller is not an employee")
        }
        switch try context.requireKnown() {
        case .admin: break
        case .employee(let id) where id == employee: break
        case .employee, .service, .unknown:
            throw AccessRefusal("self-or-admin", "only the employee (or an administrator) sets their learner preferences", method: context.method)
        }
        // The preference fields are the parameters but for whose they are.
        let fields = JSONValue.object(JSONObject((params.value.objectValue?.members ?? []).filter { $0.key != "employee" && $0.key != "actor" }))
        let update = try PreferencesUpdate(json: JSONField(fields, path: params.path))
        let preferences = try context.store.setPreferences(update, of: employee, actor: context.auditActor)
        return .object([("employee", .string(employee)), ("preferences", preferences.json)])
    }
}
