public import SkillPathJSON
import SkillPathCore

/// JSON Schema fragments for `rpc.discover`, written once and shared by every method's description.
public enum Schema {
    public static let string: JSONValue = .object([("type", "string")])
    public static let boolean: JSONValue = .object([("type", "boolean")])
    public static let number: JSONValue = .object([("type", "number")])
    public static let date: JSONValue = .object([("type", "string"), ("format", "date")])
    /// A calendar date or an RFC 3339 date-time: the moments that accept either.
    public static let dateOrDateTime: JSONValue = .object([
        ("type", "string"), ("anyOf", .array([.object([("format", "date")]), .object([("format", "date-time")])])),
    ])

    public static func integer(minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
        .object([("type", "integer"), ("minimum", minimum.map { .int($0) }), ("maximum", maximum.map { .int($0) })])
    }

    public static func enumeration(_ values: [String]) -> JSONValue {
        .object([("type", "string"), ("enum", .strings(values))])
    }

    public static func array(_ items: JSONValue) -> JSONValue {
        .object([("type", "array"), ("items", items)])
    }

    public static func object(_ properties: [(String, JSONValue)], required: [String] = [], additional: Bool = false) -> JSONValue {
        .object([
            ("type", "object"),
            ("properties", .object(JSONObject(properties.map { JSONMember($0.0, $0.1) }))),
            ("required", required.isEmpty ? nil : .strings(required)),
            ("additionalProperties", .bool(additional)),
        ])
    }

    /// A reference to a shared schema in the OpenRPC document's `components.schemas`.
    public static func ref(_ name: String) -> JSONValue {
        .object([("$ref", .string("#/components/schemas/\(name)"))])
    }

    public static let skillLevel = object([("skill", string), ("level", integer(minimum: 0, maximum: 5))], required: ["skill", "level"])

    /// The shared schemas every method may reference.
    public static let components: [(String, JSONValue)] = [
        ("SkillLevel", skillLevel),
        ("LearnerPreferences", object([("languages", array(string)), ("formats", array(string)), ("hoursPerWeek", number)])),
        ("Application", object([
            ("id", integer()), ("opportunity", integer()), ("role", string), ("employee", string), ("name", string), ("currentRole", string),
            ("status", enumeration(ApplicationRecord.Status.allCases.map(\.rawValue))), ("confidential", boolean),
            ("steps", array(object([("status", string), ("at", string), ("by", string), ("note", string)]))),
            ("hours", number), ("complete", boolean), ("readyBy", date), ("hoursPerWeek", number),
        ])),
        ("Aspirations", object([
            ("roles", array(string)), ("skills", array(string)),
            ("openTo", array(enumeration(Aspirations.Move.allCases.map(\.rawValue)))), ("notLooking", boolean),
        ])),
        ("Profile", object([
            ("skills", array(ref("SkillLevel"))), ("completed", array(string)), ("role", string),
        ])),
        ("PlanOptions", object([
            ("objective", enumeration(["hours", "cost"])), ("effort", enumeration(["quick", "standard", "thorough"])),
            ("formats", array(string)), ("languages", array(string)), ("providers", array(string)),
            ("preferredFormats", array(string)), ("preferredLanguages", array(string)), ("maxCost", number), ("exclude", array(string)), ("includeOptional", boolean),
            ("keepCurrentRole", boolean), ("hoursPerWeek", number), ("startDate", date), ("deadline", date),
        ])),
        ("Plan", object([
            ("targetRole", string), ("targetTitle", string), ("currentRole", string), ("objective", enumeration(["hours", "cost"])),
            ("gap", array(object([("skill", string), ("name", string), ("have", integer()), ("need", integer()), ("importance", string), ("role", string)]))),
            ("steps", array(object([
                ("course", string), ("title", string), ("format", string), ("provider", string), ("language", string), ("hours", number),
                ("cost", number), ("teaches", array(ref("SkillLevel"))), ("closes", array(ref("SkillLevel"))), ("neededBy", array(string)),
                ("reason", string), ("outsidePreferences", string), ("start", date), ("end", date),
            ]))),
            ("totals", object([("hours", number), ("cost", number), ("currency", string), ("courses", integer())])),
            ("unmet", array(object([
                ("skill", string), ("name", string), ("have", integer()), ("need", integer()), ("reachable", integer()),
                ("reason", enumeration(["no-course", "excluded", "unreachable-prerequisites", "over-budget"])), ("detail", string),
            ]))),
            ("complete", boolean),
            ("estimatedCompletion", date),
            ("schedule", object([
                ("startDate", date), ("hoursPerWeek", number), ("estimatedCompletion", date), ("deadline", date),
                ("coursesDoneByDeadline", boolean), ("meetsDeadline", boolean),
            ])),
            ("optimal", boolean), ("catalogVersion", string),
        ], additional: true)),
        ("Page", object([("items", array(.object([("type", "object")]))), ("total", integer(minimum: 0)), ("nextCursor", .object([("type", .strings(["string", "null"]))]))], additional: true)),
    ]
}
