public import SkillPathJSON

/// The catalog file format, written back out: used by `catalog.get`, the importers and the content hash.
/// Optional fields appear only when set, so a written file reads like one an author would write.
extension Skill {
    public var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("name", .string(name)),
            ("category", category.map(JSONValue.string)),
            ("description", description.map(JSONValue.string)),
            ("aliases", aliases.isEmpty ? nil : .strings(aliases)),
            ("externalIds", externalIds.isEmpty ? nil : .object([
                ("esco", externalIds.esco.map(JSONValue.string)), ("onet", externalIds.onet.map(JSONValue.string)),
            ])),
        ])
    }
}

extension Course {
    public var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("title", .string(title)),
            ("provider", provider.map(JSONValue.string)),
            ("format", .string(format)),
            ("hours", hours.json),
            ("cost", cost.json),
            ("currency", .string(currency)),
            ("language", .string(language)),
            ("teaches", .array(teaches.map(\.json))),
            ("requires", requires.isEmpty ? nil : .array(requires.map(\.json))),
            ("after", after.isEmpty ? nil : .strings(after)),
            ("url", url.map(JSONValue.string)),
            ("tags", tags.isEmpty ? nil : .strings(tags)),
            ("externalIds", xapiActivity.map { .object([("xapi", .string($0))]) }),
        ])
    }
}

extension Role {
    public var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("title", .string(title)),
            ("family", family.map(JSONValue.string)),
            ("grade", grade.map(JSONValue.string)),
            ("description", description.map(JSONValue.string)),
            ("requires", .array(requires.map(\.json))),
            ("weights", weights.isEmpty ? nil : .array(weights.map { .object([("skill", .string($0.skill)), ("weight", $0.weight.json)]) })),
            ("critical", critical ? .bool(true) : nil),
        ])
    }
}

extension RoleRequirement {
    public var json: JSONValue {
        .object([
            ("skill", .string(skill)), ("level", .int(level)),
            ("importance", importance == .essential ? nil : .string(importance.rawValue)),
        ])
    }
}

extension Transition {
    public var json: JSONValue {
        .object([("from", .string(from)), ("to", .string(to)), ("kind", .string(kind.rawValue))])
    }
}

/// Computes `Catalog.version` from content alone.
enum CatalogFingerprint {
    static func version(skills: [Skill], courses: [Course], roles: [Role], transitions: [Transition]) -> String {
        var hasher = SHA256()
        func add(_ section: String, _ values: some Sequence<JSONValue>) {
            hasher.update(Array(section.utf8))
            for value in values {
                hasher.update(JSONWriter.bytes(value))
                hasher.update([0x0A])
            }
        }
        add("skills", skills.lazy.map(\.json))
        add("courses", courses.lazy.map(\.json))
        add("roles", roles.lazy.map(\.json))
        add("transitions", transitions.lazy.map(\.json))
        return "sha256:" + hasher.finalize().prefix(16)
    }
}

extension SkillLevel {
    public var json: JSONValue {
        .object([("skill", .string(skill)), ("level", .int(level))])
    }
}
