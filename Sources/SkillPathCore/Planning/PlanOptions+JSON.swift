public import SkillPathJSON

extension PlanOptions {
    public static let fieldNames = [
        "objective", "effort", "formats", "languages", "providers", "maxCost", "exclude", "includeOptional", "keepCurrentRole",
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
                    throw JSONFieldError(path: value.path, message: "must be \"standard\" or \"thorough\", got \"\(text)\"")
                }
                self.effort = effort
            }
            formats = try Self.stringSet(field, "formats")
            languages = try Self.stringSet(field, "languages")
            providers = try Self.stringSet(field, "providers")
            exclude = try Self.stringSet(field, "exclude") ?? []
            if let value = try field.optional("maxCost") { maxCost = try Self.quantity(value, minimum: .zero) }
            includeOptional = try field.optional("includeOptional")?.bool() ?? false
            keepCurrentRole = try field.optional("keepCurrentRole")?.bool() ?? false
            if let value = try field.optional("hoursPerWeek") { hoursPerWeek = try Self.quantity(value, minimum: Quantity(hundredths: 1)) }
            if let value = try field.optional("startDate") { startDate = try Self.date(value) }
            if let value = try field.optional("deadline") { deadline = try Self.date(value) }
        } catch {
            throw PlanningError(.invalidOption, field: error.path, error.message)
        }
        try validate(requireStart: false)
    }

    public var json: JSONValue {
        .object([
            ("objective", .string(objective.rawValue)),
            ("effort", effort == .standard ? nil : .string(effort.rawValue)),
            ("formats", formats.map { .strings($0.sorted(by: Text.precedes)) }),
            ("languages", languages.map { .strings($0.sorted(by: Text.precedes)) }),
            ("providers", providers.map { .strings($0.sorted(by: Text.precedes)) }),
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

    static func quantity(_ field: JSONField, minimum: Quantity) throws(JSONFieldError) -> Quantity {
        guard case .number(let text) = field.value else { throw field.mismatch("a number") }
        let quantity: Quantity
        switch Quantity.parse(text) {
        case .success(let parsed): quantity = parsed
        case .failure(.outOfRange):
            throw JSONFieldError(path: field.path, message: "is out of range: \(Text.abbreviated(text)) (at most \(Quantity.limit))")
        case .failure(.notANumber): throw field.mismatch("a number")
        }
        guard quantity >= minimum else {
            throw JSONFieldError(path: field.path, message: minimum == .zero ? "must not be negative" : "must be greater than 0")
        }
        return quantity
    }

    static func date(_ field: JSONField) throws(JSONFieldError) -> CalendarDate {
        let text = try field.string()
        guard let date = CalendarDate(iso: text) else {
            throw JSONFieldError(path: field.path, message: "must be a date as YYYY-MM-DD, got \"\(text)\"")
        }
        return date
    }
}
