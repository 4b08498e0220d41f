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

    /// Returns free heap memory to the system. Takes milliseconds on a large heap: call it when idle.
    public static func release() {
        _ = trim?(0)
    }
}
