/// An employee's application to an open opportunity, and every step it went through.
///
/// The hiring side moves it applied → shortlisted → offered → accepted, or declines it at any of those
/// stages; the applicant may withdraw it until it is accepted. Accepting fills a seat of the opportunity,
/// which records the move; once the opportunity has no seat left, or is withdrawn, the applications still
/// open are closed, saying why (docs/mobility.md, "Applications").
public struct ApplicationRecord: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case applied, shortlisted, offered, accepted, declined, withdrawn, closed

        /// Still waiting for a decision.
        public var isActive: Bool { self == .applied || self == .shortlisted || self == .offered }

        /// Where the hiring side may move an application from here.
        public var next: [Status] {
            switch self {
            case .applied: [.shortlisted, .declined]
            case .shortlisted: [.offered, .declined]
            case .offered: [.accepted, .declined]
            case .accepted, .declined, .withdrawn, .closed: []
            }
        }
    }

    /// One change of status: to what, when, by whom, and why when they said.
    public struct Step: Sendable, Equatable {
        public var status: Status
        public var at: String
        public var by: String
        public var note: String?

        public init(status: Status, at: String, by: String, note: String?) {
            self.status = status
            self.at = at
            self.by = by
            self.note = note
        }
    }

    public var id: Int64
    public var opportunity: Int64
    public var employee: String
    public var status: Status
    /// Hidden from the applicant's own managers until shortlisted.
    public var confidential: Bool
    public var steps: [Step]

    public init(id: Int64, opportunity: Int64, employee: String, status: Status, confidential: Bool, steps: [Step]) {
        self.id = id
        self.opportunity = opportunity
        self.employee = employee
        self.status = status
        self.confidential = confidential
        self.steps = steps
    }

    /// Whether it was ever shortlisted: from then on, confidential or not, the applicant's managers see it.
    public var wasShortlisted: Bool { steps.contains { $0.status == .shortlisted } }

    /// The longest note a step keeps, in characters.
    public static let maximumNote = 2_000
}
