import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension CallContext {
    /// Whose view of the event log the caller has: administrators and services see every event, an employee
    /// (or a service acting for one) theirs (docs/access.md).
    func eventReader() throws -> EventReader {
        switch try requireKnown() {
        case .admin, .service: .everyone
        case .employee(let id): .employee(id)
        case .unknown: throw AccessRefusal("known-callers", "the event log is for employees, services and administrators", method: method)
        }
    }

    /// The filter's employee exists (one who left included): a typo must not read as "nothing happened".
    func checkEventFilter(_ filter: EventsFilter) throws {
        if let employee = filter.employee, try store.employee(employee) == nil { throw DomainError.unknownEmployee(employee) }
    }
}

extension EventsList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.checkEventFilter(params.filter)
        let page = try context.store.events(
            after: params.filter.after ?? 0, kinds: params.filter.kinds, employee: params.filter.employee, reader: try context.eventReader(),
            limit: params.limit + 1)
        let events = Array(page.events.prefix(params.limit))
        let full = page.events.count > params.limit
        return Result(events: events, next: full ? events.last?.id ?? page.next : page.next, head: page.head, hasMore: full)
    }
}

extension EventsSubscribe: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.checkEventFilter(params.filter)
        let reader = try context.eventReader()
        guard let channel = context.channel else { throw DomainError.conflict("events.subscribe needs a connection to deliver on") }
        let bounds = try context.store.eventLogBounds()
        let after = params.filter.after ?? bounds.head
        // The same checks as a page from it: an expired or future cursor is refused now, not after the reply.
        _ = try context.store.events(after: after, kinds: params.filter.kinds, employee: params.filter.employee, reader: reader, limit: 1)
        try channel.subscribe(EventSubscription(after: after, kinds: params.filter.kinds, employee: params.filter.employee, reader: reader))
        return Result(after: after, head: bounds.head)
    }
}
