/// An allowed move from one role to another.
public struct Transition: Sendable, Hashable {
    public var from: String
    public var to: String
    public var kind: Kind
    public var source: CatalogLocation

    public init(from: String, to: String, kind: Kind, source: CatalogLocation = CatalogLocation(file: "", line: 0)) {
        self.from = from
        self.to = to
        self.kind = kind
        self.source = source
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case promotion
        case lateral
        case secondment
    }
}
