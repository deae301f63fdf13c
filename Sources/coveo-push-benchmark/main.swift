import Foundation

// The benchmark's entry point; everything lives in BenchmarkCommand.
exit(await BenchmarkCommand.main(CommandLine.arguments))
