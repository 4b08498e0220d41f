import Dispatch
import Locking

/// A value computed on a global queue while the caller does other work; `value` waits for it.
final class BackgroundResult<Value: Sendable>: Sendable {
    private let result = Locked<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [result] in
            let value = work()
            result.withLock(waking: .all) { $0 = value }
        }
    }

    var value: Value {
        result.wait { $0 }
    }
}
