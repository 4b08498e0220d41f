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
            // An opening is not suggested to its own hiring manager.
            for opportunity in try context.store.allOpenOpportunities() where opportunity.manager != id { opportunities[opportunity.role, default: []].append(opportunity) }
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
        return Result(employee: id, currentRole: current, considered: ranking.considered, planned: ranking.planned, suggestions: Array(entries.prefix(limit)))
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
        // Those who hold the role already, and an opening's own hiring manager, are not candidates for it.
        let wanting = params.wanting ? try context.store.wanters(of: role.id, under: scope) : nil
        let people = try context.store.currentProfiles(inSubtreeOf: scope, evidence: context.evidence)
            .filter { person in person.role != role.id && person.id != opportunity?.manager && wanting?.contains(person.id) != false }
        let ranking = try context.snapshot.planner.rankCandidates(people.map { ($0.id, $0.profile) }, for: role.id, limit: params.limit ?? defaultLimit)
        let wanted = Set(ranking.entries.map(\.id))
        // Only the people listed are marked: their aspirations, not the whole organisation's.
        let aspirations = try context.store.aspirations(of: ranking.entries.map(\.id))
        let byID = Dictionary(people.lazy.filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // One pace for everyone when the call names it; otherwise each person is dated at their own.
        let preferred = params.hoursPerWeek == nil ? try context.store.preferredHoursPerWeek(of: ranking.entries.map(\.id)) : [:]
        let candidates = ranking.entries.map { entry in
            let person = byID[entry.id]
            let pace = params.hoursPerWeek ?? preferred[entry.id] ?? PlanOptions.defaultHoursPerWeek
            return Candidate(
                employee: entry.id, name: person?.name, currentRole: person?.role, figures: PlanFigures(entry.plan, pace: pace, today: context.today),
                hoursPerWeek: pace, transition: entry.transition, wants: aspirations[entry.id]?.choice(of: role.id),
                notLooking: aspirations[entry.id]?.notLooking ?? false)
        }
        return Result(
            role: role, opportunity: opportunity?.id, manager: scope, considered: ranking.considered, planned: ranking.planned, candidates: candidates)
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
