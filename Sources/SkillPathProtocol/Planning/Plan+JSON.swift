public import SkillPathCore
public import SkillPathJSON

extension Plan {
    /// `{targetRole, gap, steps, totals, unmet, estimatedCompletion?, ...}`: documented in docs/planning.md.
    public var json: JSONValue {
        .object([
            ("targetRole", .string(targetRole)),
            ("targetTitle", .string(targetTitle)),
            ("currentRole", currentRole.map(JSONValue.string)),
            ("objective", .string(objective.rawValue)),
            ("gap", .array(gap.map(\.json))),
            ("steps", .array(steps.map(\.json))),
            ("totals", totals.json),
            ("complete", .bool(complete)),
            ("unmet", .array(unmet.map(\.json))),
            ("estimatedCompletion", schedule.map { .string($0.estimatedCompletion.description) }),
            ("schedule", schedule?.json),
            ("optimal", .bool(optimal)),
            ("catalogVersion", .string(catalogVersion)),
        ])
    }
}

extension Plan.GapEntry {
    public var json: JSONValue {
        .object([
            ("skill", .string(skill)), ("name", .string(name)), ("have", .int(have)), ("need", .int(need)),
            ("importance", .string(importance.rawValue)), ("role", .string(role)),
            ("stated", stated.map { .int($0) }), ("evidence", evidence.map(JSONValue.string)),
        ])
    }
}

extension Plan.Step {
    public var json: JSONValue {
        .object([
            ("course", .string(course)),
            ("title", .string(title)),
            ("format", .string(format)),
            ("provider", provider.map(JSONValue.string)),
            ("language", .string(language)),
            ("hours", hours.json),
            ("cost", cost.json),
            ("teaches", .array(teaches.map(\.json))),
            ("closes", .array(closes.map(\.json))),
            ("neededBy", .strings(neededBy)),
            ("reason", .string(reason)),
            ("outsidePreferences", outsidePreferences.map(JSONValue.string)),
            ("start", start.map { .string($0.description) }),
            ("end", end.map { .string($0.description) }),
        ])
    }
}

extension Plan.Totals {
    public var json: JSONValue {
        .object([("hours", hours.json), ("cost", cost.json), ("currency", .string(currency)), ("courses", .int(courses))])
    }
}

extension Plan.UnmetSkill {
    public var json: JSONValue {
        .object([
            ("skill", .string(skill)), ("name", .string(name)), ("have", .int(have)), ("need", .int(need)),
            ("reachable", .int(reachable)), ("reason", .string(reason.rawValue)), ("detail", .string(detail)),
        ])
    }
}

extension Plan.Schedule {
    public var json: JSONValue {
        .object([
            ("startDate", .string(startDate.description)),
            ("hoursPerWeek", hoursPerWeek.json),
            ("estimatedCompletion", .string(estimatedCompletion.description)),
            ("deadline", deadline.map { .string($0.description) }),
            ("coursesDoneByDeadline", coursesDoneByDeadline.map(JSONValue.bool)),
            ("meetsDeadline", meetsDeadline.map(JSONValue.bool)),
        ])
    }
}
