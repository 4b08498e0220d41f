import SkillPathCore
import SkillPathJSON
import SkillPathProtocol
import SkillPathStore

/// The JSON forms of moves, opportunities and the mobility report.
extension MoveRecord {
    var json: JSONValue {
        .object([
            ("id", .int(id)), ("employee", .string(employee)), ("fromRole", .string(fromRole)), ("toRole", .string(toRole)),
            ("kind", .string(kind.rawValue)), ("kindFrom", .string(kindFrom.rawValue)), ("date", .string(date.description)),
            ("endDate", endDate.map { .string($0.description) }), ("ends", ends.map(JSONValue.int)), ("endedBy", endedBy.map(JSONValue.int)),
            ("outcome", outcome.map { .string($0.rawValue) }), ("opportunity", opportunity.map(JSONValue.int)), ("source", .string(source)),
            ("recordedBy", .string(recordedBy)), ("recordedAt", .string(recordedAt)),
        ])
    }
}

extension OpportunityRecord {
    var json: JSONValue {
        .object([
            ("id", .int(id)), ("role", .string(role)), ("title", title.map(JSONValue.string)), ("manager", manager.map(JSONValue.string)),
            ("kind", .string(kind.rawValue)), ("headcount", .int(headcount)), ("seatsLeft", .int(seatsLeft)), ("opens", .string(opens.description)),
            ("closes", closes.map { .string($0.description) }), ("durationWeeks", durationWeeks.map(JSONValue.int)), ("status", .string(status.rawValue)),
            ("closedOn", closedOn.map { .string($0.description) }), ("createdBy", .string(createdBy)), ("createdAt", .string(createdAt)),
            ("fills", .array(fills.map { fill in
                .object([
                    ("seat", .int(fill.seat)), ("employee", fill.employee.map(JSONValue.string)), ("external", .bool(fill.external)),
                    ("date", .string(fill.date.description)), ("move", fill.move.map(JSONValue.int)),
                ])
            })),
        ])
    }
}

extension MobilityReport.Ratio {
    var json: JSONValue {
        .object([("count", .int(part)), ("of", .int(whole)), ("rate", rate.map(JSONValue.number))])
    }
}

extension MobilityReport.Figures {
    var json: JSONValue {
        .object([
            ("people", .int(people)),
            ("moves", .object([("total", .int(movesTotal))] + Transition.Kind.allCases.map { ($0.rawValue, JSONValue.int(moves[$0] ?? 0)) })),
            ("secondmentsEnded", .object([("returned", .int(secondmentsReturned)), ("converted", .int(secondmentsConverted))])),
            ("internalFillRate", fills.json),
            ("medianDaysToFill", medianDaysToFill.map(JSONValue.number)),
            ("moveSuccess", .object([("successful", .int(success.part)), ("judged", .int(success.whole)), ("rate", success.rate.map(JSONValue.number)), ("tooRecent", .int(tooRecent))])),
            ("pathCompletion", .object([("met", .int(pathCompletion.part)), ("due", .int(pathCompletion.whole)), ("rate", pathCompletion.rate.map(JSONValue.number))])),
            ("engagement", .object([
                ("activeLearners", .int(activeLearners)), ("learningHours", learningHours.json),
                ("hoursPerLearnerPerWeek", hoursPerLearnerPerWeek?.json),
            ])),
        ])
    }
}

extension MobilityReport {
    var json: JSONValue {
        .object([
            ("from", .string(from.description)), ("to", .string(to.description)), ("asOf", .string(asOf.description)),
            ("successWindowMonths", .int(successWindowMonths)), ("figures", figures.json),
            ("periods", buckets.isEmpty ? nil : .array(buckets.map { bucket in
                .object([("period", .string(bucket.label)), ("from", .string(bucket.from.description)), ("to", .string(bucket.to.description)), ("figures", bucket.figures.json)])
            })),
        ])
    }
}

extension Plan.GapEntry {
    /// A gap skill as suggestions and candidate lists show it.
    var unmetJSON: JSONValue {
        .object([("skill", .string(skill)), ("name", .string(name)), ("have", .int(have)), ("need", .int(need))])
    }
}
