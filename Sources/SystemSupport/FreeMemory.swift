import Glibc

/// Hands memory the allocator keeps after a burst back to the system.
///
/// glibc keeps freed memory in per-thread arenas; a daemon that served a thousand connections at once keeps
/// their high-water mark resident long after they closed. `malloc_trim` returns it. Swift's Glibc module does
/// not export it, so it is looked up once by name; where it does not exist this does nothing.
public enum FreeMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    private static let option: Option? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
        return unsafeBitCast(symbol, to: Option.self)
    }()

    /// Keeps a burst of large requests from pinning memory the daemon no longer uses. By default glibc gives
    /// each of up to 8 × cores threads an arena of its own that keeps its high-water mark, and raises its
    /// threshold for mapping large blocks after each one freed, so a 12 MiB array parsed on one connection's
    /// thread stays resident in that arena. Bounding the arenas, and fixing the threshold so that every block
    /// over 4 MiB is mapped and unmapped on its own, gives that memory back as soon as it is freed; smaller
    /// blocks, a plan's working arrays among them, are reused from the arenas (mapping each would cost a
    /// fifth of a plan's time). Measured in docs/benchmarks.md (hostile callers). Call once, at start,
    /// before the threads.
    public static func limitRetention(arenas: Int32, mapAbove bytes: Int32 = 4 << 20) {
        let arenaMaximum: Int32 = -8, mapThreshold: Int32 = -3
        _ = option?(arenaMaximum, arenas)
        _ = option?(mapThreshold, bytes)
    }

    /// Whether this C library can return free heap memory (glibc can).
    public static var canRelease: Bool { trim != nil }

    /// Returns free heap memory to the system. Takes milliseconds on a large heap: call it when idle.
    public static func release() {
        _ = trim?(0)
    }
}
