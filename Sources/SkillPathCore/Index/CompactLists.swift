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

    /// Builds `count` lists from (list, element) pairs by counting sort: two passes, no list of its own per
    /// key. Within a list, elements keep the order of `pairs` (callers sort the pairs first when they need an
    /// order inside each list).
    init(count: Int, pairs: [(list: Int32, element: Element)]) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for pair in pairs { offsets[Int(pair.list) + 1] += 1 }
        for list in 0..<count { offsets[list + 1] += offsets[list] }
        var next = offsets
        self.offsets = offsets
        // No pairs: a plain empty array. (`Array(unsafeUninitializedCapacity: 0)` writes the count into the
        // shared empty-array singleton, which ThreadSanitizer rightly reports when two threads do it.)
        guard !pairs.isEmpty else {
            self.elements = []
            return
        }
        // Every slot is written exactly once: the counts above reserve one per pair.
        self.elements = Array(unsafeUninitializedCapacity: pairs.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            for pair in pairs {
                (base + Int(next[Int(pair.list)])).initialize(to: pair.element)
                next[Int(pair.list)] += 1
            }
            initialized = pairs.count
        }
    }

    mutating func append(_ list: some Sequence<Element>) {
        elements.append(contentsOf: list)
        offsets.append(Int32(elements.count))
    }

    /// Adds an element to the list being built; `closeList()` ends it. Cheaper than building each list as a
    /// sequence of its own in hot paths.
    mutating func appendToLast(_ element: Element) {
        elements.append(element)
    }

    mutating func closeList() {
        offsets.append(Int32(elements.count))
    }

    mutating func reserveCapacity(lists: Int, elements count: Int) {
        offsets.reserveCapacity(lists + 1)
        elements.reserveCapacity(count)
    }

    var count: Int { offsets.count - 1 }

    subscript(index: Int) -> ArraySlice<Element> {
        elements[Int(offsets[index])..<Int(offsets[index + 1])]
    }

    subscript(index: Int32) -> ArraySlice<Element> {
        self[Int(index)]
    }
}
