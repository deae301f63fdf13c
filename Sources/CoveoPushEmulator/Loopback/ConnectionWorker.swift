import Foundation

/// Serves the requests of one connection, one after another, on the connection's own thread.
///
/// Reads bytes into an ``HTTPRequestParser``, answers `Expect: 100-continue`, hands each complete request to
/// the server's handler (an async ``Transport``, run in a task while this thread waits) and writes the response.
/// Malformed or oversized input gets one error response and the connection closes.
final class ConnectionWorker {
    private let core: LoopbackServerCore
    private let connection: SocketConnection
    private let call: HandlerCall
    private var parser: HTTPRequestParser
    /// The cut decided for the request being read, if any (see ``ConnectionFaults``).
    private var pendingCut: ConnectionFaults.Cut?
    /// Whether a cut was already decided for the request being read.
    private var decided = false

    init(core: LoopbackServerCore, connection: SocketConnection, call: HandlerCall) {
        self.core = core
        self.connection = connection
        self.call = call
        self.parser = HTTPRequestParser(limits: core.configuration.parserLimits)
    }

    /// Serves requests until the client leaves, an error closes the connection or the server stops.
    func run() {
        defer { connection.close() }
        while !core.isStopping {
            let event: HTTPRequestParser.Event?
            do {
                event = try parser.nextEvent()
            } catch {
                reject(error)
                return
            }
            switch event {
            case nil:
                switch connection.read(into: &parser) {
                case .received:
                    continue
                case .timedOut:
                    if !parser.isIdle {
                        reject(HTTPParseError(.timedOut, "the request did not arrive in time"))
                    }
                    return
                case .endOfStream, .stopped, .failed:
                    return
                }
            case .head(let head):
                if decide(head) == .midRequest { return }
                if head.expectsContinue && parser.isAwaitingBody {
                    guard connection.write(HTTPResponseWriter.continueResponse) else { return }
                }
            case .message(let message):
                if decide(message.head) == .midRequest { return }
                decided = false
                guard respond(to: message, cut: pendingCut) else { return }
            }
        }
    }

    /// Decides once per request whether its connection is cut; returns the decision.
    private func decide(_ head: HTTPRequestHead) -> ConnectionFaults.Cut? {
        if !decided {
            decided = true
            pendingCut = core.connectionCut(method: head.method, target: head.target)
        }
        return pendingCut
    }

    /// Runs the handler and writes its response (only its first half for a `.midResponse` cut, then closes).
    ///
    /// - Returns: Whether the connection stays open.
    private func respond(to message: HTTPRequestMessage, cut: ConnectionFaults.Cut?) -> Bool {
        let head = message.head
        guard let path = head.pathAndQuery, let url = URL(string: core.configuration.baseURLString + path) else {
            reject(HTTPParseError(.badRequest, "the request target is not a valid URL"))
            return false
        }
        let request = TransportRequest(method: HTTPMethod(rawValue: head.method), url: url, headers: head.headers)
        let body: RequestBody? = message.body.isEmpty ? nil : .data(Data(message.body))
        guard let outcome = callHandler(request, body: body) else { return false }

        let keepAlive = head.keepAlive && !core.isStopping
        let persistence: HTTPResponseWriter.Persistence =
            !keepAlive ? .close : head.minorVersion == 0 ? .explicitKeepAlive : .keepAlive
        let bytes: [UInt8]
        switch outcome {
        case .success(let response) where (200...999).contains(response.statusCode):
            bytes = HTTPResponseWriter.serialize(
                statusCode: response.statusCode, headers: response.headers, body: response.body,
                persistence: persistence)
        case .success(let response):
            bytes = HTTPResponseWriter.serializeError(
                statusCode: 500, errorCode: "INVALID_HANDLER_RESPONSE",
                message: "The handler returned status \(response.statusCode), which is not a final status.",
                persistence: persistence)
        case .failure(let error):
            bytes = HTTPResponseWriter.serializeError(
                statusCode: 500, errorCode: "INTERNAL_SERVER_ERROR", message: "The handler failed: \(error)",
                persistence: persistence)
        }
        if cut == .midResponse {
            _ = connection.write(Array(bytes.prefix(Self.midResponseCut(bytes))))
            return false
        }
        guard connection.write(bytes) else { return false }
        if !keepAlive && !core.isStopping { closeGracefully() }
        return keepAlive
    }

    /// Where a `.midResponse` cut falls: after the head and half of the body. (Cutting inside the head makes
    /// FoundationNetworking on Linux crash the client, swift-corelibs-foundation issue 5285.)
    static func midResponseCut(_ response: [UInt8]) -> Int {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard response.count >= separator.count else { return response.count }
        for start in 0...(response.count - separator.count) where response[start..<start + 4].elementsEqual(separator) {
            let headEnd = start + separator.count
            return headEnd + (response.count - headEnd) / 2
        }
        return response.count
    }

    /// Runs the async handler in a task on ``HandlerExecutor`` (off the shared pool, where available) and blocks
    /// this (dedicated) thread until it finishes.
    ///
    /// - Returns: The handler's outcome, or `nil` when the server stopped first (the task is then cancelled).
    private func callHandler(_ request: TransportRequest, body: RequestBody?) -> Result<TransportResponse, any Error>? {
        let handler = core.handler
        let call = self.call
        call.reset()
        let work: @Sendable () async -> Void = {
            do {
                call.deliver(.success(try await handler.send(request, body: body)))
            } catch {
                call.deliver(.failure(error))
            }
        }
        let task: Task<Void, Never>
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *) {
            task = Task.detached(executorPreference: HandlerExecutor.shared, operation: work)
        } else {
            task = Task.detached(operation: work)
        }
        guard let outcome = call.wait() else {
            task.cancel()
            return nil
        }
        return outcome
    }

    /// Answers a request that cannot be served, then closes the connection after draining the client's input.
    private func reject(_ error: HTTPParseError) {
        let bytes = HTTPResponseWriter.serializeError(
            statusCode: error.statusCode, errorCode: Self.errorCode(for: error.kind), message: error.detail,
            persistence: .close)
        guard connection.write(bytes) else { return }
        closeGracefully()
    }

    /// Closes after reading what the client still sends, so the last response is not lost to a reset.
    private func closeGracefully() {
        connection.closeAfterDraining(
            limit: core.configuration.drainLimitBytes, waitMilliseconds: core.configuration.drainWaitMilliseconds)
    }

    /// The `errorCode` used in the body of a server-side error.
    static func errorCode(for kind: HTTPParseError.Kind) -> String {
        switch kind {
        case .badRequest: return "BAD_REQUEST"
        case .headersTooLarge: return "HEADERS_TOO_LARGE"
        case .bodyTooLarge: return "REQUEST_TOO_LARGE"
        case .unsupportedTransferEncoding: return "NOT_IMPLEMENTED"
        case .expectationFailed: return "EXPECTATION_FAILED"
        case .unsupportedVersion: return "HTTP_VERSION_NOT_SUPPORTED"
        case .timedOut: return "REQUEST_TIMEOUT"
        }
    }
}
