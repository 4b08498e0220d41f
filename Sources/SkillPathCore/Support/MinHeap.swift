/// A binary min-heap of integers: the closure takes the smallest-numbered ready course first, which makes
/// every order it produces the smallest by id among the valid ones.
struct MinHeap<Element: Comparable> {
    private var storage: [Element] = []

    var isEmpty: Bool { storage.isEmpty }

    /// The smallest element, without removing it.
    var top: Element? { storage.first }

    /// Empties the heap, keeping its storage for reuse.
    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }

    mutating func push(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if storage[parent] <= storage[child] { break }
            storage.swapAt(parent, child)
            child = parent
        }
    }

    init() {}

    /// A heap of `elements` built in linear time (bottom-up), for a search that takes only the first few of
    /// many.
    init(heapifying elements: [Element]) {
        storage = elements
        for parent in stride(from: storage.count / 2 - 1, through: 0, by: -1) { siftDown(from: parent) }
    }

    mutating func pop() -> Element? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let top = storage.removeLast()
        siftDown(from: 0)
        return top
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < storage.count && storage[left] < storage[smallest] { smallest = left }
            if right < storage.count && storage[right] < storage[smallest] { smallest = right }
            if smallest == parent { break }
            storage.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
