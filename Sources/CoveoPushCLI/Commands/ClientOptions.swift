import CoveoPush

/// The options of every subcommand that sends requests: timeouts, retries, proxy, logging, dry run and output form.
enum ClientOptions {
    static let timeout = "--timeout"
    static let maxAttempts = "--max-attempts"
    static let verbose = "--verbose"
    static let logFile = "--log-file"
    static let dryRun = "--dry-run"
    static let json = "--json"
    static let proxy = "--proxy"

    static let specs: [OptionSpec] = [
        .value(timeout, "SECONDS", "per-request timeout (default 60)"),
        .value(maxAttempts, "N", "attempts per request, the first included (default 10)"),
        .value(proxy, "URL", "send every request through this HTTP proxy: http://[user:password@]host:port"),
        .flag(verbose, "one log line per request with its response code, on standard error"),
        .value(logFile, "PATH", "append the request log lines to a file"),
        .flag(dryRun, "send nothing; print each request that would be sent as one JSON line"),
        .flag(json, "print the closing summary as one JSON object on standard output"),
    ]
}
