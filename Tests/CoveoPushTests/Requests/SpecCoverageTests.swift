import Foundation
import Testing

@testable import CoveoPush

/// Every operation of Coveo's Push API Swagger file has a public entry point: a public request type whose built
/// request has the operation's method and a path of the operation's template.
@Suite("Spec coverage")
struct SpecCoverageTests {
    /// One operation of the spec: its method and path template.
    struct SpecOperation: Sendable, Hashable, CustomTestStringConvertible {
        var method: HTTPMethod
        var template: String
        var testDescription: String { "\(method.rawValue) \(template)" }
    }

    /// The (method, path template) pairs of Coveo's Push API Swagger file (`coveo-push-api-swagger.yml`, "Push API -
    /// prd", info version `2016-03-03T13:22:11Z`), recorded as facts: 23 operations under 18 paths. Paths are
    /// relative to the base path `/push/v1`; `collection`, `source` and `provider` stand for the start of the
    /// templates they name.
    static let collection = "/organizations/{organizationId}/data-collections/{dataCollectionId}"
    static let source = "/organizations/{organizationId}/sources/{sourceId}"
    static let provider = "/organizations/{organizationId}/providers/{providerId}"
    static let spec: [SpecOperation] = [
        .init(method: .post, template: collection + "/stream/deleteolderthan/{epochMilliseconds}"),
        .init(method: .put, template: collection + "/stream/merge"),
        .init(method: .post, template: collection + "/stream/open"),
        .init(method: .put, template: collection + "/stream/update"),
        .init(method: .post, template: collection + "/stream/{streamId}/chunk"),
        .init(method: .post, template: collection + "/stream/{streamId}/close"),
        .init(method: .post, template: "/organizations/{organizationId}/files"),
        .init(method: .put, template: provider + "/mappings"),
        .init(method: .delete, template: provider + "/permissions"),
        .init(method: .put, template: provider + "/permissions"),
        .init(method: .put, template: provider + "/permissions/batch"),
        .init(method: .delete, template: provider + "/permissions/olderthan"),
        .init(method: .delete, template: source + "/documents"),
        .init(method: .put, template: source + "/documents"),
        .init(method: .put, template: source + "/documents/batch"),
        .init(method: .delete, template: source + "/documents/olderthan"),
        .init(method: .post, template: source + "/status"),
        .init(method: .post, template: source + "/stream/deleteolderthan/{epochMilliseconds}"),
        .init(method: .put, template: source + "/stream/merge"),
        .init(method: .post, template: source + "/stream/open"),
        .init(method: .put, template: source + "/stream/update"),
        .init(method: .post, template: source + "/stream/{streamId}/chunk"),
        .init(method: .post, template: source + "/stream/{streamId}/close"),
    ]

    /// A request value of one type, built.
    struct Candidate: Sendable {
        /// The request type's name, as the public API listing spells it.
        var typeName: String
        var method: HTTPMethod
        /// The URL's path after the endpoint's base path, percent-decoded segments.
        var segments: [String]
    }

    static func candidate<Request: PushRequest>(_ request: Request) throws -> Candidate {
        let (head, _) = try Fixtures.builder.build(request, token: Fixtures.token, now: Fixtures.now)
        let base = PushEndpoint.production.baseURL.path
        let path = head.url.path
        #expect(path.hasPrefix(base + "/"), "\(path) is not under \(base)")
        let segments = path.dropFirst(base.count).split(separator: "/").map(String.init)
        return Candidate(typeName: String(describing: Request.self), method: request.method, segments: segments)
    }

    /// One value of every request type the SDK has, each stream request for both of its targets.
    static func candidates() throws -> [Candidate] {
        let ms = Fixtures.nowMilliseconds
        let org = "o"
        let targets: [StreamTarget] = [.source("s"), .dataCollection("d")]
        var all: [Candidate] = [
            try candidate(SetSourceStatusRequest(organizationId: org, sourceId: "s", status: .rebuild)),
            try candidate(AddOrUpdateDocumentRequest(organizationId: org, sourceId: "s", document: Fixtures.page)),
            try candidate(DeleteDocumentRequest(organizationId: org, sourceId: "s", documentId: "https://a/1")),
            try candidate(DeleteDocumentsOlderThanRequest(organizationId: org, sourceId: "s", orderingId: ms)),
            try candidate(PushDocumentBatchRequest(organizationId: org, sourceId: "s", fileId: "f")),
            try candidate(CreateFileContainerRequest(organizationId: org)),
            try candidate(AddOrUpdateIdentityRequest(organizationId: org, providerId: "p", body: Fixtures.staff)),
            try candidate(
                DeleteIdentityRequest(
                    organizationId: org, providerId: "p",
                    body: IdentityDeleteBody(identity: SecurityIdentity(name: "x", type: .user)))),
            try candidate(AddOrUpdateAliasRequest(organizationId: org, providerId: "p", body: Fixtures.alias)),
            try candidate(PushIdentityBatchRequest(organizationId: org, providerId: "p", fileId: "f")),
            try candidate(DeleteIdentitiesOlderThanRequest(organizationId: org, providerId: "p", orderingId: ms)),
        ]
        for target in targets {
            all.append(try candidate(OpenStreamRequest(organizationId: org, target: target)))
            all.append(try candidate(GetStreamChunkRequest(organizationId: org, target: target, streamId: "st")))
            all.append(try candidate(CloseStreamRequest(organizationId: org, target: target, streamId: "st")))
            all.append(try candidate(UpdateStreamRequest(organizationId: org, target: target, fileId: "f")))
            all.append(try candidate(MergeStreamRequest(organizationId: org, target: target, fileId: "f")))
            all.append(
                try candidate(DeleteStreamOlderThanRequest(organizationId: org, target: target, epochMilliseconds: ms)))
        }
        return all
    }

    /// Whether built path segments fit a template: literal segments equal, `{placeholders}` any non-empty segment.
    static func matches(_ segments: [String], _ template: String) -> Bool {
        let pattern = template.split(separator: "/").map(String.init)
        guard pattern.count == segments.count else { return false }
        return zip(pattern, segments).allSatisfy { expected, actual in
            expected.hasPrefix("{") && expected.hasSuffix("}") ? !actual.isEmpty : expected == actual
        }
    }

    /// The type names the public API listing declares as public structs.
    static func publicStructs() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let listing = try String(
            contentsOf: root.appendingPathComponent("Documentation/PublicAPI/CoveoPush.txt"), encoding: .utf8)
        var names: Set<String> = []
        for line in listing.split(separator: "\n") {
            let parts = line.components(separatedBy: ": struct ")
            if parts.count == 2, parts[0] == parts[1] { names.insert(parts[0]) }
        }
        return names
    }

    @Test("the recorded list holds the spec's 23 distinct operations")
    func listIsTheSpec() {
        #expect(Self.spec.count == 23)
        #expect(Set(Self.spec).count == 23)
        #expect(Self.spec.filter { $0.template.contains("/data-collections/") }.count == 6)
    }

    @Test("every operation of the spec has a public request type building its method and path", arguments: spec)
    func publicEntryPoint(_ operation: SpecOperation) throws {
        let publicTypes = try Self.publicStructs()
        let found = try Self.candidates().filter {
            $0.method == operation.method && Self.matches($0.segments, operation.template)
        }
        #expect(!found.isEmpty, "no request type builds \(operation.method.rawValue) \(operation.template)")
        #expect(
            found.contains { publicTypes.contains($0.typeName) },
            "only non-public types build it: \(found.map(\.typeName))")
    }

    @Test("the template match refuses other methods and paths")
    func matcherIsStrict() {
        let template = "/organizations/{organizationId}/data-collections/{dataCollectionId}/stream/open"
        #expect(Self.matches(["organizations", "o", "data-collections", "d", "stream", "open"], template))
        #expect(!Self.matches(["organizations", "o", "sources", "d", "stream", "open"], template))
        #expect(!Self.matches(["organizations", "o", "data-collections", "d", "stream", "open", "x"], template))
        #expect(!Self.matches(["organizations", "", "data-collections", "d", "stream", "open"], template))
    }
}
