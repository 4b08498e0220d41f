/// A `CompactLists<Int32>` copied to memory read without reference counting or uniqueness checks, for a
/// loop that walks the lists millions of times (`LandmarkCut`). Owned by the class that made it, which
/// calls `deallocate`; indices come from the code that built the lists, never from outside.
struct PinnedLists {
    let offsets: UnsafeMutableBufferPointer<Int32>
    let elements: UnsafeMutableBufferPointer<Int32>

    init(_ lists: CompactLists<Int32>) {
        offsets = .allocate(capacity: lists.offsets.count)
        _ = offsets.initialize(from: lists.offsets)
        elements = .allocate(capacity: lists.elements.count)
        _ = elements.initialize(from: lists.elements)
    }

    subscript(list: Int) -> Slice<UnsafeMutableBufferPointer<Int32>> {
        elements[Int(offsets[list])..<Int(offsets[list + 1])]
    }

    func deallocate() {
        offsets.deallocate()
        elements.deallocate()
    }
}
