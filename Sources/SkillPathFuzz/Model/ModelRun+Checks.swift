import SkillPathJSON

/// What must hold for a person after every step: nothing acknowledged is missing, levels move only as the
/// step allows and every change is audited with its old and new value, every verdict follows from the
/// planned dates, and no open assignment is to the role the person holds.
extension ModelRun {
    mutating func check(_ id: String, rule: LevelRule) throws {
        guard let person = model.people.first(where: { $0.id == id }) else { return }
        let stored = try client.result("employees.get", .object([("id", .string(id))]))
        if stored["role"]?.stringValue != person.role { violation("\(id): role \(stored["role"].map { JSONWriter.string($0) } ?? "?"), the model says \(person.role)") }
        let completed = Set((stored["completed"]?.arrayValue ?? []).compactMap { $0["course"]?.stringValue ?? $0.stringValue })
        let missing = person.completed.subtracting(completed)
        if !missing.isEmpty { violation("\(id): acknowledged completions missing: \(missing.sorted())") }
        if let preferences = person.preferences {
            let formats = stored["preferences"]?["formats"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let hours = stored["preferences"]?["hoursPerWeek"]?.intValue
            if formats != preferences.formats || hours != preferences.hoursPerWeek { violation("\(id): preferences \(formats) \(String(describing: hours)), set \(preferences)") }
        }
        try checkLevels(person, stored: stored, rule: rule)
        try checkAssignments(person)
    }

    /// Levels against the last reading: moved only as the rule allows, and each change in the audit trail.
    mutating func checkLevels(_ person: OrganisationModel.Person, stored: JSONValue, rule: LevelRule) throws {
        var now: [String: OrganisationModel.Standing] = [:]
        for skill in stored["skills"]?.arrayValue ?? [] {
            guard let id = skill["skill"]?.stringValue, let level = skill["level"]?.intValue, let counts = skill["effectiveLevel"]?.intValue,
                  let source = skill["source"]?.stringValue else { continue }
            now[id] = OrganisationModel.Standing(level: level, counts: counts, source: source)
        }
        let before = person.standing
        let changed = Set(before.keys).union(now.keys).filter { before[$0] != now[$0] }.sorted()
        model.update(person.id) { $0.standing = now }
        switch rule {
        case .free: break
        case .unchanged:
            for skill in changed { violation("\(person.id): \(skill) went from \(before[skill]?.description ?? "none") to \(now[skill]?.description ?? "none") on a step that adds no evidence") }
        case .neverLower:
            for skill in changed where (now[skill]?.counts ?? 0) < (before[skill]?.counts ?? 0) {
                violation("\(person.id): \(skill) dropped from \(before[skill]?.description ?? "none") to \(now[skill]?.description ?? "none") when evidence was added")
            }
        }
        try checkAudit(person.id, changed: changed, before: before, after: now)
    }

    /// Every level change since the last check is in the audit trail, from the old value to the new one,
    /// and the trail claims no change that did not happen.
    mutating func checkAudit(_ id: String, changed: [String], before: [String: OrganisationModel.Standing], after: [String: OrganisationModel.Standing]) throws {
        let seen = model.auditSeen[id] ?? 0
        let entries = (try client.result("audit.list", .object([("employee", .string(id)), ("limit", 200)]))["items"]?.arrayValue ?? [])
            .filter { ($0["id"]?.intValue ?? 0) > seen }.reversed()
        var first: [String: JSONValue] = [:]
        var last: [String: JSONValue] = [:]
        for entry in entries {
            for member in entry["detail"]?["changed"]?.objectValue?.members ?? [] where member.key.hasPrefix("skills.") {
                let skill = String(member.key.dropFirst("skills.".count))
                if first[skill] == nil { first[skill] = member.value["from"] ?? .null }
                last[skill] = member.value["to"] ?? .null
            }
        }
        model.auditSeen[id] = max(seen, entries.compactMap { $0["id"]?.intValue }.max() ?? seen)
        func json(_ standing: OrganisationModel.Standing?) -> JSONValue {
            standing.map { .object([("level", .int($0.level)), ("counts", .int($0.counts)), ("source", .string($0.source))]) } ?? .null
        }
        for skill in Set(changed).union(first.keys).sorted() {
            let audited = (first[skill] ?? .null, last[skill] ?? .null)
            guard audited.0 != json(before[skill]) || audited.1 != json(after[skill]) else { continue }
            violation("\(id): \(skill) went from \(JSONWriter.string(json(before[skill]))) to \(JSONWriter.string(json(after[skill]))); the audit trail says "
                + (first[skill] == nil ? "nothing" : "\(JSONWriter.string(audited.0)) to \(JSONWriter.string(audited.1))"))
        }
    }

    /// The person's assignments are the ones the model made, each in the state the model expects, each
    /// verdict the one its dates give, and none open to the role they hold.
    mutating func checkAssignments(_ person: OrganisationModel.Person) throws {
        let listed = try client.result("assignments.list", .object([("employee", .string(person.id))]))["assignments"]?.arrayValue ?? []
        let known = model.assignments.filter { $0.employee == person.id }
        let ids = Set(listed.compactMap { $0["id"]?.intValue })
        if ids != Set(known.map(\.id)) { violation("\(person.id): assignments \(ids.sorted()), the model made \(known.map(\.id).sorted())") }
        for record in listed {
            guard let id = record["id"]?.intValue, let expected = known.first(where: { $0.id == id }) else { continue }
            let status = record["status"]?.stringValue
            let progress = record["progress"]?.stringValue
            if status == "active" && record["targetRole"]?.stringValue == person.role {
                violation("\(person.id): assignment \(id) to \(person.role) is still open though they hold that role")
            }
            switch expected.state {
            case .cancelled where status != "cancelled", .roleReached where progress != "role-reached":
                violation("\(person.id): assignment \(id) is \(status ?? "?")/\(progress ?? "?"), the model expects \(expected.state)")
            case .active where status == "completed" && record["closedReason"]?.stringValue == nil:
                try checkCoursesDone(id, person: person.id)
            case .active where status != "active", .coursesDone where status != "completed":
                violation("\(person.id): assignment \(id) is \(status ?? "?")/\(progress ?? "?"), the model expects \(expected.state)")
            default: break
            }
            if status == "active" { try checkVerdict(id, listed: record) }
        }
    }

    /// An assignment the daemon completed by its courses: every step must be done.
    mutating func checkCoursesDone(_ id: Int, person: String) throws {
        let detail = try client.result("assignments.get", .object([("id", .int(id))]))
        let open = (detail["steps"]?.arrayValue ?? []).filter { $0["completedAt"] == nil || $0["completedAt"] == .null }
        if !open.isEmpty { violation("\(person): assignment \(id) is completed with \(open.count) steps not done") }
        if let index = model.assignments.firstIndex(where: { $0.id == id }) { model.assignments[index].state = .coursesDone }
    }

    /// The verdict the dates give: overdue past the due date; late when a step planned to end before today is
    /// not done; at risk when planned to finish after the due date; else on track. The list and the detail
    /// must both say it, with the same planned completion (the last step's planned end).
    mutating func checkVerdict(_ id: Int, listed: JSONValue) throws {
        let detail = try client.result("assignments.get", .object([("id", .int(id))]))
        let steps = detail["steps"]?.arrayValue ?? []
        let due = detail["dueDate"]?.stringValue.flatMap(ModelDay.init)
        let planned = steps.last?["plannedEnd"]?.stringValue.flatMap(ModelDay.init)
        let behind = steps.contains { step in
            (step["completedAt"] == nil || step["completedAt"] == .null) && (step["plannedEnd"]?.stringValue.flatMap(ModelDay.init)).map { $0 < today } == true
        }
        let verdict: String
        if let due, today > due {
            verdict = "overdue"
        } else if behind {
            verdict = "late"
        } else if let due, let planned, planned > due {
            verdict = "at-risk"
        } else {
            verdict = "on-track"
        }
        for (view, value) in [("list", listed), ("detail", detail)] {
            if value["progress"]?.stringValue != verdict {
                violation("assignment \(id): the \(view) says \(value["progress"]?.stringValue ?? "?"), its dates say \(verdict) (planned \(planned?.description ?? "?"), due \(due?.description ?? "none"), today \(today))")
            }
            if value["plannedCompletion"]?.stringValue != planned?.description {
                violation("assignment \(id): the \(view)'s planned completion \(value["plannedCompletion"]?.stringValue ?? "?") is not its last step's end \(planned?.description ?? "?")")
            }
        }
    }

    /// The team report dates and judges each assignment as the list does, and counts the verdicts it shows.
    mutating func checkTeamReport() throws {
        let team = try client.result("reports.team", .object([("manager", .string(model.manager))]))
        let shown = (team["reports"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        if Set(shown) != Set(model.people.map(\.id)) || team["summary"]?["people"]?.intValue != model.people.count {
            violation("team report: shows \(shown.sorted()) (people \(team["summary"]?["people"]?.intValue ?? -1)), the team is \(model.people.map(\.id).sorted())")
        }
        var counts: [String: Int] = [:]
        for report in team["reports"]?.arrayValue ?? [] {
            guard let id = report["id"]?.stringValue else { continue }
            let listed = try client.result("assignments.list", .object([("employee", .string(id))]))["assignments"]?.arrayValue ?? []
            for row in report["assignments"]?.arrayValue ?? [] {
                counts[row["progress"]?.stringValue ?? "?", default: 0] += 1
                let same = listed.first { $0["id"] == row["id"] }
                if same?["progress"] != row["progress"] || same?["plannedCompletion"] != row["plannedCompletion"] {
                    violation("team report: assignment \(row["id"].map { JSONWriter.string($0) } ?? "?") is \(JSONWriter.string(row)), the list says \(same.map { JSONWriter.string($0) } ?? "nothing")")
                }
            }
        }
        for (key, verdict) in [("onTrack", "on-track"), ("atRisk", "at-risk"), ("late", "late"), ("overdue", "overdue"), ("roleReached", "role-reached")]
        where team["summary"]?[key]?.intValue != counts[verdict, default: 0] {
            violation("team report: summary \(key) \(team["summary"]?[key]?.intValue ?? -1), its rows show \(counts[verdict, default: 0])")
        }
    }
}
