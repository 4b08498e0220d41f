import SystemSupport
import Testing

/// The daemon gives freed memory back after long requests (`HeapTrim`) and when its last connection closes:
/// on glibc, the C library the daemon is built for, `malloc_trim` is found, so the resident figures of
/// docs/benchmarks.md hold.
@Suite struct HeapTrimTests {
    @Test func glibcsTrimIsFound() {
        #expect(FreeMemory.canRelease)
    }
}
