import CoveoPush
import Foundation
import Testing

@Suite("SearchLogEntriesRequest: method, URL, query and body against the Logs API reference")
struct SearchLogEntriesRequestTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("a filtered page of one document")
    func filtered() throws {
        let query = try LogEntryQuery(
            sourceId: "acme-src", from: Self.now - 3_600, to: Self.now, documentId: "https://a/1?x=1",
            matching: .partial, tasks: [.indexing], results: [.error, .rejected], page: 2, perPage: 500, now: Self.now)
        let request = try SearchLogEntriesRequest(organizationId: "acme", query: query)
        let (head, body) = try RequestBuilder(endpoint: .eu).build(request, token: "xx-key")
        #expect(head.method == .post)
        #expect(
            head.url.absoluteString
                == "https://api-eu.cloud.coveo.com/logs/v1/organizations/acme?from=2023-11-14T21%3A13%3A20.000Z"
                + "&to=2023-11-14T22%3A13%3A20.000Z&documentId=https%3A%2F%2Fa%2F1%3Fx%3D1&documentIdMatching=PARTIAL"
                + "&page=2&perPage=500")
        let text = String(decoding: try #require(try body?.loadData()), as: UTF8.self)
        #expect(text == #"{"sourcesIds":["acme-src"],"tasks":["INDEXING"],"results":["ERROR","REJECTED"]}"#)
        #expect(request.isIdempotent)
    }

    @Test("no document: no documentId parameters; no filters: only the source")
    func plain() throws {
        let query = try LogEntryQuery(sourceId: "s", from: Self.now - 60, to: Self.now, now: Self.now)
        let request = try SearchLogEntriesRequest(organizationId: "o", query: query)
        #expect(request.queryItems.map(\.name) == ["from", "to", "page", "perPage"])
        let text = String(decoding: try #require(try request.makeBody()?.loadData()), as: UTF8.self)
        #expect(text == #"{"sourcesIds":["s"]}"#)
        #expect(throws: ValidationError.self) { try SearchLogEntriesRequest(organizationId: "", query: query) }
    }
}
