import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension ProjectsList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.requireKnown()
        if let employee = params.employee { try context.requireReadable(employee) }
        if let manager = params.manager { try context.requireReadable(manager) }
        let cursor = try params.cursor()
        // A project's owner sees who is on it, whoever's team they are in: they confirm how it went.
        var visibility = context.visibility
        if let id = params.opportunity, try context.isHiringSide(of: context.store.opportunity(id)) { visibility = .everyone }
        let result = try context.store.projectMoves(
            visible: visibility, employee: params.employee, manager: params.manager, opportunity: params.opportunity, from: params.from, to: params.to,
            limit: params.page.resolvedLimit, after: cursor)
        let next = result.hasMore ? result.items.last.map { MoveCursor(date: $0.start, id: $0.id).description } : nil
        return Page(items: result.items.map { ProjectMoveView($0, today: context.today) }, total: result.total, nextCursor: next)
    }
}

extension ProjectsFinish: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.requireKnown()
        guard let project = try context.store.projectMove(params.id) else { throw DomainError.notVisible(kind: "project move", id: params.id) }
        let owner = try context.isHiringSide(of: context.store.opportunity(project.opportunity))
        guard owner else {
            // Who may not see the project move learns nothing about it, exactly as for an id that does not exist.
            do { try context.requireRead(of: project.employee) } catch is AccessRefusal { throw DomainError.notVisible(kind: "project move", id: params.id) }
            throw AccessRefusal("project-owner-or-admin", "only the project's owner (its manager), their managers and administrators say how it went", method: context.method)
        }
        if case .employee(project.employee) = context.principal {
            throw AccessRefusal("not-oneself", "a project is confirmed by its owner, not by the person who did it", method: context.method)
        }
        // The evidence names who confirmed it: the owner's employee id, or the administrator's login.
        let confirmer = if case .employee(let id) = context.principal { id } else { context.auditActor }
        let finished = try context.store.finishProject(
            params.id, outcome: params.outcome, date: params.date ?? context.today, note: params.note, confirmedBy: confirmer, actor: context.auditActor,
            today: context.today)
        return ProjectMoveView(finished, today: context.today)
    }
}
