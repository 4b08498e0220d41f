/// Many short lists stored in one array with offsets (compressed sparse rows).
///
/// The planner walks these lists millions of times per second; one contiguous buffer keeps them in cache and
/// costs two allocations however many lists there are.
struct CompactLists<Element: Sendable>: Sendable {
    private(set) var offsets: [Int32]
    private(set) var elements: [Element]

    init() {
        offsets = [0]
        elements = []
    }

    /// Builds the lists in order: `lists[i]` becomes list `i`.
    init(_ lists: some Sequence<some Sequence<Element>>) {
        self.init()
        for list in lists { append(list) }
    }

    mutating func append(_ list: some Sequence<Element>) {
        elements.append(contentsOf: list)
        offsets.append(Int32(elements.count))
    }

    var count: Int { offsets.count - 1 }

    subscript(index: Int) -> ArraySlice<Element> {
        elements[Int(offsets[index])..<Int(offsets[index + 1])]
    }

    subscript(index: Int32) -> ArraySlice<Element> {
        self[Int(index)]
    }
}
