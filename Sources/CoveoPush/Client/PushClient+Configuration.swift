import Foundation

extension PushClient {
    /// Everything a ``PushClient`` needs to know: where to send, as whom, and how hard to try.
    ///
    /// ```swift
    /// var configuration = PushClient.Configuration(
    ///     endpoint: try PushEndpoint(region: .eu),
    ///     organizationId: "myorg",
    ///     credentials: .apiKey(try APIKey(key)))
    /// configuration.userAgentSuffix = "MyCrawler/1.2"
    /// configuration.logHandler = { print($0) }
    /// ```
    public struct Configuration: Sendable {
        /// The Push API base URL (region and environment, or a custom URL such as the emulator's).
        public var endpoint: PushEndpoint
        /// The organization ID.
        public var organizationId: String
        /// The API key or token provider.
        public var credentials: Credentials
        /// Appended to the `User-Agent`, to identify your connector (for example `MyCrawler/1.2`).
        public var userAgentSuffix: String?
        /// How long one Push API request may take (default 60 s).
        public var requestTimeout: Duration = .seconds(60)
        /// How long one upload to a file container may take (default 15 min: containers hold up to 256 MB).
        public var uploadTimeout: Duration = .seconds(900)
        /// When and how often to retry (see ``RetryPolicy``).
        public var retryPolicy: RetryPolicy = .default
        /// The size at which a batch file is closed, in bytes. Default: the 256 MB container limit minus 6 MB of
        /// margin. Any value down to a few KB works (tests use small values); a document is never split, so a
        /// single document larger than the limit travels alone.
        public var batchLimit: Int = PushLimits.maxFileContainerBytes - 6 * PushLimits.megabyte
        /// The size up to which a batch stays in memory before it spills to an owner-only temporary file.
        public var batchMemoryThreshold: Int = PushLimits.megabyte
        /// The most deletions (in bytes of JSON) buffered for one batch; the batch closes past it.
        public var deleteBufferLimit: Int = 8 * PushLimits.megabyte
        /// How many batches upload at once (the commits themselves stay in order).
        public var uploadConcurrency: Int = 4
        /// Receives one event per request and per response. Never sees the key, headers or bodies.
        public var logHandler: (@Sendable (PushLogEvent) -> Void)?
        /// Where batch files past ``batchMemoryThreshold`` and offloaded content are written (owner-only files,
        /// deleted after use).
        public var temporaryDirectory: URL = FileManager.default.temporaryDirectory
        /// A seed for the retry jitter, for reproducible schedules in tests; `nil` draws from the system.
        public var jitterSeed: UInt64?
        /// The wall clock, for HTTP-date `Retry-After` values and default orderingIds.
        public var wallClock: @Sendable () -> Date = { Date() }
        /// How many times an upload refused with 403 (an expired or refused upload URL) gets a new container.
        public var maxContainerRenewals = 3
        /// How many times a batch whose push could not be confirmed is uploaded and pushed again.
        public var maxRepushes = 3

        /// Creates a configuration with the documented defaults.
        public init(endpoint: PushEndpoint, organizationId: String, credentials: Credentials) {
            self.endpoint = endpoint
            self.organizationId = organizationId
            self.credentials = credentials
        }

        /// Checks the configuration.
        ///
        /// - Throws: ``ValidationError`` for an empty organization, nonsensical limits or timeouts.
        public func validate() throws(ValidationError) {
            if organizationId.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError(.emptyIdentifier, .configuration("organizationId"), "the organization ID is empty")
            }
            let positive: [(String, Int)] = [
                ("batchLimit", batchLimit), ("uploadConcurrency", uploadConcurrency),
                ("deleteBufferLimit", deleteBufferLimit),
            ]
            for (name, value) in positive where value <= 0 {
                throw ValidationError(.outOfRange, .configuration(name), "\(name) must be positive, not \(value)")
            }
            if batchLimit > PushLimits.maxFileContainerBytes {
                throw ValidationError(
                    .outOfRange, .configuration("batchLimit"),
                    "batchLimit \(batchLimit) exceeds the \(PushLimits.maxFileContainerBytes)-byte container limit")
            }
            for (name, value) in [("requestTimeout", requestTimeout), ("uploadTimeout", uploadTimeout)]
            where value <= .zero {
                throw ValidationError(.outOfRange, .configuration(name), "\(name) must be positive")
            }
            if maxContainerRenewals < 0 || maxRepushes < 0 || batchMemoryThreshold < 0 {
                throw ValidationError(
                    .outOfRange, .configuration("maxContainerRenewals"), "renewal, re-push and memory limits cannot be negative")
            }
        }
    }
}
