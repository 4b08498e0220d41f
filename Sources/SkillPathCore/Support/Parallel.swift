import Dispatch
import Locking

/// Two independent pieces of work run side by side: a report whose reads do not depend on each other waits
/// for the longer one only.
public enum Parallel {
    /// Both results; an error of either is thrown (the first's when both fail), after both have finished.
    public static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () throws -> First, _ second: @Sendable () throws -> Second
    ) throws -> (First, Second) {
        let results = Locked<(first: Result<First, any Error>?, second: Result<Second, any Error>?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let result = Result { try first() }
                results.withLock { $0.first = result }
            } else {
                let result = Result { try second() }
                results.withLock { $0.second = result }
            }
        }
        let (first, second) = results.withLock { $0 }
        guard let first, let second else { throw ParallelError.unfinished }
        return (try first.get(), try second.get())
    }

    /// Never thrown: `concurrentPerform` returns only once every part has run.
    enum ParallelError: Error { case unfinished }
}
