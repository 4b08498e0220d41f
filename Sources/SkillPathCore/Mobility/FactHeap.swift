/// A binary min-heap of (value, fact) pairs in memory of its own, for `LandmarkCut`'s h_max passes: the
/// smallest value first, the lowest fact among equals (so the passes are the same from run to run). Grows by
/// doubling when a pass pushes more than it was sized for; freed by its owner (`deallocate`).
struct FactHeap {
    private var values: UnsafeMutablePointer<Int64>
    private var facts: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        values = .allocate(capacity: self.capacity)
        facts = .allocate(capacity: self.capacity)
    }

    mutating func removeAll() {
        count = 0
    }

    mutating func push(value: Int64, fact: Int32) {
        if count == capacity { grow() }
        var child = count
        count += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(value, fact, values[parent], facts[parent]) else { break }
            values[child] = values[parent]
            facts[child] = facts[parent]
            child = parent
        }
        values[child] = value
        facts[child] = fact
    }

    mutating func pop() -> (value: Int64, fact: Int32)? {
        guard count > 0 else { return nil }
        let top = (values[0], facts[0])
        count -= 1
        let value = values[count]
        let fact = facts[count]
        var parent = 0
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, Self.precedes(values[child + 1], facts[child + 1], values[child], facts[child]) { child += 1 }
            guard Self.precedes(values[child], facts[child], value, fact) else { break }
            values[parent] = values[child]
            facts[parent] = facts[child]
            parent = child
        }
        values[parent] = value
        facts[parent] = fact
        return top
    }

    func deallocate() {
        values.deallocate()
        facts.deallocate()
    }

    private static func precedes(_ value: Int64, _ fact: Int32, _ otherValue: Int64, _ otherFact: Int32) -> Bool {
        value != otherValue ? value < otherValue : fact < otherFact
    }

    private mutating func grow() {
        let larger = capacity * 2
        let grownValues = UnsafeMutablePointer<Int64>.allocate(capacity: larger)
        let grownFacts = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        grownValues.moveInitialize(from: values, count: count)
        grownFacts.moveInitialize(from: facts, count: count)
        values.deallocate()
        facts.deallocate()
        values = grownValues
        facts = grownFacts
        capacity = larger
    }
}
