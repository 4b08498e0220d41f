/// The caller may not do this: the rule that refused (a name from docs/access.md), why, and the method.
/// It says nothing about anyone else's data.
public struct AccessRefusal: Error, Sendable, Equatable {
    public var rule: String
    public var message: String
    public var method: String

    public init(_ rule: String, _ message: String, method: String) {
        self.rule = rule
        self.message = message
        self.method = method
    }
}
