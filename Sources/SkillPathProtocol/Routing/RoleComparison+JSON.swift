public import SkillPathCore
public import SkillPathJSON

extension RoleComparison {
    public var json: JSONValue {
        .object([
            ("currentRole", currentRole.map(JSONValue.string)),
            ("entries", .array(entries.map { entry in
                .object([
                    ("targetRole", .string(entry.targetRole)),
                    ("title", .string(entry.title)),
                    ("transition", entry.transition.map { .string($0.rawValue) }),
                    ("totals", entry.plan.totals.json),
                    ("gap", .int(entry.plan.gap.count)),
                    ("unmet", .array(entry.plan.unmet.map(\.json))),
                    ("estimatedCompletion", entry.plan.schedule.map { .string($0.estimatedCompletion.description) }),
                    ("meetsDeadline", entry.plan.schedule?.meetsDeadline.map(JSONValue.bool)),
                    ("courses", .strings(entry.plan.steps.map(\.course))),
                ])
            })),
        ])
    }
}
