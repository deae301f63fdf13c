import CoveoPushTesting
import Foundation
import Testing

/// Permanent errors of the Push API are not retried: one request, a typed error with Coveo's errorCode, and `IDLE`
/// still attempted.
@Suite("Reliability: fail fast on permanent API errors")
struct FailFastTests {
    static let cases: [(Int, String)] = [
        (400, "INVALID_PARAMETER"), (401, "INVALID_TOKEN"), (403, "ACCESS_DENIED"), (404, "SOURCE_NOT_FOUND"),
        (412, "PRECONDITION_FAILED"), (413, "REQUEST_ENTITY_TOO_LARGE"), (415, "UNSUPPORTED_MEDIA_TYPE"),
    ]

    enum Target: String, CaseIterable, Sendable {
        case createFileContainer, pushDocumentBatch

        func matches(_ request: TransportRequest) -> Bool {
            switch self {
            case .createFileContainer: request.method == .post && request.url.path.hasSuffix("/files")
            case .pushDocumentBatch: request.url.path.hasSuffix("/documents/batch")
            }
        }
    }

    @Test("a permanent error ends the push after one request for the failing operation", arguments: cases, Target.allCases)
    func permanentError(_ failure: (Int, String), target: Target) async throws {
        let (status, errorCode) = failure
        let rig = try ReliabilityRig { request, _, forward in
            target.matches(request) ? coveoError(status, errorCode) : try await forward()
        }
        let client = try rig.client(try rig.configuration())
        let report = try await client.withStatus(.incremental, sourceId: "src") {
            try await client.push(ReliabilityCorpus.documents(5), sourceId: "src")
        }
        await rig.shutdown()
        let attempts = rig.front.recorded.filter {
            target == .createFileContainer ? ($0.method == "POST" && $0.path.hasSuffix("/files"))
                : $0.path.hasSuffix("/documents/batch")
        }
        #expect(attempts.count == 1)
        #expect(report.accepted == 0)
        #expect(report.failed.count == 5)
        let error = try #require(report.failed.first?.error)
        #expect(error.statusCode == status)
        #expect(error.errorCode == errorCode)
        #expect(error.attempts == 1)
        #expect(await rig.service.items(organizationId: "org", sourceId: "src").isEmpty)
        let statuses = await rig.service.statusHistory(sourceId: "src", organizationId: "org").map(\.status)
        #expect(statuses == [.incremental, .idle])
        #expect(rig.front.recorded.last.map { $0.path.hasSuffix("/status") } == true)
    }

    @Test("401 with a token provider refreshes the token once, then fails", arguments: Target.allCases)
    func unauthorizedWithProvider(target: Target) async throws {
        let rig = try ReliabilityRig { request, _, forward in
            target.matches(request) ? coveoError(401, "INVALID_TOKEN") : try await forward()
        }
        let refreshes = Tally()
        var configuration = try rig.configuration()
        configuration.credentials = .tokenProvider { force in
            if force { _ = refreshes.next("refresh") }
            return try APIKey(reliabilityKey)
        }
        let client = try rig.client(configuration)
        let report = try await client.withStatus(.incremental, sourceId: "src") {
            try await client.push(ReliabilityCorpus.documents(5), sourceId: "src")
        }
        await rig.shutdown()
        let attempts = rig.front.recorded.filter {
            target == .createFileContainer ? ($0.method == "POST" && $0.path.hasSuffix("/files"))
                : $0.path.hasSuffix("/documents/batch")
        }
        #expect(attempts.count == 2)
        #expect(refreshes.next("refresh") == 2)
        #expect(report.failed.count == 5)
        #expect(report.failed.first?.error.code == .authenticationFailed)
        #expect(report.failed.first?.error.errorCode == "INVALID_TOKEN")
        let statuses = await rig.service.statusHistory(sourceId: "src", organizationId: "org").map(\.status)
        #expect(statuses == [.incremental, .idle])
    }
}
