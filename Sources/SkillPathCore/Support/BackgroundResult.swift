import Dispatch

/// A value computed on a global queue while the caller does other work; `value` waits for it.
/// `@unchecked Sendable`: `result` is written once before `done` is signalled and read only after waiting.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
