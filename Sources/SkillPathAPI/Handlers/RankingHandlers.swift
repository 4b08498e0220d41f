import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension RolesSuggest: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let id = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireRead(of: id)
        guard let stored = try context.store.employee(id) else { throw DomainError.unknownEmployee(id) }
        let limit = params.limit ?? defaultLimit
        let pace = params.hoursPerWeek ?? stored.employee.preferences.hoursPerWeek ?? PlanOptions.defaultHoursPerWeek
        let profile = context.evidence.profile(stored)
        let favour = SuggestionFavour(try context.store.aspirations(of: id).aspirations)
        let ranking = try context.snapshot.planner.suggestRoles(for: profile, limit: limit, kinds: params.kinds, order: params.sort, favour: favour)
        let held = Dictionary(profile.skills.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
        var opportunities: [String: [OpportunityRecord]] = [:]
        if params.includeOpportunities {
            // An opening is not suggested to its own hiring manager; project gigs are listed apart.
            for opportunity in try context.store.allOpenOpportunities() where opportunity.manager != id && opportunity.kind != .project {
                opportunities[opportunity.role, default: []].append(opportunity)
            }
        }
        let current = stored.employee.role
        var entries: [Suggestion] = []
        for suggestion in ranking.entries {
            let figures = PlanFigures(suggestion.plan, pace: pace, today: context.today)
            var raise = gapSummary(suggestion.plan)
            if params.sort == .relatedness {
                let requires = suggestion.role.requires
                raise = "holds \(requires.count { (held[$0.skill] ?? 0) >= $0.level }) of its \(requires.count) skills at its level; " + raise
            }
            raise = wish(suggestion, catalog: context.snapshot.catalog) + raise
            let defined = suggestion.transition != nil
            for opportunity in opportunities[suggestion.role.id] ?? [] {
                if let kinds = params.kinds, opportunity.kind == .secondment, !kinds.contains(.secondment) { continue }
                entries.append(Suggestion(
                    role: suggestion.role, opportunity: opportunity,
                    move: opportunity.kind == .secondment ? "secondment" : suggestion.transition?.rawValue, transitionDefined: defined, figures: figures,
                    reason: "open \(opportunity.kind.rawValue) (opportunity \(opportunity.id)); \(raise)", relatedness: suggestion.relatedness,
                    via: suggestion.via?.id, wantedChoice: suggestion.wantedChoice, grows: suggestion.grows))
            }
            entries.append(Suggestion(
                role: suggestion.role, opportunity: nil, move: suggestion.transition?.rawValue, transitionDefined: defined, figures: figures,
                reason: "\(move(suggestion, from: current)); \(raise)", relatedness: suggestion.relatedness, via: suggestion.via?.id,
                wantedChoice: suggestion.wantedChoice, grows: suggestion.grows))
        }
        let projects = params.includeOpportunities && params.kinds?.contains(.project) != false
            ? try projectSuggestions(for: id, levels: held, pace: pace, wanted: Set(favour.skills), limit: limit, in: context) : nil
        return Result(
            employee: id, currentRole: current, considered: ranking.considered, planned: ranking.planned, suggestions: Array(entries.prefix(limit)),
            projects: projects)
    }

    /// The open project gigs that would grow one of the employee's skills: those growing skills they want to
    /// grow first, then in the order a project ranks its candidates (room in their week, most skills, smallest
    /// step), then by id.
    static func projectSuggestions(
        for id: String, levels: [String: Int], pace: Quantity, wanted: Set<String>, limit: Int, in context: CallContext
    ) throws -> [ProjectSuggestion] {
        let took = try context.store.projectsTaken(by: id)
        let today = context.today
        let busy = (try context.store.gigReservations(of: [id])[id] ?? []).filter { $0.start <= today && today < $0.end }
            .reduce(Int64(0)) { $0 + $1.hoursPerWeek.hundredths }
        let catalog = context.snapshot.catalog
        var found: [ProjectSuggestion] = []
        for project in try context.store.allOpenOpportunities() where project.kind == .project && project.manager != id && !took.contains(project.id) {
            let fit = ProjectFit(develops: project.develops, levels: levels)
            guard !fit.grows.isEmpty else { continue }
            let hours = project.hoursPerWeek ?? .zero
            let room = busy + hours.hundredths <= pace.hundredths
            let wants = fit.grows.map(\.skill).filter(wanted.contains)
            let growth = fit.grows.map { "\(catalog.skill($0.skill)?.name ?? $0.skill) \($0.from)→\($0.to)" }.joined(separator: ", ")
            var reason = "open project (opportunity \(project.id)), \(hours) h a week for \(project.durationWeeks ?? 0) weeks; grows \(growth)"
            if !wants.isEmpty { reason += "; you want to grow \(wants.map { catalog.skill($0)?.name ?? $0 }.joined(separator: ", "))" }
            if !room { reason += "; more hours than your week has free (\(Quantity(hundredths: max(0, pace.hundredths - busy))) h)" }
            found.append(ProjectSuggestion(opportunity: project, fit: fit, room: room, wantsSkills: wants, reason: reason))
        }
        found.sort { left, right in
            if left.wantsSkills.count != right.wantsSkills.count { return left.wantsSkills.count > right.wantsSkills.count }
            return ProjectFit.ranksBefore((left.fit, left.room, left.opportunity.id), (right.fit, right.room, right.opportunity.id))
        }
        return Array(found.prefix(limit))
    }

    /// "you want this role (choice 1); ", "grows python, which you want to grow; ", or nothing.
    static func wish(_ suggestion: RoleSuggestion, catalog: Catalog) -> String {
        if let choice = suggestion.wantedChoice { return "you want this role (choice \(choice)); " }
        guard !suggestion.grows.isEmpty else { return "" }
        let names = suggestion.grows.map { catalog.skill($0)?.name ?? $0 }
        return "grows \(names.joined(separator: ", ")), which you want to grow; "
    }

    /// "lateral from data-analyst", "two moves from data-analyst, via Data Engineer (data-engineer)", or
    /// "no transition from data-analyst in the catalog".
    static func move(_ suggestion: RoleSuggestion, from current: String) -> String {
        if let kind = suggestion.transition { return "\(kind.rawValue) from \(current)" }
        if let via = suggestion.via { return "two moves from \(current) in the catalog, via \(via.title) (\(via.id))" }
        return "no transition from \(current) in the catalog"
    }

    /// "2 skills to raise, 38 h", "ready now", or what no course can close.
    static func gapSummary(_ plan: Plan) -> String {
        let essential = plan.gap.filter { $0.importance == .essential }.count
        if essential == 0 { return "ready now" }
        let raise = "\(essential) skill\(essential == 1 ? "" : "s") to raise, \(plan.totals.hours) h"
        guard !plan.complete else { return raise }
        return "\(raise); \(plan.unmet.count) no course in the catalog can close (\(plan.unmet.map(\.name).joined(separator: ", ")))"
    }
}

extension CandidatesRank: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let scope = try context.requireTeamScope(params.manager)
        let (role, opportunity) = try target(params.target, in: context)
        if let opportunity, opportunity.kind == .project { return try rankForProject(opportunity, role: role, scope: scope, params: params, in: context) }
        // Those who hold the role already, and an opening's own hiring manager, are not candidates for it.
        let wanting = params.wanting ? try context.store.wanters(of: role.id, under: scope) : nil
        let people = try context.store.currentNumbers(inSubtreeOf: scope, evidence: context.evidence, numberedBy: context.snapshot.catalog)
        // Built in one pass, not filtered and then mapped twice: each pass copies a million people. A profile
        // the planner would refuse (no numbers) is left out, as the ranking leaves it out.
        var considered: [(id: String, profile: Profile)] = []
        var numbers: [ProfileNumbers?] = []
        considered.reserveCapacity(people.count)
        numbers.reserveCapacity(people.count)
        for person in people where person.numbers != nil && person.role != role.id && person.id != opportunity?.manager {
            guard wanting?.contains(person.id) != false else { continue }
            considered.append((person.id, person.profile))
            numbers.append(person.numbers)
        }
        let ranking = try context.snapshot.planner.rankCandidates(considered, for: role.id, limit: params.limit ?? defaultLimit, numbers: numbers)
        let wanted = Set(ranking.entries.map(\.id))
        // Only the people listed are marked: their aspirations, not the whole organisation's.
        let aspirations = try context.store.aspirations(of: ranking.entries.map(\.id))
        let byID = Dictionary(people.lazy.filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // One pace for everyone when the call names it; otherwise each person is dated at their own.
        let preferred = params.hoursPerWeek == nil ? try context.store.preferredHoursPerWeek(of: ranking.entries.map(\.id)) : [:]
        let external = context.service.externalHire.estimate(
            role: role.id, openingCost: opportunity?.externalCost, openingDays: opportunity?.externalDaysToFill)
        let candidates = ranking.entries.map { entry in
            let person = byID[entry.id]
            let pace = params.hoursPerWeek ?? preferred[entry.id] ?? PlanOptions.defaultHoursPerWeek
            var candidate = Candidate(
                employee: entry.id, name: person?.name, currentRole: person?.role, figures: PlanFigures(entry.plan, pace: pace, today: context.today),
                hoursPerWeek: pace, transition: entry.transition, wants: aspirations[entry.id]?.choice(of: role.id),
                notLooking: aspirations[entry.id]?.notLooking ?? false)
            candidate.buildVersusBuy = BuildVersusBuy(
                buildCost: entry.plan.costByCurrency(in: context.snapshot.catalog), readyBy: candidate.figures.readyBy, buy: external, today: context.today)
            return candidate
        }
        var result = Result(
            role: role, opportunity: opportunity?.id, manager: scope, considered: ranking.considered, planned: ranking.planned, candidates: candidates)
        result.external = external
        return result
    }

    /// The people a project gig would grow, ranked (`ProjectRanking`), each with why.
    private static func rankForProject(_ project: OpportunityRecord, role: Role, scope: String?, params: Params, in context: CallContext) throws -> Result {
        let store = context.store
        let took = try store.takers(of: project.id)
        var people = try store.currentProfiles(inSubtreeOf: scope, evidence: context.evidence)
            .filter { $0.id != project.manager && !took.contains($0.id) }
        let developed = Set(project.develops.map(\.skill))
        let wants = { (aspirations: Aspirations?) in (aspirations?.skills ?? []).filter(developed.contains) }
        if params.wanting {
            let said = try store.aspirations(of: people.map(\.id))
            people = people.filter { !wants(said[$0.id]).isEmpty || said[$0.id]?.openTo.contains(.project) == true }
        }
        let levels = people.map { person in (person.id, Dictionary(person.profile.skills.map { ($0.skill, $0.level) }, uniquingKeysWith: max)) }
        let growing = levels.filter { !ProjectFit(develops: project.develops, levels: $0.1).grows.isEmpty }.map(\.0)
        let preferred = params.hoursPerWeek == nil ? try store.preferredHoursPerWeek(of: growing) : [:]
        let gigs = try store.gigReservations(of: growing)
        let today = context.today
        let busy = { (id: String) in
            Quantity(hundredths: (gigs[id] ?? []).filter { $0.start <= today && today < $0.end }.reduce(0) { $0 + $1.hoursPerWeek.hundredths })
        }
        let entries = ProjectRanking.rank(
            levels.map { (id: $0.0, levels: $0.1) }, develops: project.develops, hoursPerWeek: project.hoursPerWeek ?? .zero,
            budget: { params.hoursPerWeek ?? preferred[$0] ?? PlanOptions.defaultHoursPerWeek }, busy: busy, limit: params.limit ?? defaultLimit)
        let aspirations = try store.aspirations(of: entries.map(\.id))
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let catalog = context.snapshot.catalog
        let candidates = entries.map { entry in
            let growth = entry.fit.grows.map { "\(catalog.skill($0.skill)?.name ?? $0.skill) \($0.from)→\($0.to)" }.joined(separator: ", ")
            let free = Quantity(hundredths: max(0, entry.budget.hundredths - entry.busy.hundredths))
            let week = entry.room ? "its \(project.hoursPerWeek ?? .zero) h a week fit in the \(free) h their week has free"
                : "its \(project.hoursPerWeek ?? .zero) h a week are more than the \(free) h their week has free"
            return ProjectCandidate(
                employee: entry.id, name: byID[entry.id]?.name, currentRole: byID[entry.id]?.role, entry: entry, wantsSkills: wants(aspirations[entry.id]),
                openToProjects: aspirations[entry.id]?.openTo.contains(.project) ?? false, notLooking: aspirations[entry.id]?.notLooking ?? false,
                reason: "grows \(growth); \(week)")
        }
        return Result(project: project, role: role, manager: scope, considered: people.count, candidates: candidates)
    }

    /// The role ranked for, and the opportunity it came from when one was named.
    private static func target(_ target: Target, in context: CallContext) throws -> (Role, OpportunityRecord?) {
        switch target {
        case .role(let id):
            guard let role = context.snapshot.catalog.role(id) else { throw DomainError.unknownRole(id, field: "role") }
            return (role, nil)
        case .opportunity(let id):
            guard let opportunity = try context.store.opportunity(id) else { throw DomainError.unknownOpportunity(id) }
            guard let role = context.snapshot.catalog.role(opportunity.role) else { throw DomainError.unknownRole(opportunity.role, field: "opportunity") }
            return (role, opportunity)
        }
    }
}
