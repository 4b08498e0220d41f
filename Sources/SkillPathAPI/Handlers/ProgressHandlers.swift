import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension CallContext {
    /// Who is sending progress, for the event ids' scope and the trust of a completion (docs/evidence.md).
    var progressSender: OrganisationStore.ProgressSender {
        OrganisationStore.ProgressSender(
            scope: caller.userName ?? "uid \(caller.uid)", actor: auditActor, trust: caller.isService || caller.isAdmin ? .course : .selfRated)
    }

    /// Refuses a moment later than now and the allowance for clocks and time zones.
    func requireNotFuture(_ at: String, field: String) throws {
        let latest = Timestamps.now(offset: Timestamps.futureAllowance)
        guard at <= latest else {
            throw DomainError.invalidValue(field: field, message: "is in the future (\(at)); progress is recorded when it happens (a day's allowance for clocks and time zones)")
        }
    }
}

extension ProgressRecord: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        switch try context.requireKnown() {
        case .admin, .service: break
        case .employee(let id) where id == params.employee: break
        case .employee, .unknown:
            throw AccessRefusal("self-service-or-admin", "employees record only their own progress; services and administrators anyone's", method: context.method)
        }
        // A course a reload retired still completes the plans that froze it (docs/catalog.md, "Retired courses").
        let course = try context.snapshot.catalog.course(params.course)
            ?? context.store.frozenCourse(params.course, plannedFor: params.employee)
            ?? context.snapshot.catalog.requireCourse(params.course, field: "course")
        if let at = params.at { try context.requireNotFuture(at, field: "at") }
        let event = OrganisationStore.ProgressEvent(
            employee: params.employee, course: course, status: params.status, at: params.at ?? Timestamps.now(), givenAt: params.at, eventID: params.eventID)
        let outcome = try context.store.recordProgress(event, from: context.progressSender, evidence: context.evidence)
        return Result(outcome: outcome, employee: params.employee, course: course.id, status: params.status, today: context.today)
    }
}

extension ProgressXAPI: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        switch try context.requireKnown() {
        case .admin, .service: break
        case .employee, .unknown:
            throw AccessRefusal("services-and-admins", "progress.xapi is for the LMS (services) and administrators", method: context.method)
        }
        var outcomes = [Outcome?](repeating: nil, count: params.read.count)
        var events: [(position: Int, statement: XAPIStatement, event: OrganisationStore.ProgressEvent)] = []
        let now = Timestamps.now()
        for (position, read) in params.read.enumerated() {
            switch read {
            case .failure(let rejection):
                outcomes[position] = .rejected(id: rejection.id, reason: rejection.reason)
            case .success(let statement):
                switch try event(for: statement, now: now, in: context) {
                case .success(let event): events.append((position, statement, event))
                case .failure(let rejection): outcomes[position] = .rejected(id: statement.id, reason: rejection.reason)
                }
            }
        }
        let recorded = events.isEmpty ? [] : try context.store.recordProgress(events.map(\.event), from: context.progressSender, evidence: context.evidence)
        for (entry, result) in zip(events, recorded) {
            switch result {
            case .success(let outcome):
                outcomes[entry.position] = .recorded(entry.statement, employee: entry.event.employee, course: entry.event.course.id, outcome)
            case .failure(let error):
                outcomes[entry.position] = .rejected(id: entry.statement.id, reason: APIError.rpcError(for: error)?.message ?? "refused")
            }
        }
        return Result(outcomes: outcomes.map { $0 ?? .rejected(id: nil, reason: "not recorded") })
    }

    /// The progress event a statement reports: its actor's employee and its activity's course, or why not.
    private static func event(
        for statement: XAPIStatement, now: String, in context: CallContext
    ) throws -> Swift.Result<OrganisationStore.ProgressEvent, XAPIStatement.Rejection> {
        let employee: String? = switch statement.actor {
        case .email(let email): try context.store.employeeID(email: email)
        case .login(let login): try context.store.employeeID(login: login)
        }
        guard let employee else {
            return .failure(.init(id: statement.id, reason: "unknown actor: no employee has \(statement.actor.description)"))
        }
        let snapshot = context.snapshot
        guard let courseID = snapshot.xapiActivities[statement.activity], let course = snapshot.catalog.course(courseID) else {
            return .failure(.init(id: statement.id, reason: "unknown activity '\(statement.activity)': no course has it as externalIds.xapi or url"))
        }
        if let at = statement.at, at > Timestamps.now(offset: Timestamps.futureAllowance) {
            return .failure(.init(id: statement.id, reason: "timestamp \(at) is in the future; progress is recorded when it happens"))
        }
        return .success(OrganisationStore.ProgressEvent(
            employee: employee, course: course, status: statement.status, at: statement.at ?? now, givenAt: statement.at, eventID: "xapi:\(statement.id)"))
    }
}
