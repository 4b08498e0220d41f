import SkillPathJSON

/// The operations that need more than one call or a prediction of their own.
extension ModelRun {
    mutating func hire(role: String, skills: [ModelOperation.Rating]) throws -> (touched: [String], rule: LevelRule) {
        let id = "\(model.prefix)p\(model.hired)"
        model.hired += 1
        var seen = Set<String>()
        let levels = skills.map(skillLevel).filter { seen.insert($0["skill"]?.stringValue ?? "").inserted }
        let reply = try client.call("employees.upsert", .object([("employees", .array([.object([
            ("id", .string(id)), ("name", .string("Person \(id)")), ("role", .string(role)), ("manager", .string(model.manager)),
            ("email", .string("\(id)@model.example")), ("skills", .array(levels)),
        ])]))]))
        expect(reply, success: true, "hiring \(id)")
        guard let result = reply.result else { return ([], .unchanged) }
        if result["inserted"]?.intValue != 1 { violation("hiring \(id): \(reply.summary)") }
        model.people.append(OrganisationModel.Person(id: id, email: "\(id)@model.example", role: role))
        return ([id], .free)
    }

    mutating func upsertRole(_ person: OrganisationModel.Person, _ role: String) throws -> (touched: [String], rule: LevelRule) {
        let reply = try client.call("employees.upsert", .object([("employees", .array([.object([("id", .string(person.id)), ("role", .string(role))])]))]))
        expect(reply, success: true, "upsert of \(person.id)'s role")
        if let result = reply.result, result["rejected"]?.arrayValue?.isEmpty == false { violation("upsert of \(person.id)'s role: \(reply.summary)") }
        if reply.result != nil, role != person.role { model.moved(person.id, to: role, on: today) }
        return ([person.id], .unchanged)
    }

    /// A progress event, with an id that is new, a retry of an earlier event, or an earlier id on other content.
    mutating func progress(_ person: OrganisationModel.Person, _ course: ModelWorld.Course, completed: Bool, daysAgo: Int, event: ModelOperation.Event) throws -> (touched: [String], rule: LevelRule) {
        var params = JSONObject([
            JSONMember("employee", .string(person.id)), JSONMember("course", .string(course.id)),
            JSONMember("status", .string(completed ? "completed" : "started")),
        ])
        // Today's events carry no date (they happen now, after anything rated earlier today); others a day.
        if daysAgo != 0 { params["at"] = .string(today.adding(-daysAgo).description) }
        var earlier: OrganisationModel.Event?
        switch event {
        case .none: break
        case .fresh: params["eventId"] = .string(model.freshEventID())
        case .retry(let index), .reuse(let index):
            guard !model.events.isEmpty else {
                params["eventId"] = .string(model.freshEventID())
                break
            }
            let chosen = model.events[index % model.events.count]
            earlier = chosen
            if case .retry = event { params = chosen.params.objectValue ?? params } else { params["eventId"] = .string(chosen.id) }
        }
        let reply = try client.call("progress.record", .object(params))
        let what = "progress \(JSONWriter.string(.object(params)))"
        if let earlier {
            let same = earlier.isRetried(by: OrganisationModel.Event(
                id: earlier.id, params: .object(params), employee: params["employee"]?.stringValue ?? "", course: params["course"]?.stringValue ?? "",
                completed: params["status"] == "completed", at: params["at"]?.stringValue))
            expect(reply, success: same, what)
            if same, reply.result?["duplicate"] != .bool(true) { violation("\(what): a retry must be answered as a duplicate, got \(reply.summary)") }
            return ([person.id, earlier.employee], .unchanged)
        }
        expect(reply, success: daysAgo >= 0, what)
        guard let result = reply.result else { return ([person.id], .unchanged) }
        if result["recorded"] != .bool(true) || result["duplicate"] != .bool(false) { violation("\(what): expected a new record, got \(reply.summary)") }
        if let id = params["eventId"]?.stringValue {
            model.events.append(OrganisationModel.Event(id: id, params: .object(params), employee: person.id, course: course.id, completed: completed, at: params["at"]?.stringValue))
        }
        guard completed else { return ([person.id], .unchanged) }
        model.update(person.id) { $0.completed.insert(course.id) }
        return ([person.id], .neverLower)
    }

    /// An xAPI statement: completions that succeeded count, failures and unsuccessful attempts only start.
    mutating func xapi(_ person: OrganisationModel.Person, _ course: ModelWorld.Course, verb: String, success: Bool?, daysAgo: Int, statement event: ModelOperation.Event) throws -> (touched: [String], rule: LevelRule) {
        var statement = JSONObject([
            JSONMember("actor", .object([("mbox", .string("mailto:\(person.email)"))])),
            JSONMember("verb", .object([("id", .string("http://adlnet.gov/expapi/verbs/\(verb)"))])),
            JSONMember("object", .object([("id", .string(course.activity))])),
        ])
        if daysAgo != 0 { statement["timestamp"] = .string("\(today.adding(-daysAgo))T00:00:00Z") }
        if let success { statement["result"] = .object([("success", .bool(success))]) }
        var earlier: OrganisationModel.Event?
        switch event {
        case .none: break
        case .fresh: statement["id"] = .string(statementID(model.freshEventID()))
        case .retry(let index), .reuse(let index):
            guard !model.statements.isEmpty else {
                statement["id"] = .string(statementID(model.freshEventID()))
                break
            }
            let chosen = model.statements[index % model.statements.count]
            earlier = chosen
            if case .retry = event { statement = chosen.params.objectValue ?? statement } else { statement["id"] = .string(chosen.id) }
        }
        // What the statement sent says (a retry sends the earlier one): completions that did not fail count.
        let sentVerb = statement["verb"]?["id"]?.stringValue?.split(separator: "/").last
        let completes = (sentVerb == "completed" || sentVerb == "passed") && statement["result"]?["success"] != .bool(false)
        let reply = try client.call("progress.xapi", .object([("statements", .array([.object(statement)]))]))
        let what = "xAPI \(JSONWriter.string(.object(statement)))"
        expect(reply, success: true, what)
        let outcome = reply.result?["results"]?.arrayValue?.first?["outcome"]?.stringValue
        if let earlier {
            let content = statement["actor"] == earlier.params["actor"] && statement["object"] == earlier.params["object"]
            let same = content && earlier.isRetried(by: OrganisationModel.Event(
                id: earlier.id, params: .object(statement), employee: earlier.employee, course: earlier.course, completed: completes,
                at: statement["timestamp"]?.stringValue))
            if outcome != (same ? "duplicate" : "rejected") { violation("\(what): a \(same ? "retry" : "reused id") must be \(same ? "a duplicate" : "rejected"), got \(reply.summary)") }
            return ([person.id, earlier.employee], .unchanged)
        }
        // A statement without an id, or dated beyond the clock-skew allowance, is refused on its own.
        let refused = daysAgo < 0 || statement["id"] == nil
        if outcome != (refused ? "rejected" : "recorded") { violation("\(what): expected \(refused ? "rejected" : "recorded"), got \(reply.summary)") }
        guard outcome == "recorded" else { return ([person.id], .unchanged) }
        if let id = statement["id"]?.stringValue {
            model.statements.append(OrganisationModel.Event(
                id: id, params: .object(statement), employee: person.id, course: course.id, completed: completes, at: statement["timestamp"]?.stringValue))
        }
        guard completes else { return ([person.id], .unchanged) }
        model.update(person.id) { $0.completed.insert(course.id) }
        return ([person.id], .neverLower)
    }

    /// A UUID made from a model event id, as xAPI statement ids are.
    func statementID(_ id: String) -> String {
        let number = Int(id.split(separator: "-").last ?? "") ?? 0
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in model.prefix.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(hash, radix: 16)
        let tail = String(repeating: "0", count: max(0, 12 - String(number, radix: 16).count)) + String(number, radix: 16)
        return "\(String((String(repeating: "0", count: 16) + hex).suffix(16)).prefix(8))-0000-4000-8000-\(tail.suffix(12))"
    }

    /// The person leaves: every assignment of theirs the model has active must now be cancelled, closed as
    /// `left`; they are out of the team from then on (the team report is checked without them).
    mutating func leave(_ person: OrganisationModel.Person) throws {
        let reply = try client.call("employees.upsert", .object([("employees", .array([.object([("id", .string(person.id)), ("leftOn", .string(today.description))])]))]))
        expect(reply, success: true, "\(person.id) leaving")
        guard reply.result != nil else { return }
        let listed = try client.result("assignments.list", .object([("employee", .string(person.id))]))["assignments"]?.arrayValue ?? []
        for index in model.assignments.indices where model.assignments[index].employee == person.id && model.assignments[index].state == .active {
            let id = model.assignments[index].id
            let record = listed.first { $0["id"]?.intValue == id }
            if record?["status"] != "cancelled" || record?["closedReason"] != "left" {
                violation("\(person.id) left: assignment \(id) is \(record.map { JSONWriter.string($0) } ?? "not listed"), expected cancelled as left")
            }
            model.assignments[index].state = .cancelled
        }
        model.people.removeAll { $0.id == person.id }
    }
}
