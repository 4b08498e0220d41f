/// A catalog that failed validation: the errors that rejected it and the warnings found on the way.
public struct CatalogRejection: Error, Sendable, CustomStringConvertible {
    public var errors: [CatalogDiagnostic]
    public var warnings: [CatalogDiagnostic]

    public init(errors: [CatalogDiagnostic], warnings: [CatalogDiagnostic]) {
        self.errors = errors
        self.warnings = warnings
    }

    public var description: String {
        let noun = errors.count == 1 ? "error" : "errors"
        return "catalog rejected with \(errors.count) \(noun):\n" + errors.map(\.description).joined(separator: "\n")
    }
}
