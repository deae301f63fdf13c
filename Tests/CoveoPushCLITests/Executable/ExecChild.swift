import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child run of `coveo-push` ended, with everything it wrote.
struct ExecResult: Sendable, CustomStringConvertible {
    /// The exit status, or the signal number when the child died of a signal.
    var status: Int32
    /// `true` when the child called `exit` (rather than dying of a signal).
    var exitedNormally: Bool
    /// `true` when the child outlived its timeout and was killed with SIGKILL.
    var timedOut: Bool
    var stdout: String
    var stderr: String
    /// From the start of the child to its exit.
    var elapsed: Duration

    /// Standard output and standard error together.
    var output: String { stdout + "\n" + stderr }

    /// The non-empty lines of standard output.
    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Whether the child exited by itself with `code`.
    func exited(with code: Int32) -> Bool { exitedNormally && !timedOut && status == code }

    /// For `#expect` messages.
    var description: String {
        let how = timedOut ? "TIMED OUT, killed" : (exitedNormally ? "exit \(status)" : "signal \(status)")
        return "[\(how) after \(elapsed)]\n--- stdout ---\n\(Self.abridged(stdout))\n--- stderr ---\n\(Self.abridged(stderr))"
    }

    /// The first 4,000 characters of a long output.
    private static func abridged(_ text: String) -> String {
        text.count <= 4_000 ? text : String(text.prefix(4_000)) + "… (\(text.count) characters)"
    }
}

/// Why the executable could not be run.
struct ExecChildError: Error, CustomStringConvertible {
    var description: String
}

/// One run of the real `coveo-push` executable as a child process.
///
/// Its standard output and error go to files (no pipe can fill up and block it), standard input is /dev/null,
/// and its environment is exactly the one given. The exit is awaited with `terminationHandler` and a
/// continuation, never by blocking a thread of the cooperative pool. A child still running when the object is
/// released (a test that threw early) is killed with SIGKILL.
final class ExecChild: @unchecked Sendable {
    private let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL
    private let lock = NSLock()
    private var finished: (status: Int32, normal: Bool)?
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var killedForTimeout = false
    private var started: ContinuousClock.Instant?
    /// Kept alive as long as the child (its sandbox holds the working directory and the output files).
    private let owner: AnyObject?

    /// Prepares a child.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - environment: The whole environment of the child.
    ///   - directory: Its working directory.
    ///   - outputDirectory: Where its stdout and stderr files go.
    ///   - owner: An object to keep alive with the child (the sandbox holding its folders).
    init(
        _ arguments: [String], environment: [String: String], directory: URL, outputDirectory: URL,
        owner: AnyObject? = nil
    ) throws {
        self.owner = owner
        let name = "child-\(UUID().uuidString.prefix(8))"
        stdoutURL = outputDirectory.appendingPathComponent("\(name).stdout")
        stderrURL = outputDirectory.appendingPathComponent("\(name).stderr")
        process.executableURL = try Self.executableURL()
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        for url in [stdoutURL, stderrURL] {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw ExecChildError(description: "cannot create \(url.path)")
            }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.terminationHandler = { [weak self] child in
            self?.record(status: child.terminationStatus, normal: child.terminationReason == .exit)
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts the child.
    func start() throws {
        lock.lock()
        started = .now
        lock.unlock()
        try process.run()
    }

    /// The child's process ID.
    var pid: Int32 { process.processIdentifier }

    /// Whether the child has not exited yet.
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished == nil
    }

    /// Sends a signal to the child.
    func send(_ signal: Int32) {
        if isRunning { kill(process.processIdentifier, signal) }
    }

    /// What the child wrote on standard output so far.
    func stdoutSoFar() -> String {
        (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
    }

    /// Waits for the child to exit; past `timeout` it is killed with SIGKILL and the result says so.
    func waitForExit(timeout: Duration = .seconds(180)) async -> ExecResult {
        let timer = Task.detached { [self] in
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            killForTimeout()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            enqueue(continuation)
        }
        timer.cancel()
        let (status, normal, timedOut, elapsed) = outcome()
        return ExecResult(
            status: status, exitedNormally: normal, timedOut: timedOut,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "",
            elapsed: elapsed)
    }

    /// Kills a child still running when its time is up.
    private func killForTimeout() {
        lock.lock()
        let running = finished == nil
        if running { killedForTimeout = true }
        lock.unlock()
        if running { kill(process.processIdentifier, SIGKILL) }
    }

    /// Resumes `continuation` once the child has exited (at once if it already has).
    private func enqueue(_ continuation: CheckedContinuation<Void, Never>) {
        lock.lock()
        if finished != nil {
            lock.unlock()
            continuation.resume()
        } else {
            waiters.append(continuation)
            lock.unlock()
        }
    }

    private func outcome() -> (status: Int32, normal: Bool, timedOut: Bool, elapsed: Duration) {
        lock.lock()
        defer { lock.unlock() }
        let (status, normal) = finished ?? (-1, false)
        return (status, normal, killedForTimeout, started.map { ContinuousClock.now - $0 } ?? .zero)
    }

    private func record(status: Int32, normal: Bool) {
        lock.lock()
        finished = (status, normal)
        let ready = waiters
        waiters = []
        lock.unlock()
        for waiter in ready { waiter.resume() }
    }

    // MARK: - Finding the executable

    private static let located: Result<URL, ExecChildError> = locate()

    /// The `coveo-push` executable built next to the test bundle.
    static func executableURL() throws -> URL {
        try located.get()
    }

    /// Walks up from the test bundle and from the test runner's path to the folder holding `coveo-push`.
    private static func locate() -> Result<URL, ExecChildError> {
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap { $0 }
        starts += Bundle.allBundles.map(\.bundleURL)
        if let first = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: first).standardizedFileURL)
        }
        var searched: [String] = []
        for start in starts {
            var directory = start
            for _ in 0..<5 {
                let candidate = directory.appendingPathComponent("coveo-push")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return .success(candidate)
                }
                searched.append(directory.path)
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return .failure(
            ExecChildError(
                description: "the coveo-push executable was not found next to the tests; searched "
                    + Set(searched).sorted().joined(separator: ", ")
                    + ". Build it with `swift build --build-tests` (the test target depends on it)."))
    }
}
