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
        /// The Platform API base URL (fields, sources, providers, privileges), such as a proxy's; `nil` derives it
        /// from ``endpoint``: `https://platform[-region].cloud.coveo.com` for Coveo's hosts, the origin of a
        /// loopback endpoint. A custom, non-loopback endpoint needs it for Platform requests. See ``baseURL(for:)``.
        public var platformURL: URL?
        /// The Logs API base URL (`…/logs/v1`); `nil` derives it from ``endpoint`` (or from ``platformURL``) as
        /// ``baseURL(for:)`` says.
        public var logsURL: URL?
        /// The organization ID.
        public var organizationId: String
        /// The API key or token provider.
        public var credentials: Credentials
        /// Appended to the `User-Agent`, to identify your connector (for example `MyCrawler/1.2`).
        public var userAgentSuffix: String?
        /// How long one Push API request may take (default 60 s).
        public var requestTimeout: Duration = .seconds(60)
        /// How long one Logs API request may take (default 120 s: Coveo says a call can take up to a minute).
        public var logsRequestTimeout: Duration = .seconds(120)
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

        /// The base URL of an API for this configuration.
        ///
        /// | API | Explicit | Derived from ``endpoint`` (Coveo host) | From a loopback endpoint `http://127.0.0.1:P/push/v1` |
        /// |---|---|---|---|
        /// | ``CoveoAPI/push`` | ``endpoint`` | — | — |
        /// | ``CoveoAPI/platform`` | ``platformURL`` | `https://platform[-ca\|-eu\|-au\|hipaa].cloud.coveo.com` | `http://127.0.0.1:P` |
        /// | ``CoveoAPI/logs`` | ``logsURL`` | `https://api[-ca\|-eu\|-au\|hipaa].cloud.coveo.com/logs/v1` | `http://127.0.0.1:P/logs/v1` |
        ///
        /// Without an explicit Logs URL, a Platform URL of a Coveo or loopback host gives the Logs URL the same way.
        /// A custom, non-loopback endpoint (a proxy) derives nothing: the Platform and Logs URLs must be given.
        ///
        /// ```swift
        /// var configuration = PushClient.Configuration(endpoint: .eu, organizationId: "acme", credentials: key)
        /// try configuration.baseURL(for: .platform)  // https://platform-eu.cloud.coveo.com
        /// ```
        ///
        /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/missingSetting`` naming `platformURL`
        ///   or `logsURL` when the URL can be neither given nor derived, ``ValidationError/Rule/conflictingSettings``
        ///   when an explicit URL of a Coveo host is in another region or environment than ``endpoint``, or
        ///   ``ValidationError/Rule/insecureURL`` / ``ValidationError/Rule/invalidURL`` for an explicit URL that is
        ///   not acceptable.
        public func baseURL(for api: CoveoAPI) throws(ValidationError) -> URL {
            try apiBaseURLs().baseURL(for: api)
        }

        /// The three base URLs, resolved.
        func apiBaseURLs() throws(ValidationError) -> APIBaseURLs {
            try APIBaseURLs(endpoint: endpoint, platformURL: platformURL, logsURL: logsURL)
        }

        /// Checks the configuration.
        ///
        /// A Platform or Logs URL that cannot be derived is not an error here: only the requests to that API fail.
        ///
        /// - Throws: ``ValidationError`` for an empty organization, nonsensical limits or timeouts, or an explicit
        ///   Platform or Logs URL that is not acceptable or contradicts ``endpoint``.
        public func validate() throws(ValidationError) {
            _ = try apiBaseURLs()
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
            for (name, value) in [
                ("requestTimeout", requestTimeout), ("uploadTimeout", uploadTimeout),
                ("logsRequestTimeout", logsRequestTimeout),
            ]
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
