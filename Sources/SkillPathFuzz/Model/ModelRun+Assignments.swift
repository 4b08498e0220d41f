import SkillPathJSON

/// Assignments, moves and openings: where the model predicts refusals (the held role, a second active
/// assignment, a move before the last one) and what a move does to assignments.
extension ModelRun {
    mutating func assign(_ person: OrganisationModel.Person, role: String, dueInDays: Int?) throws -> (touched: [String], rule: LevelRule) {
        var params = JSONObject([JSONMember("employee", .string(person.id)), JSONMember("targetRole", .string(role))])
        if let dueInDays { params["dueDate"] = .string(today.adding(dueInDays).description) }
        let reply = try client.call("assignments.create", .object(params))
        let duplicate = model.assignments.contains { $0.employee == person.id && $0.target == role && $0.state == .active }
        expect(reply, success: role != person.role && !duplicate, "assigning \(role) to \(person.id) (holds \(person.role)\(duplicate ? ", already assigned" : ""))")
        guard let result = reply.result, let id = result["id"]?.intValue else { return ([person.id], .unchanged) }
        if let reused = model.noteID(id, kind: "assignment") { violation(reused) }
        model.assignments.append(OrganisationModel.Assignment(id: id, employee: person.id, target: role, state: .active))
        return ([person.id], .unchanged)
    }

    mutating func closeOrReplan(_ assignment: OrganisationModel.Assignment, cancel: Bool) throws -> (touched: [String], rule: LevelRule) {
        let reply = cancel
            ? try client.call("assignments.cancel", .object([("id", .int(assignment.id))]))
            : try client.call("assignments.replan", .object([("id", .int(assignment.id)), ("apply", true)]))
        expect(reply, success: assignment.state == .active, "\(cancel ? "cancelling" : "replanning") assignment \(assignment.id) (\(assignment.state))")
        if cancel, reply.result != nil, let index = model.assignments.firstIndex(where: { $0.id == assignment.id }) {
            model.assignments[index].state = .cancelled
        }
        return ([assignment.employee], .unchanged)
    }

    mutating func move(_ person: OrganisationModel.Person, to role: String, on day: ModelDay) throws -> (touched: [String], rule: LevelRule) {
        let reply = try client.call("moves.record", .object([("employee", .string(person.id)), ("toRole", .string(role)), ("date", .string(day.description))]))
        let beforeLast = person.lastMove.map { day < $0 } ?? false
        expect(reply, success: role != person.role && !beforeLast, "moving \(person.id) from \(person.role) to \(role) on \(day) (last move \(person.lastMove?.description ?? "none"))")
        guard let result = reply.result else { return ([person.id], .unchanged) }
        if let id = result["id"]?.intValue, let reused = model.noteID(id, kind: "move") { violation(reused) }
        model.moved(person.id, to: role, on: day)
        return ([person.id], .unchanged)
    }

    /// Opens a position for `role` under the sequence's manager and fills it with the person.
    mutating func fill(_ person: OrganisationModel.Person, role: String) throws -> (touched: [String], rule: LevelRule) {
        let opened = try client.call("opportunities.create", .object([("role", .string(role)), ("manager", .string(model.manager))]))
        expect(opened, success: true, "opening \(role)")
        guard let id = opened.result?["id"]?.intValue else { return ([], .unchanged) }
        if let reused = model.noteID(id, kind: "opportunity") { violation(reused) }
        let filled = try client.call("opportunities.close", .object([("id", .int(id)), ("filledBy", .string(person.id))]))
        expect(filled, success: role != person.role, "filling opening \(id) (\(role)) with \(person.id) (holds \(person.role))")
        if filled.result != nil { model.moved(person.id, to: role, on: today) }
        return ([person.id], .unchanged)
    }
}
