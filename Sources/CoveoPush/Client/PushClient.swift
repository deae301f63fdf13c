import Foundation

/// The Push API client: typed operations, retries with `Retry-After`, a throttle shared by every request, and
/// ordered, size-bounded batching through file containers.
///
/// ```swift
/// let client = try PushClient(configuration: configuration)
/// let report = try await client.withStatus(.incremental, sourceId: "my-source") {
///     try await client.push(documents, sourceId: "my-source")
/// }
/// print(report)
/// ```
///
/// The actor only owns shared state (the current token, the jitter source, counters); requests are built,
/// encoded and sent outside its isolation, so concurrent uploads really run concurrently.
public actor PushClient {
    /// The configuration, fixed for the client's life.
    public nonisolated let configuration: Configuration
    /// The transport every request goes through.
    nonisolated let transport: any Transport
    /// The clock used for backoff, throttling and timing.
    nonisolated let clock: any Clock<Duration>
    /// Builds requests for the configured endpoint.
    nonisolated let builder: RequestBuilder
    /// The "not before" instant shared by every request, moved by 429 answers.
    nonisolated let throttle: ThrottleGate
    /// Counts requests of the whole client.
    nonisolated let totals = RequestCounter()

    private var cachedToken: APIKey?
    private var jitter: any RandomNumberGenerator & Sendable

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Where and how to push.
    ///   - transport: The HTTP transport; by default a `URLSessionTransport`.
    ///   - clock: The clock for backoff and throttling; tests pass a `TestClock`.
    /// - Throws: ``ValidationError`` when the configuration is invalid.
    public init(
        configuration: Configuration,
        transport: any Transport = URLSessionTransport(),
        clock: any Clock<Duration> = ContinuousClock()
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        self.transport = transport
        self.clock = clock
        self.builder = RequestBuilder(
            baseURLs: try configuration.apiBaseURLs(), userAgentSuffix: configuration.userAgentSuffix)
        self.throttle = ThrottleGate(clock: clock)
        if case .apiKey(let key) = configuration.credentials { cachedToken = key }
        if let seed = configuration.jitterSeed {
            jitter = SeededRandomNumberGenerator(seed: seed)
        } else {
            jitter = SystemRandomNumberGenerator()
        }
    }

    /// Creates a client for an organization of a known region with an API key: the shortest way to start.
    ///
    /// ```swift
    /// let client = try PushClient(organizationId: "acme", apiKey: key, region: .eu)
    /// ```
    ///
    /// Every other setting takes its default; build a ``Configuration`` to change them.
    ///
    /// - Parameters:
    ///   - organizationId: The organization ID.
    ///   - apiKey: The API key (privileges: see the README).
    ///   - region: The organization's region.
    ///   - environment: The platform environment; `.hipaa` exists in the US region only.
    ///   - transport: The HTTP transport; by default a `URLSessionTransport`.
    ///   - clock: The clock for backoff and throttling; tests pass a `TestClock`.
    /// - Throws: ``ValidationError`` for an empty or malformed key or organization ID, or a region and environment
    ///   that do not exist together.
    public init(
        organizationId: String,
        apiKey: String,
        region: Region = .us,
        environment: PlatformEnvironment = .production,
        transport: any Transport = URLSessionTransport(),
        clock: any Clock<Duration> = ContinuousClock()
    ) throws {
        let configuration = Configuration(
            endpoint: try PushEndpoint(region: region, environment: environment), organizationId: organizationId,
            credentials: .apiKey(try APIKey(apiKey)))
        try self.init(configuration: configuration, transport: transport, clock: clock)
    }

    /// The organization ID.
    public nonisolated var organizationId: String { configuration.organizationId }

    /// The requests, retries and throttled time of every operation of this client so far.
    public func statistics() async -> PushReport {
        var report = PushReport()
        await totals.fill(&report)
        return report
    }

    // MARK: - Shared state used by the request engine

    /// The bearer token to send, asking the provider when there is none (or when `refresh` is set).
    func token(refresh: Bool) async throws -> APIKey {
        if !refresh, let cachedToken { return cachedToken }
        switch configuration.credentials {
        case .apiKey(let key):
            return key
        case .tokenProvider(let provider):
            let token = try await provider(refresh)
            cachedToken = token
            return token
        }
    }

    /// The backoff before an attempt, with jitter from the client's (possibly seeded) source.
    func backoff(beforeAttempt attempt: Int) -> Duration {
        configuration.retryPolicy.backoff(beforeAttempt: attempt, using: &jitter)
    }
}
