import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// The JSON forms of stored records, shared by every store method.
extension EmployeeRecord {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("login", login.map(JSONValue.string)), ("email", email.map(JSONValue.string)),
            ("role", .string(role)), ("manager", manager.map(JSONValue.string)), ("createdAt", .string(createdAt)), ("updatedAt", .string(updatedAt)),
            ("leftOn", leftOn.map { .string($0.description) }), ("preferences", preferences.json),
        ])
    }
}

extension EmployeeProfile {
    func json(assignments: [AssignmentRecord], evidence: SkillEvidence, today: CalendarDate) -> JSONValue {
        var object = employee.json.objectValue ?? JSONObject()
        object["skills"] = .array(skills.map(evidence.json))
        object["completed"] = .array(completions.map { .object([("course", .string($0.course)), ("completedAt", .string($0.completedAt))]) })
        object["reports"] = .strings(reports)
        object["assignments"] = .array(assignments.map { $0.summaryJSON(today: today) })
        return .object(object)
    }
}

extension AssignmentRecord {
    /// Everything, the frozen plan included.
    func json(today: CalendarDate) -> JSONValue {
        var object = summaryJSON(today: today).objectValue ?? JSONObject()
        object["assignedBy"] = .string(assignedBy)
        object["assignedAt"] = .string(assignedAt)
        object["startDate"] = .string(startDate.description)
        object["options"] = options
        object["steps"] = .array(steps.map { step in
            .object([
                ("position", .int(step.position + 1)), ("course", .string(step.course)), ("hours", step.hours.json),
                ("plannedStart", .string(step.plannedStart.description)), ("plannedEnd", .string(step.plannedEnd.description)),
                ("startedAt", step.startedAt.map(JSONValue.string)), ("completedAt", step.completedAt.map(JSONValue.string)),
            ])
        })
        object["plan"] = plan
        return .object(object)
    }

    /// The fields a list or a team report shows.
    func summaryJSON(today: CalendarDate) -> JSONValue {
        .object([
            ("id", .int(id)), ("employee", .string(employee)), ("targetRole", .string(targetRole)), ("status", .string(status.rawValue)),
            ("progress", .string(progress(on: today).rawValue)), ("percentComplete", .double(percentComplete)),
            ("hoursDone", hoursDone.json), ("hoursTotal", hoursTotal.json), ("dueDate", dueDate.map { .string($0.description) }),
            ("plannedCompletion", plannedCompletion.map { .string($0.description) }), ("nextCourse", nextStep.map { .string($0.course) }),
            ("coursesDone", .bool(coursesDone)), ("requirementsMet", .bool(requirementsMet)),
            ("unmet", .array(unmet.map { skill in
                .object([
                    ("skill", .string(skill.skill)), ("name", .string(skill.name)), ("have", .int(skill.have)), ("need", .int(skill.need)),
                    ("reason", .string(skill.reason)),
                ])
            })),
            ("catalogVersion", .string(catalogVersion)),
        ])
    }
}

extension JSONField {
    /// An assignment id: a positive whole number.
    func assignmentID() throws -> Int64 {
        let number = try int(in: 1...Int.max)
        return Int64(number)
    }
}
