import Dispatch
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSessionTransport {
    /// The completion handler URLSession calls once.
    typealias Completion = @Sendable (Data?, URLResponse?, (any Error)?) -> Void

    /// Ties one `URLSessionTask` to the Swift task awaiting it: resumes the continuation exactly once,
    /// and cancels the URLSession task when the Swift task is cancelled, even before it was created.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<TransportResponse, any Error>?
        private var task: URLSessionTask?
        private var cancelled = false
        /// `METHOD host`, for error messages (no path, no query: presigned URLs carry credentials).
        private let summary: String

        init(describing request: TransportRequest) {
            summary = "\(request.method) to \(request.url.host ?? "?")"
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
            lock.unlock()
            task.resume()
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
            lock.unlock()
            task?.cancel()
            continuation?.resume(throwing: CancellationError())
        }

        private func finish(data: Data?, response: URLResponse?, error: (any Error)?) {
            lock.lock()
            let continuation = self.continuation
            self.continuation = nil
            let wasCancelled = cancelled
            lock.unlock()
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
