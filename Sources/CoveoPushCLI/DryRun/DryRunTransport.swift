import CoveoPush
import Foundation

/// The transport of `--dry-run`: sends nothing, prints each request as one JSON line
/// `{"method", "url", "headers", "body"}` on standard output, and answers like the service would, so the whole
/// command runs as usual.
///
/// The `Authorization` header is printed as `Bearer <redacted>`. File containers get placeholder IDs
/// (`DRY-RUN-FILE-ID-1`, …) and upload URLs on the reserved `dry-run.invalid` host. JSON bodies are printed as
/// JSON; other bodies (compressed content) as `{"bytes": N}`.
final class DryRunTransport: Transport, @unchecked Sendable {
    static let uploadHost = "dry-run.invalid"
    private let console: Console
    private let lock = NSLock()
    private var containers = 0
    private var streams = 0

    init(console: Console) {
        self.console = console
    }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        let line = try Self.describe(request, body: body)
        print(line)
        return answer(request)
    }

    /// The response the service would give.
    private func answer(_ request: TransportRequest) -> TransportResponse {
        let path = request.url.path
        if request.method == .post && path.hasSuffix("/files") {
            let fileId = nextFileId()
            return Self.json(201, Self.container(fileId: fileId, extra: nil))
        }
        if request.method == .post && path.hasSuffix("/stream/open") {
            let fileId = nextFileId()
            let streamId = nextStreamId()
            return Self.json(201, Self.container(fileId: fileId, extra: ("streamId", streamId)))
        }
        if request.method == .post && path.hasSuffix("/chunk") {
            return Self.json(201, Self.container(fileId: nextFileId(), extra: nil))
        }
        if request.url.host == Self.uploadHost {
            return TransportResponse(statusCode: 200)
        }
        return Self.json(202, "{}")
    }

    /// Writes a line, one writer at a time so lines never interleave.
    private func print(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        console.out(line + "\n")
    }

    private func nextFileId() -> String {
        lock.lock()
        defer { lock.unlock() }
        containers += 1
        return "DRY-RUN-FILE-ID-\(containers)"
    }

    private func nextStreamId() -> String {
        lock.lock()
        defer { lock.unlock() }
        streams += 1
        return "DRY-RUN-STREAM-ID-\(streams)"
    }

    private static func container(fileId: String, extra: (String, String)?) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("uploadUri")
        writer.string("https://\(uploadHost)/upload/\(fileId)")
        writer.key("fileId")
        writer.string(fileId)
        writer.key("requiredHeaders")
        writer.beginObject()
        writer.key("content-type")
        writer.string("application/octet-stream")
        writer.key("x-amz-server-side-encryption")
        writer.string("AES256")
        writer.endObject()
        if let (key, value) = extra {
            writer.key(key)
            writer.string(value)
        }
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func json(_ status: Int, _ text: String) -> TransportResponse {
        TransportResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    /// One JSON line for a request.
    static func describe(_ request: TransportRequest, body: RequestBody?) throws -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("method")
        writer.string(request.method.rawValue)
        writer.key("url")
        writer.string(request.url.absoluteString)
        writer.key("headers")
        writer.beginObject()
        for field in request.headers {
            writer.key(field.name)
            writer.string(field.name.lowercased() == "authorization" ? "Bearer <redacted>" : field.value)
        }
        writer.endObject()
        writer.key("body")
        if let body {
            let data = try body.loadData()
            let bytes = [UInt8](data)
            if (try? JSONParser().parse(bytes)) != nil {
                writer.rawValue(bytes)
            } else {
                writer.beginObject()
                writer.key("bytes")
                writer.integer(Int64(bytes.count))
                writer.endObject()
            }
        } else {
            writer.null()
        }
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
