import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension URLSessionTransport {
    /// The completion handler URLSession calls once.
    typealias Completion = @Sendable (Data?, URLResponse?, (any Error)?) -> Void

    /// Ties one `URLSessionTask` to the Swift task awaiting it: resumes the continuation exactly once,
    /// cancels the URLSession task when the Swift task is cancelled (even before it was created; a task that
    /// must not be stopped is abandoned instead, see ``URLSessionTransport/canStop(_:)``), and enforces the
    /// request's overall timeout.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<TransportResponse, any Error>?
        private var task: URLSessionTask?
        private var cancelled = false
        private var timer: DispatchWorkItem?
        /// `METHOD host`, for error messages (no path, no query: presigned URLs carry credentials).
        private let summary: String
        /// The overall timeout, if the request set one.
        private let timeout: Duration?
        /// Whether cancelling or timing out cancels the URLSession task, or only stops waiting for it.
        private let stopsTask: Bool

        init(describing request: TransportRequest, timeout: Duration?, stopsTask: Bool = true) {
            var host = request.url.host ?? "?"
            if let port = request.url.port { host += ":\(port)" }
            summary = "\(request.method) to \(host)"
            self.timeout = timeout
            self.stopsTask = stopsTask
        }

        /// Creates the URLSession task with `makeTask` and resumes it, or fails at once if already cancelled.
        func start(
            _ continuation: CheckedContinuation<TransportResponse, any Error>,
            makeTask: (@escaping Completion) -> URLSessionTask
        ) {
            lock.lock()
            if cancelled {
                lock.unlock()
                continuation.resume(throwing: CancellationError())
                return
            }
            self.continuation = continuation
            let task = makeTask { [self] data, response, error in
                finish(data: data, response: response, error: error)
            }
            self.task = task
            if let timeout {
                let timer = DispatchWorkItem { [weak self] in self?.expire(after: timeout) }
                self.timer = timer
                let nanoseconds = Int(clamping: timeout.clampedNanoseconds)
                DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds), execute: timer)
            }
            lock.unlock()
            task.resume()
        }

        /// Ends the exchange with `timedOut` when it is still running at the end of its overall timeout.
        private func expire(after timeout: Duration) {
            lock.lock()
            let task = self.task
            let continuation = self.continuation
            self.continuation = nil
            lock.unlock()
            guard let continuation else { return }
            if stopsTask { task?.cancel() }
            continuation.resume(throwing: TransportError(.timedOut, "\(summary) timed out after \(timeout)"))
        }

        /// Cancels from another thread. Called from a task cancellation handler, which runs while the Swift
        /// runtime holds a lock of the task; cancelling the URLSession task synchronously there can deadlock
        /// with a URLSession thread that is resuming the same task (swift-corelibs-foundation #5412).
        func cancelSoon() {
            DispatchQueue.global().async { [self] in
                cancel()
            }
        }

        /// Cancels the URLSession task and throws `CancellationError` to the waiting Swift task.
        func cancel() {
            lock.lock()
            cancelled = true
            let task = self.task
            let continuation = self.continuation
            self.continuation = nil
            let timer = self.timer
            self.timer = nil
            lock.unlock()
            timer?.cancel()
            if stopsTask { task?.cancel() }
            continuation?.resume(throwing: CancellationError())
        }

        private func finish(data: Data?, response: URLResponse?, error: (any Error)?) {
            lock.lock()
            let continuation = self.continuation
            self.continuation = nil
            let wasCancelled = cancelled
            let timer = self.timer
            self.timer = nil
            lock.unlock()
            timer?.cancel()
            guard let continuation else { return }
            if wasCancelled {
                continuation.resume(throwing: CancellationError())
            } else if let error {
                continuation.resume(throwing: URLSessionTransport.mapError(error, summary: summary))
            } else if let http = response as? HTTPURLResponse {
                continuation.resume(
                    returning: TransportResponse(
                        statusCode: http.statusCode,
                        headers: URLSessionTransport.headerFields(of: http),
                        body: data ?? Data()
                    )
                )
            } else {
                continuation.resume(throwing: TransportError(.badResponse, "\(summary): the response is not HTTP"))
            }
        }
    }

    /// The response headers, sorted by name for a stable order.
    static func headerFields(of response: HTTPURLResponse) -> HeaderFields {
        let fields = response.allHeaderFields.compactMap { name, value -> HeaderFields.Field? in
            guard let name = name as? String else { return nil }
            return HeaderFields.Field(name: name, value: "\(value)")
        }
        return HeaderFields(fields.sorted { $0.name.lowercased() < $1.name.lowercased() })
    }
}
