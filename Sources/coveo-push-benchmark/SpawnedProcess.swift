import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn` and reaped with `wait4`, so its own peak memory is known
/// (Foundation's `Process` reaps children itself and keeps their resource usage).
///
/// On Linux the peak is the child's `VmHWM`, read every 10 ms until it exits (see ``PeakMemory`` for why not
/// `ru_maxrss`); growth in the last 10 ms before the exit can be missed.
struct SpawnedProcess {
    let pid: pid_t

    /// How a child ended.
    struct Ending {
        /// The exit status, or `nil` when a signal ended it.
        let status: Int32?
        /// The child's peak resident memory in MB (10⁶ bytes).
        let peakRSSMegabytes: Double
    }

    /// Starts `executable` with `arguments`, standard output and error appended to `outputPath`.
    static func start(_ executable: String, _ arguments: [String], outputPath: String) throws -> SpawnedProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard result == 0 else {
            throw ScenarioFailure(description: "cannot start \(executable): error \(result)")
        }
        return SpawnedProcess(pid: pid)
    }

    /// Waits for the child to end.
    func wait() -> Ending {
        var status: Int32 = 0
        var usage = rusage()
        var highWaterBytes = 0
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            highWaterBytes = max(highWaterBytes, PeakMemory.highWaterBytes(process: String(pid)) ?? 0)
            usleep(10_000)
        }
        #if canImport(Darwin)
            let bytes = Double(usage.ru_maxrss)
        #else
            let bytes = Double(highWaterBytes)
        #endif
        let exited = (status & 0x7f) == 0
        return Ending(status: exited ? (status >> 8) & 0xff : nil, peakRSSMegabytes: bytes / 1_000_000)
    }

    /// Kills the child and reaps it.
    func kill() {
        #if canImport(Glibc)
            _ = Glibc.kill(pid, SIGKILL)
        #else
            _ = Darwin.kill(pid, SIGKILL)
        #endif
        _ = wait()
    }
}
