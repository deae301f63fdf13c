import Foundation
import Testing

@testable import CoveoPush

/// What one operation builds to, with the request's own facts.
struct BuiltRequest: Sendable {
    var head: TransportRequest
    var body: RequestBody?
    var operation: PushOperation
    var isIdempotent: Bool
}

enum Fixtures {
    static let token: APIKey = "xx-test-key-0000"
    static let builder = RequestBuilder(endpoint: .production)
    /// 2023-11-14T22:13:20Z.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let nowMilliseconds: Int64 = 1_700_000_000_000
    static let base = "https://api.cloud.coveo.com/push/v1"

    static func build<Request: PushRequest>(_ request: Request, with builder: RequestBuilder = builder) throws
        -> BuiltRequest
    {
        let (head, body) = try builder.build(request, token: token, now: now)
        return BuiltRequest(head: head, body: body, operation: request.operation, isIdempotent: request.isIdempotent)
    }

    /// JSON re-serialized with sorted keys, so two encodings of the same value compare equal.
    static func canonical(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: sorted, as: UTF8.self)
    }

    static let staff = IdentityBody(
        identity: SecurityIdentity(name: "Staff", type: .group),
        members: [SecurityIdentity(name: "bjones@example.com", type: .user, additionalInfo: ["dept": "R&D"])])
    static let alias = AliasBody(
        identity: SecurityIdentity(name: "bjones", type: .user),
        mappings: [MappedIdentity(name: "bjones@example.com", type: .user, provider: "Email Security Provider")])
    static let page = Document(
        documentId: "https://example.com/a?b=1&c=2#top", title: "A page", permanentId: "fixed-permanent-id",
        content: .text("<p>hello</p>"))
    static let binary = Document(
        documentId: "file:///share/a+b c.pdf", permanentId: "fixed-2",
        content: .base64("H4sIAAAAAAAA/0utSMwtyEkFAJ+b7G4HAAAA", type: .gzip))
}

@Suite("RequestBuilder")
struct RequestBuilderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var operation: PushOperation
        var method: HTTPMethod
        var url: String
        var bodyJSON: String?
        var make: @Sendable () throws -> BuiltRequest
        var testDescription: String { operation.rawValue }
    }

    static let ms = Fixtures.nowMilliseconds
    static let source = Fixtures.base + "/organizations/org1/sources/src%201"
    static let collection = Fixtures.base + "/organizations/org1/data-collections/dc%201"
    static let dataCollection = StreamTarget.dataCollection("dc 1")

    static let cases: [Case] = [
        Case(
            operation: .setSourceStatus, method: .post, url: source + "/status?statusType=REBUILD", bodyJSON: nil,
            make: {
                try Fixtures.build(SetSourceStatusRequest(organizationId: "org1", sourceId: "src 1", status: .rebuild))
            }),
        Case(
            operation: .addOrUpdateDocument, method: .put,
            url: source + "/documents?documentId=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1%26c%3D2%23top",
            bodyJSON: #"{"documentId":"https://example.com/a?b=1&c=2#top","permanentid":"fixed-permanent-id","#
                + #""title":"A page","data":"<p>hello</p>"}"#,
            make: {
                try Fixtures.build(
                    AddOrUpdateDocumentRequest(organizationId: "org1", sourceId: "src 1", document: Fixtures.page))
            }),
        Case(
            operation: .addOrUpdateDocument, method: .put,
            url: source + "/documents?documentId=file%3A%2F%2F%2Fshare%2Fa%2Bb%20c.pdf&orderingId=\(ms)"
                + "&compressionType=GZIP",
            bodyJSON: #"{"documentId":"file:///share/a+b c.pdf","permanentid":"fixed-2","#
                + #""compressedBinaryData":"H4sIAAAAAAAA/0utSMwtyEkFAJ+b7G4HAAAA"}"#,
            make: {
                try Fixtures.build(
                    AddOrUpdateDocumentRequest(
                        organizationId: "org1", sourceId: "src 1", document: Fixtures.binary, orderingId: ms))
            }),
        Case(
            operation: .deleteDocument, method: .delete,
            url: source + "/documents?documentId=https%3A%2F%2Fx%2F1&deleteChildren=false", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    DeleteDocumentRequest(organizationId: "org1", sourceId: "src 1", documentId: "https://x/1"))
            }),
        Case(
            operation: .deleteDocument, method: .delete,
            url: source + "/documents?documentId=https%3A%2F%2Fx%2F1&deleteChildren=true&orderingId=5", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    DeleteDocumentRequest(
                        organizationId: "org1", sourceId: "src 1", documentId: "https://x/1", deleteChildren: true,
                        orderingId: 5))
            }),
        Case(
            operation: .deleteDocumentsOlderThan, method: .delete,
            url: source + "/documents/olderthan?orderingId=\(ms)&queueDelay=0", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    DeleteDocumentsOlderThanRequest(
                        organizationId: "org1", sourceId: "src 1", orderingId: ms, queueDelay: 0))
            }),
        Case(
            operation: .deleteDocumentsOlderThan, method: .delete,
            url: source + "/documents/olderthan?orderingId=\(ms)", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    DeleteDocumentsOlderThanRequest(organizationId: "org1", sourceId: "src 1", orderingId: ms))
            }),
        Case(
            operation: .pushDocumentBatch, method: .put,
            url: source + "/documents/batch?fileId=b5e8767e-8f0d&orderingId=\(ms)", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    PushDocumentBatchRequest(
                        organizationId: "org1", sourceId: "src 1", fileId: "b5e8767e-8f0d", orderingId: ms))
            }),
        Case(
            operation: .createFileContainer, method: .post, url: Fixtures.base + "/organizations/org1/files",
            bodyJSON: nil, make: { try Fixtures.build(CreateFileContainerRequest(organizationId: "org1")) }),
        Case(
            operation: .createFileContainer, method: .post,
            url: Fixtures.base + "/organizations/org1/files?useVirtualHostedStyleUrl=true", bodyJSON: nil,
            make: {
                try Fixtures.build(CreateFileContainerRequest(organizationId: "org1", useVirtualHostedStyleUrl: true))
            }),
        Case(
            operation: .addOrUpdateIdentity, method: .put,
            url: Fixtures.base + "/organizations/org1/providers/My%20Provider/permissions?orderingId=\(ms)",
            bodyJSON: #"{"identity":{"name":"Staff","type":"GROUP","additionalInfo":{}},"members":[{"name":"#
                + #""bjones@example.com","type":"USER","additionalInfo":{"dept":"R&D"}}],"wellKnowns":[]}"#,
            make: {
                try Fixtures.build(
                    AddOrUpdateIdentityRequest(
                        organizationId: "org1", providerId: "My Provider", body: Fixtures.staff, orderingId: ms))
            }),
        Case(
            operation: .deleteIdentity, method: .delete,
            url: Fixtures.base + "/organizations/org1/providers/My%20Provider/permissions",
            bodyJSON: #"{"identity":{"name":"bjones@example.com","type":"USER","additionalInfo":{}}}"#,
            make: {
                try Fixtures.build(
                    DeleteIdentityRequest(
                        organizationId: "org1", providerId: "My Provider",
                        body: IdentityDeleteBody(identity: SecurityIdentity(name: "bjones@example.com", type: .user))))
            }),
        Case(
            operation: .addOrUpdateAlias, method: .put,
            url: Fixtures.base + "/organizations/org1/providers/My%20Provider/mappings",
            bodyJSON: #"{"identity":{"name":"bjones","type":"USER","additionalInfo":{}},"mappings":[{"name":"#
                + #""bjones@example.com","type":"USER","additionalInfo":{},"provider":"Email Security Provider"}],"#
                + #""wellKnowns":[]}"#,
            make: {
                try Fixtures.build(
                    AddOrUpdateAliasRequest(organizationId: "org1", providerId: "My Provider", body: Fixtures.alias))
            }),
        Case(
            operation: .pushIdentityBatch, method: .put,
            url: Fixtures.base + "/organizations/org1/providers/p/permissions/batch?fileId=f-1", bodyJSON: nil,
            make: {
                try Fixtures.build(PushIdentityBatchRequest(organizationId: "org1", providerId: "p", fileId: "f-1"))
            }),
        Case(
            operation: .deleteIdentitiesOlderThan, method: .delete,
            url: Fixtures.base + "/organizations/org1/providers/p/permissions/olderthan?orderingId=\(ms)&queueDelay=15",
            bodyJSON: nil,
            make: {
                try Fixtures.build(
                    DeleteIdentitiesOlderThanRequest(
                        organizationId: "org1", providerId: "p", orderingId: ms, queueDelay: 15))
            }),
        Case(
            operation: .openStream, method: .post, url: source + "/stream/open", bodyJSON: nil,
            make: { try Fixtures.build(OpenStreamRequest(organizationId: "org1", sourceId: "src 1")) }),
        Case(
            operation: .getStreamChunk, method: .post, url: source + "/stream/s%2F1/chunk", bodyJSON: nil,
            make: {
                try Fixtures.build(GetStreamChunkRequest(organizationId: "org1", sourceId: "src 1", streamId: "s/1"))
            }),
        Case(
            operation: .closeStream, method: .post, url: source + "/stream/s-1/close", bodyJSON: nil,
            make: {
                try Fixtures.build(CloseStreamRequest(organizationId: "org1", sourceId: "src 1", streamId: "s-1"))
            }),
        Case(
            operation: .updateStream, method: .put, url: source + "/stream/update?fileId=f-1&shard=A1b2", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    UpdateStreamRequest(organizationId: "org1", sourceId: "src 1", fileId: "f-1", shard: "A1b2"))
            }),
        Case(
            operation: .updateStream, method: .put, url: source + "/stream/update?fileId=f-1", bodyJSON: nil,
            make: {
                try Fixtures.build(UpdateStreamRequest(organizationId: "org1", sourceId: "src 1", fileId: "f-1"))
            }),
        Case(
            operation: .mergeStream, method: .put, url: source + "/stream/merge?fileId=f-1", bodyJSON: nil,
            make: { try Fixtures.build(MergeStreamRequest(organizationId: "org1", sourceId: "src 1", fileId: "f-1")) }
        ),
        Case(
            operation: .deleteStreamOlderThan, method: .post,
            url: source + "/stream/deleteolderthan/\(ms)?queueDelay=5", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    DeleteStreamOlderThanRequest(
                        organizationId: "org1", sourceId: "src 1", epochMilliseconds: ms, queueDelay: 5))
            }),
        // The same six operations on a data collection.
        Case(
            operation: .openStream, method: .post, url: collection + "/stream/open", bodyJSON: nil,
            make: { try Fixtures.build(OpenStreamRequest(organizationId: "org1", target: dataCollection)) }),
        Case(
            operation: .getStreamChunk, method: .post, url: collection + "/stream/s%2F1/chunk", bodyJSON: nil,
            make: {
                try Fixtures.build(
                    GetStreamChunkRequest(organizationId: "org1", target: dataCollection, streamId: "s/1"))
            }),
        Case(
            operation: .closeStream, method: .post, url: collection + "/stream/s-1/close", bodyJSON: nil,
            make: {
                try Fixtures.build(CloseStreamRequest(organizationId: "org1", target: dataCollection, streamId: "s-1"))
            }),
        Case(
            operation: .updateStream, method: .put, url: collection + "/stream/update?fileId=f-1&shard=Z9",
            bodyJSON: nil,
            make: {
                try Fixtures.build(
                    UpdateStreamRequest(organizationId: "org1", target: dataCollection, fileId: "f-1", shard: "Z9"))
            }),
        Case(
            operation: .mergeStream, method: .put, url: collection + "/stream/merge?fileId=f-1", bodyJSON: nil,
            make: {
                try Fixtures.build(MergeStreamRequest(organizationId: "org1", target: dataCollection, fileId: "f-1"))
            }),
        Case(
            operation: .deleteStreamOlderThan, method: .post, url: collection + "/stream/deleteolderthan/\(ms)",
            bodyJSON: nil,
            make: {
                try Fixtures.build(
                    DeleteStreamOlderThanRequest(organizationId: "org1", target: dataCollection, epochMilliseconds: ms))
            }),
    ]

    @Test("every operation builds its method, URL, headers and body", arguments: cases)
    func operation(_ testCase: Case) throws {
        let built = try testCase.make()
        #expect(built.operation == testCase.operation)
        #expect(built.head.method == testCase.method)
        #expect(built.head.url.absoluteString == testCase.url)
        #expect(built.isIdempotent)
        let headers = built.head.headers
        #expect(headers.map(\.name) == ["Authorization", "Accept", "Content-Type", "User-Agent"])
        #expect(headers["Authorization"] == "Bearer xx-test-key-0000")
        #expect(headers["Accept"] == "application/json")
        #expect(headers["Content-Type"] == "application/json")
        #expect(headers["User-Agent"] == "CoveoSDKSwift/\(CoveoPushVersion.current)")
        #expect(!headers.description.contains("xx-test-key"))
        #expect(!built.head.description.contains("xx-test-key"))
        if let expected = testCase.bodyJSON {
            let body = try #require(built.body)
            #expect(try Fixtures.canonical(body.loadData()) == Fixtures.canonical(Data(expected.utf8)))
        } else {
            #expect(built.body == nil)
        }
    }

    @Test("the table covers every Push and Stream operation except the upload")
    func coverage() {
        let covered = Set(Self.cases.map(\.operation))
        let all: Set<PushOperation> = [
            .setSourceStatus, .addOrUpdateDocument, .deleteDocument, .deleteDocumentsOlderThan, .pushDocumentBatch,
            .createFileContainer, .addOrUpdateIdentity, .deleteIdentity, .addOrUpdateAlias, .pushIdentityBatch,
            .deleteIdentitiesOlderThan, .openStream, .getStreamChunk, .closeStream, .updateStream, .mergeStream,
            .deleteStreamOlderThan,
        ]
        #expect(covered == all)
    }

    @Test("the single-push body is exactly the encoder's output")
    func documentBodyIsEncoderOutput() throws {
        let request = try AddOrUpdateDocumentRequest(organizationId: "o", sourceId: "s", document: Fixtures.page)
        let encoded = try DocumentEncoder().encode(Fixtures.page, for: .singlePush)
        #expect(try request.makeBody()?.loadData() == Data(encoded.json))
        let fromEncoded = try AddOrUpdateDocumentRequest(organizationId: "o", sourceId: "s", encoded: encoded)
        #expect(fromEncoded == request)
        #expect(request.documentId == Fixtures.page.documentId)
    }

    @Test("a custom endpoint keeps its path and the user agent carries the suffix")
    func customEndpointAndUserAgent() throws {
        let endpoint = try PushEndpoint(baseURL: #require(URL(string: "http://127.0.0.1:8080/push/v1/")))
        let builder = RequestBuilder(endpoint: endpoint, userAgentSuffix: "MyCrawler/2.1")
        let built = try Fixtures.build(OpenStreamRequest(organizationId: "o", sourceId: "s"), with: builder)
        #expect(built.head.url.absoluteString == "http://127.0.0.1:8080/push/v1/organizations/o/sources/s/stream/open")
        #expect(built.head.headers["User-Agent"] == "CoveoSDKSwift/\(CoveoPushVersion.current) MyCrawler/2.1")
        #expect(
            RequestBuilder(endpoint: endpoint, userAgentSuffix: "Bad\r\nX-Injected: 1").userAgent
                == "CoveoSDKSwift/\(CoveoPushVersion.current) BadX-Injected: 1")
        #expect(
            RequestBuilder(endpoint: endpoint, userAgentSuffix: " \n").userAgent
                == "CoveoSDKSwift/\(CoveoPushVersion.current)")
    }

    @Test("uploads carry exactly the container's required headers and never the API key")
    func upload() throws {
        let uploadUri = try #require(
            URL(
                string:
                    "https://s3.amazonaws.com/coveo-nprod-customerdata/proda/blobstore/org/b5e8?X-Amz-Signature=a%2Bb"))
        let container = FileContainer(
            uploadUri: uploadUri, fileId: "b5e8",
            requiredHeaders: ["x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream"])
        let builder = RequestBuilder(endpoint: .production, userAgentSuffix: "Crawler/1")
        let head = builder.buildUpload(to: container, body: .data(Data("{}".utf8)))
        #expect(head.method == .put)
        #expect(head.url == uploadUri)
        #expect(head.url.absoluteString.hasSuffix("X-Amz-Signature=a%2Bb"))
        #expect(head.headers.map(\.name) == ["Content-Type", "x-amz-server-side-encryption"])
        #expect(head.headers["Content-Type"] == "application/octet-stream")
        #expect(head.headers["x-amz-server-side-encryption"] == "AES256")
        #expect(!head.headers.contains("Authorization"))
        #expect(!head.headers.contains("User-Agent"))

        let bare = builder.buildUpload(to: StreamChunk(uploadUri: uploadUri, fileId: "c"), body: .data(Data()))
        #expect(bare.headers.count == 0)

        let odd = FileContainer(uploadUri: uploadUri, fileId: "x", requiredHeaders: ["Authorization": "AWS4 given"])
        let oddHead = builder.buildUpload(to: odd, body: .data(Data()))
        #expect(oddHead.headers.count == 1)
        #expect(oddHead.headers["Authorization"] == "AWS4 given")

        let opened = StreamOpened(streamId: "s", uploadUri: uploadUri, fileId: "f", requiredHeaders: ["A": "1"])
        #expect(builder.buildUpload(to: opened, body: .data(Data())).headers["A"] == "1")
    }

    @Test("an empty path segment from a custom request is refused")
    func emptySegment() {
        struct Custom: PushRequest {
            typealias Response = EmptyResponse
            var operation: PushOperation { PushOperation(rawValue: "custom") }
            var method: HTTPMethod { .get }
            var pathComponents: [String] { ["organizations", ""] }
            var queryItems: [QueryItem] { [] }
            var requestedOrderingId: Int64? { nil }
            func makeBody() throws(ValidationError) -> RequestBody? { nil }
        }
        let error = #expect(throws: ValidationError.self) { try Fixtures.build(Custom()) }
        #expect(error?.rule == .emptyIdentifier)
    }
}
