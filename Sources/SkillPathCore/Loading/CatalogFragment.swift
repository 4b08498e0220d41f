/// What one catalog file contributes, before the files are merged and cross-checked.
struct CatalogFragment: Sendable {
    var skills: [Skill] = []
    var courses: [Course] = []
    var roles: [Role] = []
    var transitions: [Transition] = []
    var diagnostics: [CatalogDiagnostic] = []
}
