import Dispatch
import Locking

/// A value computed on a global queue while the caller does other work; `value` waits for it.
final class BackgroundResult<Value: Sendable>: Sendable {
    private let result = Locked<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)
    private let work: @Sendable () -> Value

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global().async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    var value: Value {
        done.wait()
        done.signal()
        // Set before `done` is signalled; computing again is only a fallback the type system asks for.
        return result.withLock { $0 } ?? work()
    }
}
