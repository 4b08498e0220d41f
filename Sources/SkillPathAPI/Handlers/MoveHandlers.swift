import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension MovesRecord: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.requireManager(of: params.employee)
        let catalog = context.snapshot.catalog
        try context.store.endDueSecondments(today: context.today, catalog: catalog)
        let move = NewMove(
            employee: params.employee, toRole: params.toRole, kind: params.kind, date: params.date ?? context.today, endDate: params.endDate,
            source: "moves.record")
        return try context.store.recordMove(move, catalog: catalog, actor: context.auditActor, today: context.today)
    }
}

extension MovesList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.requireKnown()
        if let employee = params.employee { try context.requireReadable(employee) }
        if let manager = params.manager { try context.requireReadable(manager) }
        let cursor = try params.cursor()
        try context.store.endDueSecondments(today: context.today, catalog: context.snapshot.catalog)
        let result = try context.store.moves(
            visible: context.visibility, employee: params.employee, manager: params.manager, from: params.from, to: params.to,
            limit: params.page.resolvedLimit, after: cursor)
        let next = result.hasMore ? result.items.last.map { MoveCursor(date: $0.date, id: $0.id).description } : nil
        return Page(items: result.items, total: result.total, nextCursor: next)
    }
}

extension MovesEnd: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        // Who may not see the move learns nothing about it, exactly as for an id that does not exist.
        guard let move = try context.store.move(params.move) else { throw DomainError.notVisible(kind: "move", id: params.move) }
        do {
            try context.requireRead(of: move.employee)
        } catch is AccessRefusal {
            throw DomainError.notVisible(kind: "move", id: params.move)
        }
        try context.requireManager(of: move.employee)
        let ended = try context.store.endSecondment(
            params.move, outcome: params.ending.outcome, date: params.date ?? context.today, catalog: context.snapshot.catalog,
            actor: context.auditActor, today: context.today)
        return Result(secondment: ended.secondment, ending: ended.ending)
    }
}

extension OpportunitiesCreate: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        var manager = params.manager
        switch try context.requireKnown() {
        case .admin: break
        case .employee(let id):
            manager = try context.requireTeamScope(manager ?? id)
        case .service, .unknown:
            throw AccessRefusal("managers-and-admins", "opportunities.create is for managers and administrators", method: context.method)
        }
        let opens = params.opens ?? context.today
        if let closes = params.closes, closes < opens { throw DomainError.invalidValue(field: "closes", message: "is before the opportunity opens (\(opens))") }
        let new = NewOpportunity(
            role: params.role, title: params.title ?? context.snapshot.catalog.role(params.role)?.title, manager: manager, kind: params.kind,
            headcount: params.headcount, opens: opens, closes: params.closes, durationWeeks: params.durationWeeks, hoursPerWeek: params.hoursPerWeek,
            develops: params.develops, externalCost: params.externalCost, externalDaysToFill: params.externalDaysToFill)
        return Result(try context.store.createOpportunity(new, catalog: context.snapshot.catalog, actor: context.auditActor))
    }
}

extension OpportunitiesList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let cursor = try params.page.numericCursor()
        let result = try context.store.opportunities(
            status: params.status, role: params.role, kind: params.kind, limit: params.page.resolvedLimit, after: cursor)
        return Page(items: result.items, total: result.total, nextCursor: result.hasMore ? result.items.last.map { String($0.id) } : nil)
    }
}

extension OpportunitiesClose: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let store = context.store
        guard let opportunity = try store.opportunity(params.id) else { throw DomainError.unknownOpportunity(params.id) }
        let refusal = AccessRefusal("manager-or-admin", "only the opportunity's manager, their managers and administrators may close it", method: context.method)
        switch try context.requireKnown() {
        case .admin: break
        case .employee(let caller):
            guard let manager = opportunity.manager, try caller == manager || store.manages(caller, manager) else { throw refusal }
        case .service, .unknown:
            throw refusal
        }
        let result = try store.closeOpportunity(
            params.id, params.closing, date: params.date ?? context.today, catalog: context.snapshot.catalog, actor: context.auditActor,
            today: context.today)
        return Result(opportunity: result.opportunity, move: result.move, project: result.project, today: context.today)
    }
}

extension MovesFeedback: HandledMethod {
    /// The mover rates as `mover`, the manager they report to as `manager`; nobody else, not even an
    /// administrator, speaks for either (docs/access.md, `mover-or-manager`).
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let caller = try context.requireKnown()
        guard let move = try context.store.move(params.move) else { throw DomainError.notVisible(kind: "move", id: params.move) }
        let manager = try context.store.employee(move.employee)?.employee.manager
        let respondent: MoveFeedback.Respondent
        switch caller {
        case .employee(let id) where id == move.employee: respondent = .mover
        case .employee(let id) where id == manager: respondent = .manager
        default:
            // Who may not see the move learns nothing about it, exactly as for an id that does not exist.
            do {
                try context.requireRead(of: move.employee)
            } catch is AccessRefusal {
                throw DomainError.notVisible(kind: "move", id: params.move)
            }
            throw AccessRefusal(
                "mover-or-manager", "a move is rated by the person who moved and by the manager they report to, not by the \(caller.label)",
                method: context.method)
        }
        let feedback = MoveFeedback(
            move: move.id, respondent: respondent, employee: caller.employeeID ?? move.employee, rating: params.rating, comment: params.comment,
            givenAt: Timestamps.now())
        return try context.store.giveFeedback(feedback, today: context.today, actor: context.auditActor)
    }
}
