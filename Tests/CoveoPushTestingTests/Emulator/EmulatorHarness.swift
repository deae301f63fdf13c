import CoveoPushTesting
import Foundation
import Testing

/// Builds requests by hand (URL strings and JSON) and sends them to an ``InMemoryPushService``.
struct EmulatorHarness {
    static let organization = "myorg"
    static let source = "src"
    static let provider = "prov"
    static let apiBase = "https://api.cloud.coveo.com/push/v1/organizations/myorg"
    /// 2023-11-14T22:13:20Z, the fixed wall clock of every harness.
    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)
    static let epochMilliseconds: Int64 = 1_700_000_000_000

    let service: InMemoryPushService
    let clock: TestClock

    init(_ configure: (inout InMemoryPushService.Configuration) -> Void = { _ in }) {
        var configuration = InMemoryPushService.Configuration(currentDate: { EmulatorHarness.epoch })
        configure(&configuration)
        clock = TestClock()
        service = InMemoryPushService(configuration: configuration, clock: clock)
    }

    /// Percent-encodes a query value (everything but unreserved characters).
    static func encoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Sends a request; `path` is appended to ``apiBase`` unless it is an absolute URL.
    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, json: String? = nil, body: Data? = nil,
        contentType: String? = "application/json", authorization: String? = "Bearer xx-key",
        headers extra: HeaderFields = HeaderFields()
    ) async throws -> TransportResponse {
        let text = path.hasPrefix("http") ? path : Self.apiBase + path
        let url = try #require(URL(string: text))
        var headers = HeaderFields()
        if let authorization { headers["Authorization"] = authorization }
        let payload = body ?? json.map { Data($0.utf8) }
        if payload != nil, let contentType { headers["Content-Type"] = contentType }
        for field in extra { headers[field.name] = field.value }
        return try await service.send(
            TransportRequest(method: method, url: url, headers: headers), body: payload.map(RequestBody.data))
    }

    /// `PUT documents?documentId=…` with a JSON body.
    @discardableResult
    func putItem(_ documentId: String, _ json: String, query: String = "") async throws -> TransportResponse {
        try await send(
            .put, "/sources/\(Self.source)/documents?documentId=\(Self.encoded(documentId))\(query)", json: json)
    }

    /// `DELETE documents?documentId=…`.
    @discardableResult
    func deleteItem(_ documentId: String, query: String = "") async throws -> TransportResponse {
        try await send(.delete, "/sources/\(Self.source)/documents?documentId=\(Self.encoded(documentId))\(query)")
    }

    /// A stored item of the harness's source.
    func item(_ documentId: String) async -> EmulatedItem? {
        await service.item(documentId, organizationId: Self.organization, sourceId: Self.source)
    }

    /// The document IDs of the harness's source.
    func documentIds() async -> [String] {
        await service.items(organizationId: Self.organization, sourceId: Self.source).map(\.documentId)
    }

    /// A created file container.
    struct Container {
        var fileId: String
        var uploadUri: String
        var requiredHeaders: [String: String]
    }

    /// `POST /files`, decoded.
    func createContainer() async throws -> Container {
        let response = try await send(.post, "/files")
        #expect(response.statusCode == 201)
        let object = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        return Container(
            fileId: try #require(object["fileId"] as? String), uploadUri: try #require(object["uploadUri"] as? String),
            requiredHeaders: try #require(object["requiredHeaders"] as? [String: String]))
    }

    /// `PUT <uploadUri>` with the container's required headers (and no Authorization).
    @discardableResult
    func upload(_ data: Data, to container: Container, headers: HeaderFields? = nil) async throws -> TransportResponse {
        var sent = HeaderFields()
        for (name, value) in container.requiredHeaders.sorted(by: { $0.key < $1.key }) { sent[name] = value }
        let url = try #require(URL(string: container.uploadUri))
        return try await service.send(
            TransportRequest(method: .put, url: url, headers: headers ?? sent), body: .data(data))
    }

    /// Creates a container, uploads `json` and pushes it as an item batch.
    @discardableResult
    func pushBatch(_ json: String, query: String = "") async throws -> TransportResponse {
        let container = try await createContainer()
        let uploaded = try await upload(Data(json.utf8), to: container)
        #expect(uploaded.statusCode == 200)
        return try await send(.put, "/sources/\(Self.source)/documents/batch?fileId=\(container.fileId)\(query)")
    }

    /// Creates a container, uploads `json` and pushes it as an identity batch.
    @discardableResult
    func pushIdentityBatch(_ json: String, query: String = "") async throws -> TransportResponse {
        let container = try await createContainer()
        let uploaded = try await upload(Data(json.utf8), to: container)
        #expect(uploaded.statusCode == 200)
        return try await send(
            .put, "/providers/\(Self.provider)/permissions/batch?fileId=\(container.fileId)\(query)")
    }
}

extension TransportResponse {
    /// The `errorCode` of a JSON error body, or the `Code` of an S3 XML error.
    var emulatorErrorCode: String? {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            return object["errorCode"] as? String
        }
        let text = String(decoding: body, as: UTF8.self)
        guard let start = text.range(of: "<Code>"), let end = text.range(of: "</Code>") else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}
