import CoveoPush
import CoveoPushTestSupport
import Foundation

/// The floor of the CLI scenarios: pre-built batch files uploaded and pushed by a minimal blocking HTTP/1.1 client
/// over POSIX sockets (`RawHTTPClient`, keep-alive, `Content-Length` bodies), several connections at once. It
/// shares none of our HTTP code (not the transport, not the loopback server), so it cannot hide their costs.
enum RawFloor {
    /// Creates a container, uploads the file and pushes it, for every batch, on `connections` connections.
    ///
    /// - Returns: The wall time in seconds.
    static func push(_ batches: [URL], port: UInt16, connections: Int = 4) throws -> Double {
        let work = WorkQueue(batches)
        let group = DispatchGroup()
        let started = DispatchTime.now()
        for _ in 0..<max(1, connections) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let client = try RawHTTPClient(port: port)
                    while let batch = work.next() { try pushOne(batch, with: client) }
                } catch {
                    work.fail(error)
                }
            }
        }
        group.wait()
        if let failure = work.failure { throw failure }
        return Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    }

    /// What the server can take: two raw clients at once, each uploading `uploads` bodies of `bodyBytes`.
    ///
    /// - Returns: Megabytes (10^6 bytes) per second received by the server.
    static func serverMegabytesPerSecond(port: UInt16, uploads: Int = 24, bodyBytes: Int = 8 << 20) throws -> Double {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: bodyBytes)
        let work = WorkQueue((0..<(2 * uploads)).map { $0 })
        let group = DispatchGroup()
        let started = DispatchTime.now()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let client = try RawHTTPClient(port: port)
                    while let index = work.next() {
                        let response = try client.request("PUT", "/upload/\(index)", body: body)
                        guard response.statusCode == 200 else {
                            throw ScenarioFailure(description: "upload answered \(response.statusCode)")
                        }
                    }
                } catch {
                    work.fail(error)
                }
            }
        }
        group.wait()
        if let failure = work.failure { throw failure }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Double(2 * uploads * bodyBytes) / 1_000_000 / seconds
    }

    private static func pushOne(_ batch: URL, with client: RawHTTPClient) throws {
        let created = try client.request("POST", "/push/v1/organizations/benchmark/files")
        guard created.statusCode == 201 else {
            throw ScenarioFailure(description: "files answered \(created.statusCode)")
        }
        let container = try JSONDecoder().decode(FileContainer.self, from: created.body)
        let uploaded = try client.request(
            "PUT", container.uploadUri.path, headers: ["Content-Type": "application/octet-stream"], bodyFile: batch)
        guard uploaded.statusCode == 200 else {
            throw ScenarioFailure(description: "upload answered \(uploaded.statusCode)")
        }
        let pushed = try client.request(
            "PUT", "/push/v1/organizations/benchmark/sources/benchmark/documents/batch?fileId=\(container.fileId)")
        guard pushed.statusCode == 202 else {
            throw ScenarioFailure(description: "batch answered \(pushed.statusCode)")
        }
    }
}

/// Hands out items to several threads, and keeps the first failure.
private final class WorkQueue<Item>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item]
    private var index = 0
    private var firstFailure: (any Error)?

    init(_ items: [Item]) { self.items = items }

    /// The next item, or `nil` when all were handed out or one thread failed.
    func next() -> Item? {
        lock.lock()
        defer { lock.unlock() }
        guard firstFailure == nil, index < items.count else { return nil }
        index += 1
        return items[index - 1]
    }

    func fail(_ error: any Error) {
        lock.lock()
        if firstFailure == nil { firstFailure = error }
        lock.unlock()
    }

    var failure: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }
}
