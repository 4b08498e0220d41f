import SkillPathCore
import SkillPathProtocol
import SkillPathStore

extension MentorsOffer: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let employee = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireSelfOrAdmin(employee, doing: "offers to mentor")
        for (position, skill) in params.skills.enumerated() where context.snapshot.catalog.skill(skill) == nil {
            throw DomainError.unknownSkill(skill, field: "skills[\(position)]", suggestion: nil)
        }
        let offer = try context.store.setMentorOffer(of: employee, skills: params.skills, capacity: params.capacity, actor: context.auditActor)
        return Result(employee: employee, offer: offer)
    }
}

extension MentorsFind: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let learner = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireReadable(learner)
        guard let stored = try context.store.employee(learner) else { throw DomainError.unknownEmployee(learner) }
        let catalog = context.snapshot.catalog
        let profile = context.evidence.profile(stored)
        let held = Dictionary(profile.skills.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
        var needs: [MentorSearch.Need] = []
        if let skill = params.skill {
            guard catalog.skill(skill) != nil else { throw DomainError.unknownSkill(skill, field: "skill", suggestion: nil) }
            let have = held[skill] ?? 0
            needs = [MentorSearch.Need(skill: skill, have: have, need: params.level ?? min(5, have + 1))]
        } else if let role = params.targetRole {
            guard catalog.role(role) != nil else { throw DomainError.unknownRole(role, field: "targetRole") }
            let plan = try context.snapshot.planner.plan(profile: profile, targetRole: role, strict: false)
            needs = plan.gap.filter { $0.importance == .essential }.map { MentorSearch.Need(skill: $0.skill, have: $0.have, need: $0.need) }
        }
        let found = try context.mentors(for: needs, learner: learner, outsideLineOnly: params.outsideLineOnly, limit: params.limit)
        return Result(employee: learner, found: found.map { ($0.need, catalog.skill($0.need.skill)?.name ?? $0.need.skill, $0.mentors) })
    }
}

extension MentoringStart: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let learner = try context.employeeOrCaller(params.learner, field: "learner")
        try context.requireMentoringParty(learner: learner, mentor: params.mentor)
        guard context.snapshot.catalog.skill(params.skill) != nil else { throw DomainError.unknownSkill(params.skill, field: "skill", suggestion: nil) }
        guard let stored = try context.store.employee(learner) else { throw DomainError.unknownEmployee(learner) }
        let have = context.evidence.profile(stored).skills.first { $0.skill == params.skill }?.level ?? 0
        let need = MentorSearch.Need(skill: params.skill, have: have, need: min(5, have + 1))
        let found = try context.mentors(for: [need], learner: learner, outsideLineOnly: false, limit: MentorsFind.maximumLimit, only: params.mentor)
        guard found.first?.mentors.isEmpty == false else {
            throw DomainError.conflict("'\(params.mentor)' cannot mentor '\(learner)' in '\(params.skill)': they must have offered it, have room, and hold it on evidence someone else gave at level \(need.need + 1) or at 4 and above (above the learner's \(have))")
        }
        let date = params.date ?? context.today
        if date > context.today { throw DomainError.invalidValue(field: "date", message: "is in the future (\(date))") }
        return try context.store.startMentoring(mentor: params.mentor, learner: learner, skill: params.skill, on: date, note: params.note, actor: context.auditActor)
    }
}

extension MentoringEnd: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        guard let record = try context.store.mentoring(params.id) else { throw DomainError.notVisible(kind: "mentoring", id: params.id) }
        do {
            try context.requireMentoringParty(learner: record.learner, mentor: record.mentor)
        } catch is AccessRefusal {
            throw DomainError.notVisible(kind: "mentoring", id: params.id)
        }
        let date = params.date ?? context.today
        if date > context.today { throw DomainError.invalidValue(field: "date", message: "is in the future (\(date))") }
        return try context.store.endMentoring(params.id, on: date, actor: context.auditActor)
    }
}

extension MentoringList: HandledMethod {
    static func handle(_ params: Params, in context: CallContext) throws -> Result {
        let employee = try context.employeeOrCaller(params.employee, field: "employee")
        try context.requireReadable(employee)
        return Result(employee: employee, mentorings: try context.store.mentorings(of: employee))
    }
}

extension CallContext {
    /// The learner, the mentor, the learner's managers, or an administrator.
    func requireMentoringParty(learner: String, mentor: String) throws {
        switch try requireKnown() {
        case .admin: return
        case .employee(let id):
            if id == learner || id == mentor { return }
            if try store.manages(id, learner) { return }
        case .service, .unknown: break
        }
        throw AccessRefusal("learner-mentor-or-manager", "only the learner, the mentor, the learner's managers and administrators record mentoring", method: method)
    }

    /// Mentors for each need (`MentorSearch`), reading only the evidence of people who offered; `only` keeps one mentor.
    func mentors(
        for needs: [MentorSearch.Need], learner: String, outsideLineOnly: Bool, limit: Int, only: String? = nil
    ) throws -> [(need: MentorSearch.Need, mentors: [MentorSearch.Match])] {
        guard !needs.isEmpty else { return [] }
        // The least stated level that could qualify for each need (`MentorRule`), per skill.
        let minimum = Dictionary(needs.map { ($0.skill, max($0.have + 1, min($0.need + 1, 4))) }, uniquingKeysWith: min)
        var candidates = try store.mentorCandidates(skills: minimum.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).map {
            MentorSearch.Candidate(offer: $0.offer, name: $0.name, active: $0.active, evidence: $0.evidence)
        }
        if let only { candidates = candidates.filter { $0.offer.employee == only } }
        return MentorSearch.find(
            needs, learner: learner, line: try store.reportingLine(of: learner), candidates: candidates, evidence: evidence,
            outsideLineOnly: outsideLineOnly, limit: limit)
    }
}
