import SkillPathJSON

/// What the model knows the daemon acknowledged, kept apart from the product's code: the people of one
/// sequence, their roles and completions, the assignments made for them and the events sent. Every check
/// compares the daemon's answers with this.
struct OrganisationModel {
    struct Person {
        var id: String
        var email: String
        var role: String
        var completed: Set<String> = []
        /// Preferences once set: formats and weekly hours.
        var preferences: (formats: [String], hoursPerWeek: Int?)?
        /// The day of the latest move, which a new move may not precede.
        var lastMove: ModelDay?
        /// Each skill's level, counted level and source as last read: what the next change is audited from.
        var standing: [String: Standing] = [:]
    }

    /// A skill as employees.get shows it and the audit trail records it.
    struct Standing: Equatable, CustomStringConvertible {
        var level: Int
        var counts: Int
        var source: String

        var description: String { "\(level) (counts \(counts), \(source))" }
    }

    struct Assignment {
        enum State: Equatable {
            case active
            case cancelled
            /// Closed by a move into its role.
            case roleReached
            /// Every planned course done.
            case coursesDone
        }

        var id: Int
        var employee: String
        var target: String
        var state: State
    }

    /// An event the daemon recorded, by the id it was sent with, and exactly what was sent.
    struct Event {
        var id: String
        var params: JSONValue
        var employee: String
        var course: String
        var completed: Bool
        /// The moment given, if any.
        var at: String?

        /// The same event, by the daemon's rule: the same person, course and status; a retry may leave the
        /// moment out, and naming one it must be the one first given.
        func isRetried(by other: Event) -> Bool {
            employee == other.employee && course == other.course && completed == other.completed && (other.at == nil || other.at == at)
        }
    }

    let prefix: String
    let manager: String
    var people: [Person] = []
    /// How many were hired, leavers included: the next hire's number (an id is never given twice).
    var hired = 0
    var assignments: [Assignment] = []
    var events: [Event] = []
    var statements: [Event] = []
    var nextEvent = 0
    /// The highest id seen of each kind: a new one must be higher (ids are never reused).
    var highestID: [String: Int] = [:]
    /// The newest audit entry already checked, per person.
    var auditSeen: [String: Int] = [:]

    init(prefix: String) {
        self.prefix = prefix
        manager = "\(prefix)boss"
    }

    func person(_ index: Int) -> Person? {
        people.isEmpty ? nil : people[index % people.count]
    }

    mutating func update(_ id: String, _ change: (inout Person) -> Void) {
        if let index = people.firstIndex(where: { $0.id == id }) { change(&people[index]) }
    }

    /// The person now holds `role`: their active assignments to it are reached.
    mutating func moved(_ id: String, to role: String, on day: ModelDay) {
        update(id) { person in
            person.role = role
            person.lastMove = max(person.lastMove ?? day, day)
        }
        for index in assignments.indices where assignments[index].employee == id && assignments[index].target == role && assignments[index].state == .active {
            assignments[index].state = .roleReached
        }
    }

    /// A new id of a kind; nil when it is fresh, else why not.
    mutating func noteID(_ id: Int, kind: String) -> String? {
        defer { highestID[kind] = max(highestID[kind] ?? 0, id) }
        guard let highest = highestID[kind], id <= highest else { return nil }
        return "\(kind) id \(id) is not above \(highest), an id already seen: reused"
    }

    mutating func freshEventID() -> String {
        nextEvent += 1
        return "\(prefix)ev-\(nextEvent)"
    }
}
