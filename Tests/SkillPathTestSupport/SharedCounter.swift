import Synchronization

/// A counter that concurrent test clients add to.
public final class SharedCounter: Sendable {
    private let count = Atomic<Int>(0)

    public init() {}

    public func add() { count.add(1, ordering: .relaxed) }

    public var value: Int { count.load(ordering: .relaxed) }
}
