public import SkillPathCore
public import SkillPathJSON

extension MobilityReport.Ratio {
    public var json: JSONValue {
        .object([("count", .int(part)), ("of", .int(whole)), ("rate", rate.map(JSONValue.number))])
    }
}

extension MobilityReport.Figures {
    /// The figures; `comments`: with the feedback's comments (administrators only, docs/access.md).
    public func json(comments: Bool = false) -> JSONValue {
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
            ("retention", retention.json),
            ("feedback", feedback.json(comments: comments)),
            ("buildVersusBuy", buildVersusBuy.json),
        ])
    }
}

extension MobilityReport.BuildVersusBuyFigures {
    public var json: JSONValue {
        .object([
            ("internal", .object([
                ("fills", .int(internalFills)), ("medianDaysToFill", MobilityReport.median(internalDays).map(JSONValue.number) ?? .null),
                ("training", training.json),
            ])),
            ("external", .object([
                ("fills", .int(externalFills)), ("medianDaysToFill", MobilityReport.median(externalDays).map(JSONValue.number) ?? .null),
                ("cost", externalCost.json), ("costUnknown", .int(externalCostUnknown)),
            ])),
        ])
    }
}

extension MobilityReport.Retention {
    public var json: JSONValue {
        .object([
            ("months", .int(MobilityReport.retentionMonths)),
            ("movers", movers.json), ("moversTooRecent", .int(moversTooRecent)),
            ("stayers", stayers.json), ("stayersTooRecent", .int(stayersTooRecent)),
            ("byKind", .object((Transition.Kind.allCases.map(\.rawValue) + ["project"]).map { ($0, byKind[$0]?.json ?? MobilityReport.Ratio(part: 0, whole: 0).json) })),
        ])
    }
}

extension MobilityReport.Feedback {
    public func json(comments withComments: Bool) -> JSONValue {
        .object([
            ("ratable", .int(ratable)),
            ("responses", .object(MoveFeedback.Respondent.allCases.map { respondent in
                (respondent.rawValue, MobilityReport.Ratio(part: responses[respondent] ?? 0, whole: ratable).json)
            })),
            ("ratings", .object(MoveFeedback.Respondent.allCases.map { respondent in
                (respondent.rawValue, .array((distribution[respondent] ?? [0, 0, 0, 0, 0]).map(JSONValue.int)))
            })),
            ("comments", withComments ? .array(comments.map { comment in
                .object([
                    ("move", .int(Int(comment.move))), ("respondent", .string(comment.respondent.rawValue)), ("rating", .int(comment.rating)),
                    ("comment", .string(comment.text)),
                ])
            }) : nil),
        ])
    }
}

extension MobilityReport {
    /// The report for `manager`'s subtree (everyone when nil), with one team per direct report.
    /// `comments`: with the feedback's comments (administrators only).
    public func json(manager: String?, comments: Bool = false) -> JSONValue {
        .object([
            ("from", .string(from.description)), ("to", .string(to.description)), ("asOf", .string(asOf.description)),
            ("successWindowMonths", .int(successWindowMonths)), ("figures", figures.json(comments: comments)),
            ("periods", buckets.isEmpty ? nil : .array(buckets.map { bucket in
                .object([("period", .string(bucket.label)), ("from", .string(bucket.from.description)), ("to", .string(bucket.to.description)), ("figures", bucket.figures.json(comments: comments))])
            })),
            ("manager", manager.map(JSONValue.string) ?? .null),
            ("teams", .array(teams.map { .object([("manager", .string($0.manager)), ("figures", $0.figures.json(comments: comments))]) })),
        ])
    }
}
