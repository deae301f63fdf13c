import CoveoPushCLI
import Foundation

let work = Task {
    await CoveoPushCommand().run(Array(CommandLine.arguments.dropFirst()))
}
let watcher = SignalWatcher { work.cancel() }
let status = await work.value
exit(watcher.exitStatus(status))
