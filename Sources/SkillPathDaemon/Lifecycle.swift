/// The daemon's life as a state machine: each event returns what to do, so no flags are scattered around.
enum Lifecycle: Equatable {
    case starting
    case serving
    case draining
    case stopped

    enum StopAction: Equatable {
        /// Stop accepting, finish in-flight requests, exit.
        case drain
        /// A stop is already under way (a second SIGTERM, say): nothing more to do.
        case none
    }

    mutating func serve() {
        if self == .starting { self = .serving }
    }

    mutating func stop() -> StopAction {
        switch self {
        case .starting, .serving:
            self = .draining
            return .drain
        case .draining, .stopped:
            return .none
        }
    }

    mutating func finish() {
        self = .stopped
    }
}
