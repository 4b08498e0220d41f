/// What kind of move a change of role is, and where that answer came from.
///
/// The catalog's transitions decide when one leads from the old role to the new one; otherwise the kind the
/// caller gave; otherwise `lateral`. A transition wins over a given promotion or lateral move because the
/// catalog is the organisation's own definition of its career moves (the reply says which one decided). A
/// given secondment always stays one: being temporary is a fact of the arrangement, not of the two roles,
/// and a lateral transition between them says what a permanent move would be.
public struct MoveKind: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case transition, given, `default`
    }

    public var kind: Transition.Kind
    public var origin: Origin

    public init(kind: Transition.Kind, origin: Origin) {
        self.kind = kind
        self.origin = origin
    }

    /// The kind of a move from `from` to `to`. With several transitions between the two roles, the given
    /// kind is taken when one of them has it, otherwise the first in promotion, lateral, secondment order.
    public static func resolve(from: String, to: String, given: Transition.Kind?, catalog: Catalog) -> MoveKind {
        let kinds = transitionKinds(from: from, to: to, catalog: catalog)
        if let given, kinds.contains(given) { return MoveKind(kind: given, origin: .transition) }
        if given == .secondment { return MoveKind(kind: .secondment, origin: .given) }
        if let first = Transition.Kind.allCases.first(where: kinds.contains) { return MoveKind(kind: first, origin: .transition) }
        if let given { return MoveKind(kind: given, origin: .given) }
        return MoveKind(kind: .lateral, origin: .default)
    }

    /// The kind of a permanent move (a secondment converted, a position filled): secondment transitions do
    /// not count, since the move is not temporary.
    public static func permanent(from: String, to: String, catalog: Catalog) -> MoveKind {
        let kinds = transitionKinds(from: from, to: to, catalog: catalog).subtracting([.secondment])
        if let first = Transition.Kind.allCases.first(where: kinds.contains) { return MoveKind(kind: first, origin: .transition) }
        return MoveKind(kind: .lateral, origin: .default)
    }

    /// The kinds of the catalog's transitions from one role to another, from the index: the moves out of
    /// `from`, not every transition of the catalog (O*NET has 10,000; an HRIS import resolves a move per row).
    static func transitionKinds(from: String, to: String, catalog: Catalog) -> Set<Transition.Kind> {
        let index = catalog.index
        guard let origin = index.roleNumbers[from], let target = index.roleNumbers[to] else { return [] }
        return Set(index.movesFrom[origin].lazy.filter { $0.role == target }.map(\.kind))
    }
}
