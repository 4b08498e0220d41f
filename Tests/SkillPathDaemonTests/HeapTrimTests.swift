@testable import SkillPathDaemon
import Testing

/// The daemon gives freed memory back after long requests (`HeapTrim`): on glibc, the C library the daemon is
/// built for, the trim is found, so the resident figures of docs/benchmarks.md hold.
@Suite struct HeapTrimTests {
    @Test func glibcsTrimIsFound() {
        #expect(HeapTrim.isAvailable)
    }
}
