import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension ProgressRecord: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        switch try context.requireKnown() {
        case .admin, .service: break
        case .employee(let id) where id == params.employee: break
        case .employee, .unknown:
            throw AccessRefusal("self-service-or-admin", "employees record only their own progress; services and administrators anyone's", method: context.method)
        }
        let course = try context.snapshot.catalog.requireCourse(params.course, field: "course")
        let outcome = try context.store.recordProgress(
            employee: params.employee, course: course, status: params.status, at: params.at ?? Timestamps.now(), eventID: params.eventID,
            source: context.auditActor)
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
        let snapshot = context.snapshot
        var outcomes = [Outcome?](repeating: nil, count: params.read.count)
        var events: [(position: Int, statement: XAPIStatement, event: OrganisationStore.ProgressEvent)] = []
        let now = Timestamps.now()
        for (position, read) in params.read.enumerated() {
            switch read {
            case .failure(let rejection):
                outcomes[position] = .rejected(id: rejection.id, reason: rejection.reason)
            case .success(let statement):
                let employee: String? = switch statement.actor {
                case .email(let email): try context.store.employeeID(email: email)
                case .login(let login): try context.store.employeeID(login: login)
                }
                guard let employee else {
                    outcomes[position] = .rejected(id: statement.id, reason: "unknown actor: no employee has \(statement.actor.description)")
                    continue
                }
                guard let courseID = snapshot.xapiActivities[statement.activity], let course = snapshot.catalog.course(courseID) else {
                    outcomes[position] = .rejected(id: statement.id, reason: "unknown activity '\(statement.activity)': no course has it as externalIds.xapi or url")
                    continue
                }
                events.append((position, statement, OrganisationStore.ProgressEvent(
                    employee: employee, course: course, status: statement.status, at: statement.at ?? now, eventID: "xapi:\(statement.id)")))
            }
        }
        let recorded = events.isEmpty ? [] : try context.store.recordProgress(events.map(\.event), source: context.auditActor)
        for (entry, outcome) in zip(events, recorded) {
            outcomes[entry.position] = .recorded(entry.statement, employee: entry.event.employee, course: entry.event.course.id, outcome)
        }
        return Result(outcomes: outcomes.map { $0 ?? .rejected(id: nil, reason: "not recorded") })
    }
}
