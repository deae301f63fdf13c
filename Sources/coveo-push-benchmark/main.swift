import Foundation

// The benchmark's entry point; everything lives in BenchmarkCommand. The hidden `--serve-emulator PORT` mode
// serves the discard-mode emulator for the emulator scenarios, in its own process.
let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == EmulatorServerProcess.flag, let port = UInt16(arguments[2]) {
    exit(await EmulatorServerProcess.serve(port: port))
}
exit(await BenchmarkCommand.main(arguments))
