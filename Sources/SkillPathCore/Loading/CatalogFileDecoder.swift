import SkillPathJSON

/// Turns one parsed catalog file into model values, checking each field's type and range.
///
/// Cross-file checks (ids, references, cycles) happen later in `CatalogValidator`, once all files are merged.
/// An item with a field error is still returned when it has an id, so that references to it do not produce
/// a second, misleading "unknown id" error; the catalog is rejected either way.
enum CatalogFileDecoder {
    static let sections: Set<String> = ["skills", "courses", "roles", "transitions"]

    /// The fields each item may have (built once: this runs for every item of a large catalog).
    enum Keys {
        static let skill = FieldSet(["id", "name", "category", "description", "aliases", "externalIds"])
        static let course = FieldSet([
            "id", "title", "provider", "format", "hours", "cost", "currency", "language", "teaches", "requires", "after", "url", "tags",
            "externalIds",
        ])
        static let role = FieldSet(["id", "title", "family", "grade", "description", "requires", "weights", "critical"])
        static let roleWeight = FieldSet(["skill", "weight"])
        static let transition = FieldSet(["from", "to", "kind"])
        static let level = FieldSet(["skill", "level"])
        static let roleLevel = FieldSet(["skill", "level", "importance"])
    }

    static func decode(_ document: JSONValue, file: String) -> CatalogFragment {
        var fragment = CatalogFragment()
        let top = CatalogLocation(file: file, line: 1)
        guard let root = document.objectValue else {
            fragment.diagnostics.append(CatalogDiagnostic(
                .error, .invalidStructure, at: top,
                "a catalog file must be a JSON object with arrays 'skills', 'courses', 'roles' and/or 'transitions', got \(document.typeName)"))
            return fragment
        }
        for key in root.keys where !sections.contains(key) {
            let hint = Text.suggestion(for: key, among: sections).map { " (did you mean '\($0)'?)" } ?? ""
            fragment.diagnostics.append(CatalogDiagnostic(.warning, .unknownField, at: top, "unknown top-level key '\(key)' is ignored\(hint)"))
        }
        for section in ["skills", "courses", "roles", "transitions"] {
            guard let value = root[section] else { continue }
            guard let items = value.arrayValue else {
                fragment.diagnostics.append(CatalogDiagnostic(.error, .invalidStructure, at: top, "'\(section)' must be an array, got \(value.typeName)"))
                continue
            }
            for (position, item) in items.enumerated() {
                decode(item, section: section, position: position, file: file, into: &fragment)
            }
        }
        return fragment
    }

    static func decode(_ item: JSONValue, section: String, position: Int, file: String, into fragment: inout CatalogFragment) {
        let kind = String(section.dropLast())
        guard let object = item.objectValue else {
            fragment.diagnostics.append(CatalogDiagnostic(
                .error, .invalidStructure, at: CatalogLocation(file: file, line: 0), subject: "\(kind) #\(position + 1)",
                "must be an object, got \(item.typeName)"))
            return
        }
        var reader = ItemReader(object, file: file, kind: kind, position: position)
        switch section {
        case "skills": if let skill = decodeSkill(&reader) { fragment.skills.append(skill) }
        case "courses": if let course = decodeCourse(&reader) { fragment.courses.append(course) }
        case "roles": if let role = decodeRole(&reader) { fragment.roles.append(role) }
        default: if let transition = decodeTransition(&reader) { fragment.transitions.append(transition) }
        }
        fragment.diagnostics += reader.diagnostics
    }

    static func decodeSkill(_ reader: inout ItemReader) -> Skill? {
        let id = reader.readID()
        reader.checkKeys(Keys.skill)
        let name = reader.string("name", required: true)
        var externalIds = Skill.ExternalIDs()
        if let value = reader.object["externalIds"], !value.isNull {
            if let object = value.objectValue {
                for key in object.keys where key != "esco" && key != "onet" {
                    reader.warning(.unknownField, "'externalIds' has unknown key '\(key)' (ignored)")
                }
                externalIds.esco = object["esco"]?.stringValue
                externalIds.onet = object["onet"]?.stringValue
            } else {
                reader.error(.invalidField, "'externalIds' must be an object {esco?, onet?}, got \(value.typeName)")
            }
        }
        guard let id else { return nil }
        return Skill(
            id: id, name: name ?? id, category: reader.string("category"), description: reader.string("description", prose: true),
            aliases: reader.strings("aliases"), externalIds: externalIds, source: reader.location)
    }

    static func decodeCourse(_ reader: inout ItemReader) -> Course? {
        let id = reader.readID()
        reader.checkKeys(Keys.course)
        let title = reader.string("title", required: true)
        let format = reader.string("format", required: true)
        let hours = reader.quantity("hours", required: true)
        if let hours, hours <= .zero {
            reader.error(.invalidHours, "hours must be greater than 0, got \(hours)")
        } else if let hours, hours > Course.maximumHours {
            reader.error(.invalidHours, "hours must be at most \(Course.maximumHours), got \(hours)")
        }
        let cost = reader.quantity("cost") ?? .zero
        if cost < .zero {
            reader.error(.negativeCost, "cost must not be negative, got \(cost)")
        } else if cost > Course.maximumCost {
            reader.error(.invalidField, "cost must be at most \(Course.maximumCost), got \(cost)")
        }
        let teaches = reader.skillLevels("teaches", required: true)
        if reader.object["teaches"]?.arrayValue?.isEmpty == true {
            reader.error(.teachesNothing, "'teaches' must list at least one skill")
        }
        let requires = reader.skillLevels("requires")
        checkRepeatedSkills(teaches, field: "teaches", reader: &reader)
        checkRepeatedSkills(requires, field: "requires", reader: &reader)
        // `externalIds: {xapi}`: the activity IRI an LMS's xAPI statements use for the course.
        var xapi: String?
        if let value = reader.object["externalIds"], !value.isNull {
            if let object = value.objectValue {
                for key in object.keys where key != "xapi" {
                    reader.warning(.unknownField, "'externalIds' has unknown key '\(key)' (ignored)")
                }
                if let given = object["xapi"], !given.isNull {
                    if let text = given.stringValue, !text.isEmpty { xapi = text } else {
                        reader.error(.invalidField, "'externalIds.xapi' must be a non-empty string (an activity IRI), got \(given.typeName)")
                    }
                }
            } else {
                reader.error(.invalidField, "'externalIds' must be an object {xapi?}, got \(value.typeName)")
            }
        }
        guard let id else { return nil }
        return Course(
            id: id, title: title ?? id, provider: reader.string("provider"), format: format ?? "",
            hours: hours ?? Quantity(hundredths: 1), cost: cost, currency: reader.string("currency") ?? Course.defaultCurrency,
            language: reader.string("language") ?? Course.defaultLanguage, teaches: teaches, requires: requires,
            after: reader.strings("after"), url: reader.string("url"), tags: reader.strings("tags"), xapiActivity: xapi, source: reader.location)
    }

    static func decodeRole(_ reader: inout ItemReader) -> Role? {
        let id = reader.readID()
        reader.checkKeys(Keys.role)
        let title = reader.string("title", required: true)
        var requirements: [RoleRequirement] = []
        if let value = reader.object["requires"], !value.isNull {
            if let array = value.arrayValue {
                for (index, element) in array.enumerated() {
                    let field = "requires[\(index)]"
                    guard let entry = reader.skillLevelEntry(element, field: field, allowed: Keys.roleLevel) else { continue }
                    var importance = RoleRequirement.Importance.essential
                    if let raw = entry.object["importance"], !raw.isNull {
                        if let text = raw.stringValue, let parsed = RoleRequirement.Importance(rawValue: text) {
                            importance = parsed
                        } else {
                            reader.error(.invalidField, "'\(field).importance' must be \"essential\" or \"optional\", got \(reader.describe(raw))")
                        }
                    }
                    requirements.append(RoleRequirement(skill: entry.skill, level: entry.level, importance: importance))
                }
            } else {
                reader.error(.invalidField, "'requires' must be an array of {skill, level, importance?} objects, got \(value.typeName)")
            }
        } else {
            reader.error(.missingField, "missing required field 'requires'")
        }
        checkRepeatedSkills(requirements.map { SkillLevel(skill: $0.skill, level: $0.level) }, field: "requires", reader: &reader)
        let weights = decodeWeights(&reader)
        var critical = false
        if let raw = reader.object["critical"], !raw.isNull {
            if case .bool(let value) = raw { critical = value } else { reader.error(.invalidField, "'critical' must be true or false, got \(reader.describe(raw))") }
        }
        guard let id else { return nil }
        return Role(
            id: id, title: title ?? id, family: reader.string("family"), grade: reader.label("grade"),
            description: reader.string("description", prose: true), requires: requirements, weights: weights, critical: critical,
            source: reader.location)
    }

    /// `weights`: [{skill, weight}], each skill once, each weight a number above 0 and at most 1,000.
    static func decodeWeights(_ reader: inout ItemReader) -> [SkillWeight] {
        guard let value = reader.object["weights"], !value.isNull else { return [] }
        guard let array = value.arrayValue else {
            reader.error(.invalidField, "'weights' must be an array of {skill, weight} objects, got \(value.typeName)")
            return []
        }
        var weights: [SkillWeight] = []
        var seen = Set<String>()
        for (index, element) in array.enumerated() {
            let field = "weights[\(index)]"
            guard let object = element.objectValue else {
                reader.error(.invalidField, "'\(field)' must be a {skill, weight} object, got \(element.typeName)")
                continue
            }
            for key in object.keys where !Keys.roleWeight.contains(key) { reader.warning(.unknownField, "'\(field)' has unknown field '\(key)' (ignored)") }
            guard let skill = object["skill"]?.stringValue, !skill.isEmpty else {
                reader.error(.invalidField, "'\(field).skill' must be a skill id")
                continue
            }
            guard case .number(let text)? = object["weight"], case .success(let weight) = Quantity.parse(text), weight > .zero, weight <= SkillWeight.maximum else {
                reader.error(.invalidField, "'\(field).weight' must be a number above 0 and at most \(SkillWeight.maximum), got \(reader.describe(object["weight"] ?? .null))")
                continue
            }
            if !seen.insert(skill).inserted {
                reader.error(.repeatedSkill, "'weights' lists skill '\(skill)' more than once")
                continue
            }
            weights.append(SkillWeight(skill: skill, weight: weight))
        }
        return weights
    }

    static func decodeTransition(_ reader: inout ItemReader) -> Transition? {
        reader.checkKeys(Keys.transition)
        let from = reader.string("from", required: true)
        let to = reader.string("to", required: true)
        let kindText = reader.string("kind", required: true)
        var kind: Transition.Kind?
        if let kindText {
            kind = Transition.Kind(rawValue: kindText)
            if kind == nil {
                reader.error(.invalidField, "'kind' must be \"promotion\", \"lateral\" or \"secondment\", got \"\(kindText)\"")
            }
        }
        if let from, let to { reader.identify(as: "\(from) → \(to)") }
        guard let from, let to, let kind else { return nil }
        if from == to {
            reader.error(.selfTransition, "a transition from a role to itself")
        }
        return Transition(from: from, to: to, kind: kind, source: reader.location)
    }

    /// A skill listed twice in one list is ambiguous (which level counts?), so it is an error.
    static func checkRepeatedSkills(_ entries: [SkillLevel], field: String, reader: inout ItemReader) {
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.skill).inserted {
            reader.error(.repeatedSkill, "'\(field)' lists skill '\(entry.skill)' more than once")
        }
    }
}
