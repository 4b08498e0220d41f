public import SkillPathCore
public import SkillPathJSON

/// An assignment as a list or a team report shows it, with its progress on `today`.
public struct AssignmentSummary: RPCResult {
    public var record: AssignmentRecord
    public var today: CalendarDate

    public init(_ record: AssignmentRecord, today: CalendarDate) {
        self.record = record
        self.today = today
    }

    public var json: JSONValue { record.summaryJSON(today: today) }
}

/// An assignment with everything: its dated steps and its frozen plan. Steps are numbered from 1 in the
/// order they are taken (completed ones first, however often the plan was replaced), each with its course's
/// title from `catalog` (or the frozen plan's, for a course the catalog no longer has).
public struct AssignmentDetail: RPCResult {
    public var record: AssignmentRecord
    public var today: CalendarDate
    public var catalog: Catalog?

    public init(_ record: AssignmentRecord, today: CalendarDate, catalog: Catalog? = nil) {
        self.record = record
        self.today = today
        self.catalog = catalog
    }

    public var json: JSONValue {
        var object = record.summaryJSON(today: today).objectValue ?? JSONObject()
        object["assignedBy"] = .string(record.assignedBy)
        object["assignedAt"] = .string(record.assignedAt)
        object["startDate"] = .string(record.startDate.description)
        object["options"] = record.options
        let frozenTitles = Dictionary((record.plan["steps"]?.arrayValue ?? []).compactMap { step in
            step["course"]?.stringValue.map { ($0, step["title"]?.stringValue ?? $0) }
        }, uniquingKeysWith: { first, _ in first })
        object["steps"] = .array(record.steps.enumerated().map { number, step in
            .object([
                ("position", .int(number + 1)), ("course", .string(step.course)),
                ("title", .string(catalog?.course(step.course)?.title ?? frozenTitles[step.course] ?? step.course)), ("hours", step.hours.json),
                ("plannedStart", .string(step.plannedStart.description)), ("plannedEnd", .string(step.plannedEnd.description)),
                ("startedAt", step.startedAt.map(JSONValue.string)), ("completedAt", step.completedAt.map(JSONValue.string)),
            ])
        })
        object["plan"] = record.plan
        return .object(object)
    }
}

extension AssignmentRecord {
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
            ("closedReason", closedReason.map(JSONValue.string)), ("catalogVersion", .string(catalogVersion)),
        ])
    }
}

extension AssignmentRecord.Progress {
    /// The verdict's key in a summary of counts: `onTrack`, `atRisk`, `roleReached`…
    public var summaryKey: String {
        let words = rawValue.split(separator: "-")
        return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    }
}
