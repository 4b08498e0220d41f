import Locking

/// Hands out `ReachScratch`es, one plan at a time each, and keeps them for the next plans: as many exist as
/// plans have ever run at once (in the daemon, about the number of busy connections).
final class ScratchPool: Sendable {
    private let free = Locked<[ReachScratchBox]>([])

    func withScratch<Result>(index: CatalogIndex, _ body: (ReachScratch) -> Result) -> Result {
        let box = free.withLock { $0.popLast() } ?? ReachScratchBox(ReachScratch(index: index))
        defer {
            box.scratch.reset()
            free.withLock { $0.append(box) }
        }
        return body(box.scratch)
    }
}

/// `@unchecked Sendable`: the pool moves a scratch between threads only through its lock, and one plan at a
/// time uses it (see `ScratchPool.withScratch`).
final class ReachScratchBox: @unchecked Sendable {
    let scratch: ReachScratch
    init(_ scratch: ReachScratch) { self.scratch = scratch }
}
