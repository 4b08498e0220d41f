/// What an upsert batch does with its valid rows when some rows are rejected.
///
/// An HRIS import is all-or-nothing by default (docs/cli.md): the CLI first sends every batch as a
/// `dryRun`, which reports what would be rejected and writes nothing, then sends them `atomic`, so that a
/// batch whose rows changed meanwhile is refused whole rather than half written. `perRow` is the API's
/// default and the CLI's `--keep-going`: each invalid row is reported and the valid ones are written.
public enum UpsertMode: String, Sendable, CaseIterable {
    case perRow
    case atomic
    case dryRun
}
