/// The people a ranking considers, grouped by what the role's plan can see of them (`RelevantState`):
/// people whose relevant state is the same share one plan. Each group is ranked once, by its plan and its
/// leader's id (the member whose id sorts first), and planned from that state alone.
struct CandidateGroups {
    let people: [(id: String, profile: Profile)]
    private(set) var states: [RelevantState] = []
    /// Each group's leader, as a position in `people`.
    private(set) var leaders: [Int] = []
    /// Each person's group, or -1 for a person the ranking leaves out (no state for the role).
    private(set) var groupOfPerson: [Int]

    /// `numbers`: each person's profile already resolved to numbers, when the caller has them (the same people
    /// ranked for several roles, or read from the store already numbered); a nil entry is resolved from the
    /// profile here, which leaves out a profile the planner refuses.
    ///
    /// `idRanks`: each person's place in the order of their ids (`Text.precedes`), when the caller has it, so
    /// that choosing leaders compares no strings. `among`: the positions to group (ascending), when not everyone.
    init(
        _ people: [(id: String, profile: Profile)], relevance: RoleRelevance, index: CatalogIndex, numbers: [ProfileNumbers?]? = nil, idRanks: [Int]? = nil,
        among: [Int]? = nil
    ) {
        self.people = people
        groupOfPerson = [Int](repeating: -1, count: people.count)
        // Sized for the worst case (everyone alone) once, rather than grown by doubling through 50,000 people.
        var groupOf: [RelevantState: Int] = Dictionary(minimumCapacity: people.count)
        states.reserveCapacity(people.count)
        leaders.reserveCapacity(people.count)
        let precedes = { (left: Int, right: Int) in idRanks.map { $0[left] < $0[right] } ?? Text.precedes(people[left].id, people[right].id) }
        // Most people hold none of a role's skills: they share the empty state, found without building it.
        var emptyGroup: Int?
        for position in among ?? Array(people.indices) {
            let person = people[position]
            let state: RelevantState
            if let numbered = numbers?[position], numbered.done.isEmpty, !relevance.reads(numbered) {
                if let group = emptyGroup {
                    groupOfPerson[position] = group
                    if precedes(position, leaders[group]) { leaders[group] = position }
                    continue
                }
                state = RelevantState(skillEntries: [], courses: [])
            } else {
                let found = numbers?[position].map { relevance.state(of: $0, index: index) } ?? relevance.state(of: person.profile, index: index)
                guard let found else { continue }
                state = found
            }
            // One hash per person: the state's slot is found, and filled with the next group if empty.
            let next = states.count
            let group = Self.valueInserting(&groupOf[state, default: next])
            groupOfPerson[position] = group
            if state.skills.isEmpty, state.courses.isEmpty { emptyGroup = group }
            if group == next {
                states.append(state)
                leaders.append(position)
            } else if precedes(position, leaders[group]) {
                leaders[group] = position
            }
        }
    }

    /// The person's current role; a role a catalog change removed is no current role (the person is ranked
    /// all the same).
    func currentRole(of position: Int, index: CatalogIndex) -> Int32? {
        people[position].profile.role.flatMap { index.roleNumbers[$0] }
    }

    /// Reads a dictionary slot through `subscript(_:default:)`, which stores the default when the key is new.
    private static func valueInserting(_ slot: inout Int) -> Int { slot }
}
