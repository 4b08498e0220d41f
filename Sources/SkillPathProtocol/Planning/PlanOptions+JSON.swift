public import SkillPathCore
public import SkillPathJSON

extension PlanOptions {
    public static let fieldNames = [
        "objective", "effort", "formats", "languages", "providers", "preferredFormats", "preferredLanguages", "maxCost", "exclude", "includeOptional", "keepCurrentRole",
        "hoursPerWeek", "startDate", "deadline",
    ]

    /// Reads the options object of a plan request; every field is optional and unknown fields are refused.
    public init(json field: JSONField) throws(PlanningError) {
        self.init()
        do throws(JSONFieldError) {
            try field.checkKeys(Self.fieldNames)
            if let value = try field.optional("objective") {
                let text = try value.string()
                guard let objective = Objective(rawValue: text) else {
                    throw JSONFieldError(path: value.path, message: "must be \"hours\" or \"cost\", got \"\(text)\"")
                }
                self.objective = objective
            }
            if let value = try field.optional("effort") {
                let text = try value.string()
                guard let effort = Effort(rawValue: text) else {
                    throw JSONFieldError(path: value.path, message: "must be \"quick\", \"standard\" or \"thorough\", got \"\(text)\"")
                }
                self.effort = effort
            }
            formats = try Self.stringSet(field, "formats")
            languages = try Self.stringSet(field, "languages")
            providers = try Self.stringSet(field, "providers")
            preferredFormats = try Self.stringSet(field, "preferredFormats")
            preferredLanguages = try Self.stringSet(field, "preferredLanguages")
            exclude = try Self.stringSet(field, "exclude") ?? []
            if let value = try field.optional("maxCost") { maxCost = try value.quantity(minimum: .zero) }
            includeOptional = try field.optional("includeOptional")?.bool() ?? false
            keepCurrentRole = try field.optional("keepCurrentRole")?.bool() ?? false
            if let value = try field.optional("hoursPerWeek") { hoursPerWeek = try value.quantity(minimum: Quantity(hundredths: 1)) }
            if let value = try field.optional("startDate") { startDate = try value.date() }
            if let value = try field.optional("deadline") { deadline = try value.date() }
        } catch {
            throw PlanningError(.invalidOption, field: error.path, error.message)
        }
        try validate(requireSchedule: false)
    }

    public var json: JSONValue {
        .object([
            ("objective", .string(objective.rawValue)),
            ("effort", effort == .standard ? nil : .string(effort.rawValue)),
            ("formats", formats.map { .strings($0.sorted(by: Text.precedes)) }),
            ("languages", languages.map { .strings($0.sorted(by: Text.precedes)) }),
            ("providers", providers.map { .strings($0.sorted(by: Text.precedes)) }),
            ("preferredFormats", preferredFormats.map { .strings($0.sorted(by: Text.precedes)) }),
            ("preferredLanguages", preferredLanguages.map { .strings($0.sorted(by: Text.precedes)) }),
            ("maxCost", maxCost?.json),
            ("exclude", exclude.isEmpty ? nil : .strings(exclude.sorted(by: Text.precedes))),
            ("includeOptional", includeOptional ? .bool(true) : nil),
            ("keepCurrentRole", keepCurrentRole ? .bool(true) : nil),
            ("hoursPerWeek", hoursPerWeek?.json),
            ("startDate", startDate.map { .string($0.description) }),
            ("deadline", deadline.map { .string($0.description) }),
        ])
    }

    static func stringSet(_ field: JSONField, _ key: String) throws(JSONFieldError) -> Set<String>? {
        guard let value = try field.optional(key) else { return nil }
        return Set(try value.strings())
    }
}
