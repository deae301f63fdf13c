import CoveoPushTesting
import Foundation

/// A small scripted stand-in for the Push API used by the client's unit tests: it hands out numbered file
/// containers, stores uploads by fileId, records commits in the order they arrive, and lets each test inject
/// answers per route and attempt. (The full emulator, `InMemoryPushService`, is tested on its own.)
actor ScriptedPushService {
    /// A decision hook: return a response to override the normal answer for this request.
    typealias Fault = @Sendable (_ route: Route, _ attempt: Int, _ request: TransportRequest) async -> TransportResponse?

    enum Route: String, Sendable {
        case createContainer, upload, commitBatch, status, single, other
    }

    private(set) var uploads: [String: Data] = [:]
    private(set) var commits: [(fileId: String, ids: [String])] = []
    private(set) var log: [(route: Route, path: String, status: Int)] = []
    private(set) var authorizationOnUploads = 0
    private var nextFile = 0
    private var attempts: [String: Int] = [:]
    private var fault: Fault?

    func setFault(_ fault: Fault?) { self.fault = fault }

    var committedIds: [String] { commits.flatMap(\.ids) }

    func transport() -> MockTransport {
        MockTransport { request, body in
            let data = try body?.loadData()
            return await self.handle(request, body: data)
        }
    }

    private func route(of request: TransportRequest) -> Route {
        let path = request.url.path
        if request.url.host == "upload.test" { return .upload }
        if path.hasSuffix("/files") { return .createContainer }
        if path.hasSuffix("/documents/batch") || path.hasSuffix("/permissions/batch") { return .commitBatch }
        if path.hasSuffix("/status") { return .status }
        if path.hasSuffix("/documents") || path.hasSuffix("/permissions") || path.hasSuffix("/mappings") { return .single }
        return .other
    }

    private func handle(_ request: TransportRequest, body: Data?) async -> TransportResponse {
        let route = route(of: request)
        let key = "\(route.rawValue) \(request.url.absoluteString)"
        attempts[key, default: 0] += 1
        if let fault, let answer = await fault(route, attempts[key] ?? 1, request) {
            log.append((route, request.url.path, answer.statusCode))
            return answer
        }
        let response: TransportResponse
        switch route {
        case .createContainer:
            nextFile += 1
            let fileId = "file-\(nextFile)"
            response = .fileContainer(
                uploadUri: "https://upload.test/\(fileId)?signature=abc", fileId: fileId,
                requiredHeaders: ["x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream"])
        case .upload:
            if request.headers["authorization"] != nil { authorizationOnUploads += 1 }
            uploads[String(request.url.path.dropFirst())] = body ?? Data()
            response = .empty(200)
        case .commitBatch:
            let fileId = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?
                .queryItems?.first { $0.name == "fileId" }?.value ?? ""
            if let data = uploads[fileId] {
                let batch = RecordedBatch(json: data, requestIndex: 0)
                commits.append((fileId, (batch?.addOrUpdateIds ?? []) + (batch?.deleteIds ?? [])))
                response = .empty(202)
            } else {
                response = .coveoError(status: 404, errorCode: "FILE_NOT_FOUND", message: "no file \(fileId)")
            }
        case .status:
            response = .empty(201)
        case .single, .other:
            response = .empty(202)
        }
        log.append((route, request.url.path, response.statusCode))
        return response
    }
}

enum ClientFixtures {
    static let key: APIKey = "xx-secret-key-0123456789"

    static func configuration(
        _ adjust: (inout PushClient.Configuration) -> Void = { _ in }
    ) throws -> PushClient.Configuration {
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(region: .us), organizationId: "org", credentials: .apiKey(key))
        configuration.jitterSeed = 42
        configuration.wallClock = { Date(timeIntervalSince1970: 1_700_000_000) }
        adjust(&configuration)
        return configuration
    }

    /// A recording transport that hands out one file container for every `POST /files` and accepts everything else
    /// with 202.
    static func acceptingTransport() async -> RecordingTransport {
        let transport = RecordingTransport()
        await transport.on(
            .init(method: .post, pathContains: "/files"),
            reply: .response(.fileContainer(uploadUri: "https://upload.test/f", fileId: "f", requiredHeaders: [:])),
            repeatingLast: true)
        await transport.setDefaultAnswer(.response(.empty(202)))
        return transport
    }

    static func document(_ index: Int, bytes: Int = 200) -> Document {
        Document(
            documentId: "https://example.com/doc/\(index)", title: "Document \(index)",
            content: .text(String(repeating: "x", count: bytes)))
    }
}
