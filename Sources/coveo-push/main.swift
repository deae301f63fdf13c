import CoveoPushCLI
import Foundation

ProcessHeap.returnLargeBlocksToTheSystem()

// The first SIGINT or SIGTERM cancels the command (which cleans up, attempts IDLE and prints its summary with
// exit status 130 or 143); a second one exits at once.
let watcher = SignalWatcher()
let environment = CommandEnvironment(interruption: { watcher.interruptionStatus })
let work = Task {
    await CoveoPushCommand(environment: environment).run(Array(CommandLine.arguments.dropFirst()))
}
watcher.start { work.cancel() }
exit(await work.value.rawValue)
