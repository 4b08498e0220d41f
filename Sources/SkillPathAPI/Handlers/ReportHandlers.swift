import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension ReportsTeam: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        var manager = params.manager
        switch try context.requireKnown() {
        case .employee(let id):
            let asked = manager ?? id
            manager = asked
            if asked != id, try !context.store.manages(id, asked) {
                throw AccessRefusal("own-subtree", "a manager may see the teams in their own subtree only", method: context.method)
            }
        case .admin, .service:
            manager = try context.employeeOrCaller(manager, field: "manager")
        case .unknown: break
        }
        guard let who = manager, try context.store.employee(who) != nil else { throw DomainError.unknownEmployee(manager ?? "") }
        let members = try context.store.team(of: who, wholeSubtree: params.subtree).map { member in
            var member = member
            member.assignments = context.store.sharingBudget(member.assignments)
            return member
        }
        return Result(manager: who, subtree: params.subtree, today: context.today, members: members)
    }
}

extension ReportsMobility: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let scope = try context.requireTeamScope(params.manager)
        let catalog = context.snapshot.catalog
        try context.store.endDueSecondments(today: context.today, catalog: catalog)
        var facts = try context.store.mobilityFacts(
            from: params.from, to: params.to, asOf: context.today, courseHours: { catalog.course($0)?.hours },
            coursePrice: { catalog.course($0).map { ($0.cost, $0.currency) } })
        // An external fill the opening gave no cost for takes the configuration's estimate for its role.
        let hire = context.service.externalHire
        for index in facts.fills.indices where !facts.fills[index].isInternal && facts.fills[index].externalCost == nil {
            facts.fills[index].externalCost = hire.estimate(role: facts.fills[index].role).cost
        }
        let report = MobilityReport.compute(
            facts, from: params.from, to: params.to, asOf: context.today, manager: scope, grouping: params.groupBy,
            successWindowMonths: params.successWindowMonths)
        // Comments after a move are for administrators (HR) only: managers see the ratings, not the words.
        let comments = if case .admin = try context.requireKnown() { true } else { false }
        return Result(report: report, manager: scope, comments: comments)
    }
}

extension ReportsSkills: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let scope = try context.requireTeamScope(params.manager)
        let catalog = context.snapshot.catalog
        for (position, role) in (params.roles ?? []).enumerated() where catalog.role(role) == nil { throw DomainError.unknownRole(role, field: "roles[\(position)]") }
        for (position, skill) in (params.skills ?? []).enumerated() { _ = try catalog.requireSkill(skill, field: "skills[\(position)]") }
        // Levels as the rankings read them: from the profile cache, counted by the evidence rule, by skill number
        // (and nothing else of each person: a million of them).
        let (profiles, levels) = try context.store.currentLevels(inSubtreeOf: scope, evidence: context.evidence, numberedBy: catalog)
        let leavers = try context.store.leaversInTree(inSubtreeOf: scope)
        let teams = TeamMap(people: profiles.map { ($0.id, $0.manager) }, leavers: leavers.map { ($0.id, $0.manager) }, root: scope)
        var people = profiles.indices.map { position in
            SkillPicture.Person(team: teams.teams[position], role: profiles[position].role, targets: [], levels: levels[position])
        }
        for (employee, roles) in try context.store.activeAssignmentTargets(inSubtreeOf: scope) {
            // Positions past the people are leavers', whose assignments count for no one.
            if let position = teams.position(of: employee), position < people.count { people[position].targets = roles }
        }
        let seats = try context.store.allOpenOpportunities().flatMap { opportunity -> [SkillPicture.Seat] in
            guard let manager = opportunity.manager, let position = teams.position(of: manager) else { return [] }
            return Array(repeating: SkillPicture.Seat(team: teams.teams[position], role: opportunity.role), count: opportunity.seatsLeft)
        }
        let picture = SkillPicture(
            people: people, seats: seats, teams: teams.order, catalog: catalog, planner: context.snapshot.planner, roles: params.roles.map(Set.init),
            skills: params.skills.map(Set.init))
        var names: [String: String] = [:]
        for head in teams.order {
            guard let position = teams.position(of: head) else { continue }
            names[head] = position < profiles.count ? profiles[position].name : leavers[position - profiles.count].name
        }
        return Result(manager: scope, picture: picture, names: names, catalog: catalog, limit: params.limit)
    }
}

extension AuditList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        try context.requireAdmin()
        var query = AuditQuery()
        query.since = params.since
        query.until = params.until
        query.actor = params.by
        query.employee = params.employee
        query.kind = params.kind
        query.limit = params.page.resolvedLimit
        query.before = try params.page.numericCursor()
        let result = try context.store.auditEntries(query)
        return Page(items: result.items, total: nil, nextCursor: result.hasMore ? result.items.last.map { String($0.id) } : nil)
    }
}

extension ReportsSpend: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let scope = try context.requireTeamScope(params.manager)
        let catalog = context.snapshot.catalog
        let (from, to) = params.period(today: context.today)
        let (completed, planned) = try context.store.trainingSpendCourses(scope: scope, from: from, to: to)
        let spend = TrainingSpend(completed: completed, planned: planned) { id in catalog.course(id).map { ($0.cost, $0.currency) } }
        var managerNames: [String: String] = [:]
        for case let manager? in spend.teams.map(\.manager) { managerNames[manager] = try context.store.employee(manager)?.employee.name }
        let roleTitles = Dictionary(spend.roles.compactMap { $0.role.flatMap { catalog.role($0) }.map { ($0.id, $0.title) } }, uniquingKeysWith: { first, _ in first })
        return Result(from: from, to: to, manager: scope, spend: spend, managerNames: managerNames, roleTitles: roleTitles)
    }
}
