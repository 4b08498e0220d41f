public import SkillPathCore
public import SkillPathJSON

extension MoveRecord: RPCResult {
    public var json: JSONValue {
        .object([
            ("id", .int(id)), ("employee", .string(employee)), ("fromRole", .string(fromRole)), ("toRole", .string(toRole)),
            ("kind", .string(kind.rawValue)), ("kindFrom", .string(kindFrom.rawValue)), ("date", .string(date.description)),
            ("endDate", endDate.map { .string($0.description) }), ("ends", ends.map(JSONValue.int)), ("endedBy", endedBy.map(JSONValue.int)),
            ("outcome", outcome.map { .string($0.rawValue) }), ("opportunity", opportunity.map(JSONValue.int)), ("source", .string(source)),
            ("recordedBy", .string(recordedBy)), ("recordedAt", .string(recordedAt)),
        ])
    }
}

extension OpportunityRecord: RPCResult {
    public var json: JSONValue {
        .object([
            ("id", .int(id)), ("role", .string(role)), ("title", title.map(JSONValue.string)), ("manager", manager.map(JSONValue.string)),
            ("kind", .string(kind.rawValue)), ("headcount", .int(headcount)), ("seatsLeft", .int(seatsLeft)), ("opens", .string(opens.description)),
            ("closes", closes.map { .string($0.description) }), ("durationWeeks", durationWeeks.map(JSONValue.int)),
            ("hoursPerWeek", hoursPerWeek?.json), ("develops", kind == .project ? .array(develops.map(\.json)) : nil), ("status", .string(status.rawValue)),
            ("closedOn", closedOn.map { .string($0.description) }), ("createdBy", .string(createdBy)), ("createdAt", .string(createdAt)),
            ("fills", .array(fills.map { fill in
                .object([
                    ("seat", .int(fill.seat)), ("employee", fill.employee.map(JSONValue.string)), ("external", .bool(fill.external)),
                    ("date", .string(fill.date.description)), ("move", fill.move.map(JSONValue.int)), ("project", fill.project.map(JSONValue.int)),
                ])
            })),
        ])
    }
}

extension ProjectMove {
    /// The project move as the protocol shows it, with where it stands `today`.
    public func json(today: CalendarDate) -> JSONValue {
        .object([
            ("id", .int(id)), ("employee", .string(employee)), ("opportunity", .int(opportunity)), ("title", title.map(JSONValue.string)),
            ("kind", "project"), ("role", .string(role)), ("start", .string(start.description)), ("plannedEnd", .string(plannedEnd.description)),
            ("hoursPerWeek", hoursPerWeek.json), ("develops", .array(develops.map(\.json))), ("status", .string(status(on: today).rawValue)),
            ("finishedOn", finishedOn.map { .string($0.description) }), ("outcome", outcome.map { .string($0.rawValue) }),
            ("confirmedBy", confirmedBy.map(JSONValue.string)), ("note", note.map(JSONValue.string)), ("recordedBy", .string(recordedBy)),
            ("recordedAt", .string(recordedAt)),
        ])
    }
}

extension AuditEntry: RPCResult {
    public var json: JSONValue {
        .object([
            ("id", .int(Int(id))), ("at", .string(at)), ("actor", .string(actor)), ("action", .string(action)), ("subject", .string(subject)),
            ("detail", detail),
        ])
    }
}
