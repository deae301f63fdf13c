import Foundation
import Testing

@testable import CoveoPush

@Suite("Request validation")
struct RequestValidationTests {
    struct Refusal: Sendable, CustomTestStringConvertible {
        var label: String
        var rule: ValidationError.Rule
        var make: @Sendable () throws -> Void
        var testDescription: String { label }
    }

    static let identity = SecurityIdentity(name: "u", type: .user)
    static let document = Document(documentId: "https://x/1", permanentId: "p", content: .text("x"))

    static let refusals: [Refusal] = [
        Refusal(label: "status: empty organization", rule: .emptyIdentifier) {
            _ = try SetSourceStatusRequest(organizationId: "", sourceId: "s", status: .idle)
        },
        Refusal(label: "status: blank source", rule: .emptyIdentifier) {
            _ = try SetSourceStatusRequest(organizationId: "o", sourceId: " \n", status: .idle)
        },
        Refusal(label: "document: empty source", rule: .emptyIdentifier) {
            _ = try AddOrUpdateDocumentRequest(organizationId: "o", sourceId: "", document: document)
        },
        Refusal(label: "document: empty organization", rule: .emptyIdentifier) {
            _ = try AddOrUpdateDocumentRequest(organizationId: "", sourceId: "s", document: document)
        },
        Refusal(label: "document: relative ID", rule: .invalidDocumentId) {
            _ = try AddOrUpdateDocumentRequest(
                organizationId: "o", sourceId: "s", document: Document(documentId: "no-scheme", content: .text("x")))
        },
        Refusal(label: "document: encoded with a bad ID", rule: .invalidDocumentId) {
            _ = try AddOrUpdateDocumentRequest(
                organizationId: "o", sourceId: "s",
                encoded: EncodedDocument(documentId: "", json: Array("{}".utf8), compressionType: nil))
        },
        Refusal(label: "document: encoded JSON over 6 MB", rule: .contentTooLarge) {
            _ = try AddOrUpdateDocumentRequest(
                organizationId: "o", sourceId: "s",
                encoded: EncodedDocument(
                    documentId: "https://x/1", json: [UInt8](repeating: 0x20, count: PushLimits.maxRequestBytes + 1),
                    compressionType: nil))
        },
        Refusal(label: "delete: empty document ID", rule: .invalidDocumentId) {
            _ = try DeleteDocumentRequest(organizationId: "o", sourceId: "s", documentId: "")
        },
        Refusal(label: "delete: empty organization", rule: .emptyIdentifier) {
            _ = try DeleteDocumentRequest(organizationId: "", sourceId: "s", documentId: "https://x/1")
        },
        Refusal(label: "older than: negative queue delay", rule: .outOfRange) {
            _ = try DeleteDocumentsOlderThanRequest(organizationId: "o", sourceId: "s", orderingId: 1, queueDelay: -1)
        },
        Refusal(label: "older than: empty source", rule: .emptyIdentifier) {
            _ = try DeleteDocumentsOlderThanRequest(organizationId: "o", sourceId: "", orderingId: 1)
        },
        Refusal(label: "batch: empty file", rule: .emptyIdentifier) {
            _ = try PushDocumentBatchRequest(organizationId: "o", sourceId: "s", fileId: "")
        },
        Refusal(label: "file container: empty organization", rule: .emptyIdentifier) {
            _ = try CreateFileContainerRequest(organizationId: "\t")
        },
        Refusal(label: "identity: empty provider", rule: .emptyIdentifier) {
            _ = try AddOrUpdateIdentityRequest(
                organizationId: "o", providerId: "", body: IdentityBody(identity: identity))
        },
        Refusal(label: "identity: empty identity name", rule: .emptyIdentifier) {
            _ = try AddOrUpdateIdentityRequest(
                organizationId: "o", providerId: "p",
                body: IdentityBody(identity: SecurityIdentity(name: "", type: .user)))
        },
        Refusal(label: "identity delete: empty organization", rule: .emptyIdentifier) {
            _ = try DeleteIdentityRequest(
                organizationId: "", providerId: "p", body: IdentityDeleteBody(identity: identity))
        },
        Refusal(label: "alias: empty provider", rule: .emptyIdentifier) {
            _ = try AddOrUpdateAliasRequest(
                organizationId: "o", providerId: " ", body: AliasBody(identity: identity, mappings: []))
        },
        Refusal(label: "identity batch: empty file", rule: .emptyIdentifier) {
            _ = try PushIdentityBatchRequest(organizationId: "o", providerId: "p", fileId: "")
        },
        Refusal(label: "identities older than: negative queue delay", rule: .outOfRange) {
            _ = try DeleteIdentitiesOlderThanRequest(
                organizationId: "o", providerId: "p", orderingId: 1, queueDelay: -5)
        },
        Refusal(label: "identities older than: empty provider", rule: .emptyIdentifier) {
            _ = try DeleteIdentitiesOlderThanRequest(organizationId: "o", providerId: "", orderingId: 1)
        },
        Refusal(label: "open stream: empty source", rule: .emptyIdentifier) {
            _ = try OpenStreamRequest(organizationId: "o", sourceId: "")
        },
        Refusal(label: "chunk: empty stream", rule: .emptyIdentifier) {
            _ = try GetStreamChunkRequest(organizationId: "o", sourceId: "s", streamId: "")
        },
        Refusal(label: "close: empty stream", rule: .emptyIdentifier) {
            _ = try CloseStreamRequest(organizationId: "o", sourceId: "s", streamId: "")
        },
        Refusal(label: "update: empty file", rule: .emptyIdentifier) {
            _ = try UpdateStreamRequest(organizationId: "o", sourceId: "s", fileId: "")
        },
        Refusal(label: "update: shard too long", rule: .invalidParameter) {
            _ = try UpdateStreamRequest(organizationId: "o", sourceId: "s", fileId: "f", shard: "abcdefghijk")
        },
        Refusal(label: "update: empty shard", rule: .invalidParameter) {
            _ = try UpdateStreamRequest(organizationId: "o", sourceId: "s", fileId: "f", shard: "")
        },
        Refusal(label: "update: shard with a dash", rule: .invalidParameter) {
            _ = try UpdateStreamRequest(organizationId: "o", sourceId: "s", fileId: "f", shard: "a-b")
        },
        Refusal(label: "merge: empty file", rule: .emptyIdentifier) {
            _ = try MergeStreamRequest(organizationId: "o", sourceId: "s", fileId: " ")
        },
        Refusal(label: "stream older than: negative cutoff", rule: .outOfRange) {
            _ = try DeleteStreamOlderThanRequest(organizationId: "o", sourceId: "s", epochMilliseconds: -1)
        },
        Refusal(label: "stream older than: negative queue delay", rule: .outOfRange) {
            _ = try DeleteStreamOlderThanRequest(
                organizationId: "o", sourceId: "s", epochMilliseconds: 1, queueDelay: -1)
        },
        Refusal(label: "stream older than: empty organization", rule: .emptyIdentifier) {
            _ = try DeleteStreamOlderThanRequest(organizationId: "", sourceId: "s", epochMilliseconds: 1)
        },
        Refusal(label: "open stream: empty data collection", rule: .emptyIdentifier) {
            _ = try OpenStreamRequest(organizationId: "o", target: .dataCollection(" "))
        },
        Refusal(label: "update: data collection, shard with a space", rule: .invalidParameter) {
            _ = try UpdateStreamRequest(organizationId: "o", target: .dataCollection("d"), fileId: "f", shard: "a b")
        },
        Refusal(label: "stream older than: data collection, negative cutoff", rule: .outOfRange) {
            _ = try DeleteStreamOlderThanRequest(
                organizationId: "o", target: .dataCollection("d"), epochMilliseconds: -1)
        },
    ]

    @Test("an empty data collection ID is named as the dataCollectionId parameter")
    func emptyDataCollectionNamed() {
        let error = #expect(throws: ValidationError.self) {
            try MergeStreamRequest(organizationId: "o", target: .dataCollection(""), fileId: "f")
        }
        #expect(error?.message.contains("dataCollectionId") == true)
    }

    @Test("invalid inputs are refused with the rule they break", arguments: refusals)
    func refused(_ refusal: Refusal) {
        let error = #expect(throws: ValidationError.self) { try refusal.make() }
        #expect(error?.rule == refusal.rule)
    }

    @Test("valid edge values are accepted")
    func accepted() throws {
        _ = try UpdateStreamRequest(organizationId: "o", sourceId: "s", fileId: "f", shard: "A1b2C3d4E5")
        _ = try DeleteDocumentsOlderThanRequest(organizationId: "o", sourceId: "s", orderingId: 0, queueDelay: 0)
        _ = try DeleteStreamOlderThanRequest(organizationId: "o", sourceId: "s", epochMilliseconds: 0)
    }

    /// Builds a request carrying `orderingId` for each operation that sends one.
    static let withOrderingId: [(String, @Sendable (Int64) throws -> BuiltRequest)] = [
        (
            "document",
            { id in
                try Fixtures.build(
                    AddOrUpdateDocumentRequest(organizationId: "o", sourceId: "s", document: document, orderingId: id))
            }
        ),
        (
            "delete",
            { id in
                try Fixtures.build(
                    DeleteDocumentRequest(organizationId: "o", sourceId: "s", documentId: "https://x/1", orderingId: id)
                )
            }
        ),
        (
            "older than",
            { id in
                try Fixtures.build(DeleteDocumentsOlderThanRequest(organizationId: "o", sourceId: "s", orderingId: id))
            }
        ),
        (
            "batch",
            { id in
                try Fixtures.build(
                    PushDocumentBatchRequest(organizationId: "o", sourceId: "s", fileId: "f", orderingId: id))
            }
        ),
        (
            "identity",
            { id in
                try Fixtures.build(
                    AddOrUpdateIdentityRequest(
                        organizationId: "o", providerId: "p", body: IdentityBody(identity: identity), orderingId: id))
            }
        ),
        (
            "identity delete",
            { id in
                try Fixtures.build(
                    DeleteIdentityRequest(
                        organizationId: "o", providerId: "p", body: IdentityDeleteBody(identity: identity),
                        orderingId: id))
            }
        ),
        (
            "alias",
            { id in
                try Fixtures.build(
                    AddOrUpdateAliasRequest(
                        organizationId: "o", providerId: "p", body: AliasBody(identity: identity, mappings: []),
                        orderingId: id))
            }
        ),
        (
            "identity batch",
            { id in
                try Fixtures.build(
                    PushIdentityBatchRequest(organizationId: "o", providerId: "p", fileId: "f", orderingId: id))
            }
        ),
        (
            "identities older than",
            { id in
                try Fixtures.build(
                    DeleteIdentitiesOlderThanRequest(organizationId: "o", providerId: "p", orderingId: id))
            }
        ),
        (
            "stream older than",
            { id in
                try Fixtures.build(
                    DeleteStreamOlderThanRequest(organizationId: "o", sourceId: "s", epochMilliseconds: id))
            }
        ),
    ]

    @Test("an orderingId more than one hour after now is refused at build time; one hour exactly is accepted")
    func futureOrderingId() throws {
        let limit = Fixtures.nowMilliseconds + PushLimits.maxOrderingIdLeadMilliseconds
        for (label, make) in Self.withOrderingId {
            #expect(throws: Never.self, "\(label)") { _ = try make(limit) }
            #expect(throws: Never.self, "\(label)") { _ = try make(Fixtures.nowMilliseconds - 86_400_000) }
            let error = #expect(throws: ValidationError.self, "\(label)") { _ = try make(limit + 1) }
            #expect(error?.rule == .futureOrderingId, "\(label)")
            let far = #expect(throws: ValidationError.self, "\(label)") { _ = try make(Int64.max) }
            #expect(far?.rule == .futureOrderingId, "\(label)")
        }
    }

    @Test("the orderingId check follows the injected clock")
    func injectedClock() throws {
        let request = try PushDocumentBatchRequest(
            organizationId: "o", sourceId: "s", fileId: "f", orderingId: Fixtures.nowMilliseconds + 7_200_000)
        let builder = RequestBuilder(endpoint: .production)
        #expect(throws: ValidationError.self) { try builder.build(request, token: Fixtures.token, now: Fixtures.now) }
        let later = Fixtures.now.addingTimeInterval(3_600)
        #expect(throws: Never.self) { try builder.build(request, token: Fixtures.token, now: later) }
    }
}
