import Glibc

/// Starts a detached thread with a given stack, and says when it could not.
///
/// Foundation's `Thread.start()` gives no sign when the system refuses a thread (address space or a thread
/// limit exhausted, as under `prlimit --as`): the body never runs, and a connection handed to it would hang
/// its client forever. `pthread_create` returns the error, so the caller can refuse politely instead.
public enum DetachedThread {
    /// Runs `body` on a new thread; throws (and `body` never runs) when the thread cannot be created.
    public static func start(stackSize: Int, _ body: @escaping @Sendable () -> Void) throws(SystemError) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, stackSize)
        let box = Unmanaged.passRetained(Body(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            throw SystemError("pthread_create", errno: status)
        }
    }

    /// The closure, boxed to cross `pthread_create`'s context pointer.
    private final class Body {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }
}
