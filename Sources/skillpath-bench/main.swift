// Benchmarks in release mode: `swift run -c release skillpath-bench --help`. Figures go to docs/benchmarks.md.
import Foundation

exit(BenchmarkCommand.run(Array(CommandLine.arguments.dropFirst())))
