public import SkillPathCore
public import SkillPathJSON

extension MobilityReport.Ratio {
    public var json: JSONValue {
        .object([("count", .int(part)), ("of", .int(whole)), ("rate", rate.map(JSONValue.number))])
    }
}

extension MobilityReport.Figures {
    public var json: JSONValue {
        .object([
            ("people", .int(people)),
            ("moves", .object(
                [("total", .int(movesTotal))] + Transition.Kind.allCases.map { ($0.rawValue, JSONValue.int(moves[$0] ?? 0)) } + [("project", .int(projectsStarted))])),
            ("projectsEnded", .object([("completed", .int(projectsCompleted)), ("stopped", .int(projectsStopped))])),
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
    /// The report for `manager`'s subtree (everyone when nil), with one team per direct report.
    public func json(manager: String?) -> JSONValue {
        .object([
            ("from", .string(from.description)), ("to", .string(to.description)), ("asOf", .string(asOf.description)),
            ("successWindowMonths", .int(successWindowMonths)), ("figures", figures.json),
            ("periods", buckets.isEmpty ? nil : .array(buckets.map { bucket in
                .object([("period", .string(bucket.label)), ("from", .string(bucket.from.description)), ("to", .string(bucket.to.description)), ("figures", bucket.figures.json)])
            })),
            ("manager", manager.map(JSONValue.string) ?? .null),
            ("teams", .array(teams.map { .object([("manager", .string($0.manager)), ("figures", $0.figures.json)]) })),
        ])
    }
}
