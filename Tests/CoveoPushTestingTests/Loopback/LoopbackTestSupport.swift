import CoveoPushTesting
import Foundation

/// Everything a loopback test handler saw.
actor RequestLog {
    struct Entry: Sendable {
        var request: TransportRequest
        var body: RequestBody?
    }

    private(set) var entries: [Entry] = []

    func record(_ request: TransportRequest, _ body: RequestBody?) {
        entries.append(Entry(request: request, body: body))
    }
}

/// A handler that records each request and answers with its method, URL and `X-Test` header in headers and its
/// body as the response body.
struct EchoTransport: Transport {
    let log = RequestLog()
    var statusCode = 200

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        await log.record(request, body)
        var headers: HeaderFields = [
            "Content-Type": "application/octet-stream",
            "X-Echo-Method": request.method.rawValue,
            "X-Echo-URL": request.url.absoluteString,
            "X-Echo-Body": body == nil ? "none" : "data",
        ]
        if let value = request.headers["X-Test"] { headers["X-Echo-Test"] = value }
        return TransportResponse(statusCode: statusCode, headers: headers, body: try body?.loadData() ?? Data())
    }
}

/// A handler that always throws.
struct FailingTransport: Transport {
    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        throw TransportError(.other, "the test handler refuses \"\(request.method)\"")
    }
}

/// A handler that answers only once `count` requests are inside it at the same time.
struct BarrierTransport: Transport {
    actor Barrier {
        let count: Int
        private var arrived = 0
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(count: Int) { self.count = count }

        func arrive() async {
            arrived += 1
            if arrived >= count {
                for continuation in waiting { continuation.resume() }
                waiting = []
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    let barrier: Barrier
    let echo = EchoTransport()

    init(count: Int) { barrier = Barrier(count: count) }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        await barrier.arrive()
        return try await echo.send(request, body: body)
    }
}

/// A handler that reports when a request arrives, then waits until its task is cancelled and reports that too.
struct StallingTransport: Transport {
    enum Signal: Sendable, Equatable {
        case started
        case cancelled
    }

    let signals: AsyncStream<Signal>
    private let continuation: AsyncStream<Signal>.Continuation

    init() {
        (signals, continuation) = AsyncStream.makeStream(of: Signal.self)
    }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        continuation.yield(.started)
        do {
            // Not a wait for a side effect: this handler deliberately never answers until cancelled.
            try await Task.sleep(for: .seconds(3600))
        } catch {
            continuation.yield(.cancelled)
            throw error
        }
        return TransportResponse(statusCode: 200)
    }
}

/// Runs blocking code on a new thread, keeping it off the Swift concurrency pool.
func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Deterministic pseudo-random numbers (SplitMix64), so failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension Data {
    /// `count` pseudo-random bytes from a seed.
    static func seeded(count: Int, seed: UInt64) -> Data {
        var generator = SeededGenerator(seed: seed)
        var bytes = [UInt8](repeating: 0, count: count)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes)
    }
}
