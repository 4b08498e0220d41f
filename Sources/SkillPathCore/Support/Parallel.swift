import Dispatch
import Foundation
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

    /// `body` for 0..<count, in that order, shared among up to four cores when there are at least `parallelFrom`
    /// pieces (each must be independent of the others, so the answer does not depend on which finished first);
    /// the first error by position is thrown, after all have run. Each core takes the next piece when it is
    /// free: pieces differ in cost (one role's bench can take ten times another's), and a fixed share would
    /// leave a core idle while the other finishes its dear ones.
    static func map<Value: Sendable, Failure: Error>(
        count: Int, parallelFrom: Int, _ body: @Sendable (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        var results = [Result<Value, Failure>?](repeating: nil, count: count)
        let workers = count < max(parallelFrom, 2) ? 1 : min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeSendable(buffer)
            let taken = Locked(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let position = taken.withLock { next in
                        defer { next += 1 }
                        return next
                    }
                    guard position < count else { return }
                    output.value[position] = Result { () throws(Failure) in try body(position) }
                }
            }
        }
        // `concurrentPerform` returns once every position is filled.
        var values: [Value] = []
        values.reserveCapacity(count)
        for case let result? in results { values.append(try result.get()) }
        return values
    }

    /// Never thrown: `concurrentPerform` returns only once every part has run.
    enum ParallelError: Error { case unfinished }
}
