import Foundation

// The benchmark's entry point; everything lives in BenchmarkCommand. The hidden `--serve-emulator PORT` mode
// serves the discard-mode emulator for the emulator scenarios (`--serve-emulator PORT keep`: one keeping items), in
// its own process.
let arguments = CommandLine.arguments
if (3...4).contains(arguments.count), arguments[1] == EmulatorServerProcess.flag, let port = UInt16(arguments[2]) {
    let keeping = arguments.count == 4 && arguments[3] == EmulatorServerProcess.keepWord
    exit(await EmulatorServerProcess.serve(port: port, keeping: keeping))
}
exit(await BenchmarkCommand.main(arguments))
