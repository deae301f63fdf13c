import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The SDK's production transport, built on one long-lived `URLSession`.
///
/// Request bodies given as files are streamed from disk (`uploadTask(with:fromFile:)`), so batch files of
/// hundreds of megabytes never sit in memory. Every HTTP status is returned as a value; only connectivity
/// failures throw (``TransportError``), and cancelling the calling task cancels the request in flight and
/// throws `CancellationError` (on Linux a file upload is abandoned rather than cancelled, see ``canStop(_:)``).
///
/// The session keeps no cache and no cookies.
///
/// Timeouts: when a request sets ``TransportRequest/timeout``, the whole exchange must complete within it,
/// or the request is cancelled and fails with ``TransportError/Kind/timedOut``. In every case URLSession
/// also gives up after a period without any progress: the request's timeout, or 60 seconds when it has
/// none (so a large upload on a slow link is not cut off as long as it keeps moving). URLSession on Linux
/// counts that idle period in whole seconds, so it is rounded up to at least one second.
///
/// Proxies: give ``init(configuration:maximumConnectionsPerHost:proxy:)`` an ``HTTPProxy``. Setting
/// `connectionProxyDictionary` on the configuration works on Apple platforms only: swift-corelibs-foundation (Linux)
/// ignores it, and its libcurl reads the proxy environment variables instead (`http_proxy`, `https_proxy`,
/// `no_proxy`, …; see `Documentation/Proxies.md`).
///
/// ```swift
/// let transport = URLSessionTransport(proxy: try HTTPProxy("http://proxy.example.com:3128"))
/// ```
public final class URLSessionTransport: Transport {
    /// The timeout used when a request does not set one: 60 seconds.
    public static let defaultTimeout: Duration = .seconds(60)

    private let session: URLSession

    /// Creates a transport with its own session.
    ///
    /// Without `proxy`, the platform's own proxy settings apply: on Apple platforms the system's settings, or the
    /// configuration's `connectionProxyDictionary`; on Linux the variables libcurl reads (`http_proxy` for `http`
    /// URLs, `https_proxy` or `HTTPS_PROXY` for `https` URLs, then `all_proxy`, with `no_proxy` or `NO_PROXY`
    /// listing the hosts to reach directly).
    ///
    /// With `proxy`, on Apple platforms the session's `connectionProxyDictionary` sends `http` and `https` requests
    /// through it; the proxy's credentials are not applied there (URLSession asks a session delegate for them,
    /// which this transport does not have). On Linux the only route is libcurl's environment: this initializer sets
    /// `http_proxy` and `https_proxy` of the **process** to the proxy's URL, credentials included (libcurl sends
    /// them as `Proxy-Authorization: Basic`). That is process-wide: every URLSession of the process, in any library,
    /// uses the proxy from its next connection on, the last transport created with a proxy wins, and hosts listed
    /// in `no_proxy`/`NO_PROXY` still bypass it. `setenv` is not safe while other threads read the environment:
    /// create such a transport at start-up, before requests run.
    ///
    /// - Parameters:
    ///   - configuration: The base configuration, for TLS settings or extra headers. It is copied and adjusted
    ///     (no URL cache, no cookies, `maximumConnectionsPerHost`, the proxy); the caller's object is not
    ///     changed.
    ///   - maximumConnectionsPerHost: How many connections the session may open to one host; values below
    ///     1 count as 1. Keep it at or above the number of concurrent requests, or queued requests may
    ///     time out before they are sent. The default, 6, covers `PushClient`'s default `uploadConcurrency` (4)
    ///     plus a container creation and a batch push, which share one host with the uploads behind an emulator.
    ///     (Measured on Linux, libcurl 7.88: with more requests in flight than the limit, libcurl queues them on
    ///     the open connections and opens no more; see `connections-per-host` in `BENCHMARKS.md`.)
    ///   - proxy: An HTTP proxy for every request, or `nil` for the platform's settings.
    public init(
        configuration: URLSessionConfiguration = .ephemeral, maximumConnectionsPerHost: Int = 6, proxy: HTTPProxy? = nil
    ) {
        let adjusted = (configuration.copy() as? URLSessionConfiguration) ?? configuration
        if let proxy {
            adjusted.connectionProxyDictionary = proxy.connectionProxyDictionary
            #if canImport(FoundationNetworking)
                ProxyEnvironment.route(through: proxy)
            #endif
        }
        adjusted.httpMaximumConnectionsPerHost = max(1, maximumConnectionsPerHost)
        adjusted.urlCache = nil
        adjusted.requestCachePolicy = .reloadIgnoringLocalCacheData
        adjusted.httpCookieStorage = nil
        adjusted.httpShouldSetCookies = false
        adjusted.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: adjusted)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends one request and waits for its complete response.
    ///
    /// - Throws: ``TransportError`` for connectivity failures (timeouts, refused or lost connections,
    ///   unreadable body files); `CancellationError` when the calling task is cancelled.
    public func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        try Task.checkCancellation()
        let urlRequest = Self.makeURLRequest(request)
        if case .file(let fileURL) = body {
            try Self.checkReadable(fileURL)
        }
        let inFlight = InFlight(
            describing: request, timeout: request.timeout.flatMap { $0 > .zero ? $0 : nil },
            stopsTask: Self.canStop(body))
        do {
            return try await perform(urlRequest, body: body, inFlight: inFlight)
        } catch is TransportError where Task.isCancelled {
            // A failure that raced with cancellation is reported as the cancellation it also was.
            throw CancellationError()
        }
    }

    private func perform(
        _ urlRequest: URLRequest, body: RequestBody?, inFlight: InFlight
    ) async throws -> TransportResponse {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                inFlight.start(continuation) { completion in
                    switch body {
                    case nil:
                        return session.dataTask(with: urlRequest, completionHandler: completion)
                    case .data(let data):
                        return session.uploadTask(with: urlRequest, from: data, completionHandler: completion)
                    case .file(let fileURL):
                        return session.uploadTask(with: urlRequest, fromFile: fileURL, completionHandler: completion)
                    }
                }
            }
        } onCancel: {
            inFlight.cancelSoon()
        }
    }

    /// Whether a task sending `body` may be cancelled. Not a file upload on Linux: swift-corelibs-foundation reads
    /// the file asynchronously and can crash (a forced `try` in its EasyHandle, libcurl error 43) when such a task is
    /// cancelled mid-upload. Those are abandoned instead: the caller gets its `CancellationError` or timeout at
    /// once, and the orphaned upload ends by itself (the upload host discards a container never pushed).
    static func canStop(_ body: RequestBody?) -> Bool {
        #if canImport(FoundationNetworking)
            if case .file = body { return false }
        #endif
        return true
    }

    static func makeURLRequest(_ request: TransportRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        urlRequest.httpShouldHandleCookies = false
        let timeout = request.timeout.flatMap { $0 > .zero ? $0 : nil } ?? defaultTimeout
        // swift-corelibs-foundation truncates the interval to whole seconds (0.3 s would time out at once).
        urlRequest.timeoutInterval = max(1, timeout.timeInterval.rounded(.up))
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        return urlRequest
    }

    /// Throws `bodyUnreadable` unless `fileURL` is a readable regular file (URLSession may fail
    /// unpredictably on a missing file).
    static func checkReadable(_ fileURL: URL) throws {
        var isDirectory: ObjCBool = false
        let path = fileURL.path
        guard fileURL.isFileURL, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path)
        else {
            throw TransportError(.bodyUnreadable, "the request body file '\(fileURL.lastPathComponent)' cannot be read")
        }
    }
}
