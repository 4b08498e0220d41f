public import SkillPathCore
public import SkillPathJSON

extension Aspirations {
    /// `{roles, skills, openTo, notLooking}`: what the store keeps and the methods show.
    public var json: JSONValue {
        .object([
            ("roles", .strings(roles)), ("skills", .strings(skills)), ("openTo", .strings(openTo.map(\.rawValue))),
            ("notLooking", .bool(notLooking)),
        ])
    }

    /// Reads what `json` wrote; anything unreadable (a newer daemon's form) reads as no aspirations.
    ///
    /// What is stored was checked when it was set, so it is read as written, without the checks and error
    /// paths of `AspirationsUpdate(json:)`: the organisation's picture reads every person's.
    public static func stored(_ text: String?) -> Aspirations {
        guard let text, case .object(let object)? = try? JSONParser.parse(Array(text.utf8)) else { return Aspirations() }
        var read = Aspirations()
        for member in object.members {
            switch (member.key, member.value) {
            case ("notLooking", .bool(let value)): read.notLooking = value
            case ("notLooking", .null), ("roles", .null), ("skills", .null), ("openTo", .null): continue
            case ("roles", .array(let items)):
                guard let ids = strings(items) else { return Aspirations() }
                read.roles = ids
            case ("skills", .array(let items)):
                guard let ids = strings(items) else { return Aspirations() }
                read.skills = ids
            case ("openTo", .array(let items)):
                guard let kinds = strings(items)?.compactMap(Move.init(rawValue:)), kinds.count == items.count else { return Aspirations() }
                read.openTo = kinds
            default: return Aspirations()
            }
        }
        return read
    }

    private static func strings(_ items: [JSONValue]) -> [String]? {
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            guard case .string(let text) = item else { return nil }
            strings.append(text)
        }
        return strings
    }
}

extension AspirationsUpdate {
    /// Reads `{roles?, skills?, openTo?, notLooking?}`: null or an empty list clears a list, a field left
    /// out keeps it. Ids are checked for form and repeats here; against the catalog by the handler.
    public init(json field: JSONField) throws(JSONFieldError) {
        self.init()
        try field.checkKeys(["roles", "skills", "openTo", "notLooking"])
        let members = try field.objectValue()
        func member(_ key: String) -> JSONField? {
            members[key].map { JSONField($0, path: field.child(key)) }
        }
        func ids(_ key: String, most: Int) throws(JSONFieldError) -> [String]? {
            guard let value = member(key) else { return nil }
            if value.value.isNull { return [] }
            let items = try value.array()
            guard items.count <= most else { throw JSONFieldError(path: value.path, message: "lists \(items.count) values; at most \(most)") }
            var seen = Set<String>()
            var result: [String] = []
            for item in items {
                let id = try item.string()
                guard seen.insert(id).inserted else { throw JSONFieldError(path: item.path, message: "'\(id)' is listed twice") }
                result.append(id)
            }
            return result
        }
        roles = try ids("roles", most: Aspirations.maximumRoles)
        skills = try ids("skills", most: Aspirations.maximumSkills)
        if let value = member("openTo") {
            if value.value.isNull {
                openTo = []
            } else {
                var kinds: [Aspirations.Move] = []
                for item in try value.array() {
                    let kind = try item.choice(Aspirations.Move.self)
                    guard !kinds.contains(kind) else { throw JSONFieldError(path: item.path, message: "'\(kind.rawValue)' is listed twice") }
                    kinds.append(kind)
                }
                openTo = kinds
            }
        }
        notLooking = try member("notLooking").map { field throws(JSONFieldError) in try field.bool() }
    }

    public var json: JSONValue {
        .object([
            ("roles", roles.map(JSONValue.strings)), ("skills", skills.map(JSONValue.strings)),
            ("openTo", openTo.map { .strings($0.map(\.rawValue)) }), ("notLooking", notLooking.map(JSONValue.bool)),
        ])
    }
}
