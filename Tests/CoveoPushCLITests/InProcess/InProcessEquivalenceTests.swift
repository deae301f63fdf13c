import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

@Suite("What the CLI sends for a document is what the Document model produces")
struct InProcessEquivalenceTests {
    static let lines = [
        #"{"documentId": "https://example.com/eq/1", "title": "One", "author": "Ann", "clickableUri": "https://example.com/view/1", "date": "2024-03-01T12:00:00Z", "modifiedDate": 1709294400000, "fileExtension": ".html", "data": "Hello <b>world</b> \u2713 é", "views": 42, "rating": 4.5, "published": true, "tags": ["a", "b"], "tiny": -0.0001, "big": 9223372036854775807, "when": "2024-01-01"}"#,
        #"{"Title": "Two", "DOCUMENTID": "https://example.com/eq/2", "permissions": [{"allowAnonymous": false, "allowedPermissions": [{"identity": "group-a", "identityType": "Group", "securityProvider": "Email Security Provider"}], "deniedPermissions": [{"identity": "bob@example.com", "identityType": "user"}]}], "zeta": 1e3, "alpha": 1E-7}"#,
        #"{"documentId": "https://example.com/eq/3", "parentId": "https://example.com/eq/1", "title": "quote \" back\\ tab\t \ud83d\ude00 \u0000", "permissions": [{"name": "L1", "permissionSets": [{"allowAnonymous": true}]}, {"name": "L2", "permissionSets": [{"allowedPermissions": [{"identity": "*@*", "identityType": "Group"}]}]}], "empty": "", "list": []}"#,
        #"{"documentId": "https://example.com/eq/4?q=1&r=%20", "permanentId": "custom-permanent-id", "date": 1700000000123, "data": "", "attrs": {"k": "v", "n": 1}}"#,
        #"{"documentId": "https://example.com/eq/5", "modifiedDate": "2024-06-30T23:59:59.5+02:00", "score": 0, "neg": -12, "flag": false}"#,
    ]

    @Test("each uploaded batch item is byte for byte DocumentEncoder's .batchItem encoding of Document(json:)")
    func byteForByte() async throws {
        let folder = try InProcessFolder()
        let path = try folder.write("docs.jsonl", Self.lines.joined(separator: "\n") + "\n")
        let recorder = InProcessRecorder()
        let run = await InProcessFixtures.run(
            ["push", "--status", "none"] + InProcessFixtures.target + [path], transport: recorder)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")

        let uploads = await recorder.requests.filter {
            $0.request.method == .put && $0.request.url.host != "api.cloud.coveo.com"
        }
        #expect(uploads.count == 1)
        let batch = try #require(uploads.first?.body)
        var reader = JSONArrayStreamReader(bytes: Array(batch), sectionNames: InputReader.batchSections.map(\.rawValue))
        var items: [[UInt8]] = []
        while let element = try reader.next() {
            #expect(element.container == .section("addOrUpdate"))
            items.append(try #require(element.bytes))
        }
        #expect(reader.layout == .batch)
        let expected = try Self.lines.map { line in
            try DocumentEncoder().encode(Document(json: JSONParser().parse(Array(line.utf8))), for: .batchItem).json
        }
        #expect(items.count == expected.count)
        for (sent, model) in zip(items, expected) {
            #expect(
                sent == model,
                "sent \(String(decoding: sent, as: UTF8.self))\nmodel \(String(decoding: model, as: UTF8.self))")
        }
        // The permanentid the model derives is the one sent when none is given.
        let first = try Document(json: JSONParser().parse(Array(Self.lines[0].utf8)))
        #expect(String(decoding: items[0], as: UTF8.self).contains(#""permanentid":"\#(first.resolvedPermanentId)""#))
        #expect(String(decoding: items[3], as: UTF8.self).contains(#""permanentid":"custom-permanent-id""#))
    }

    @Test("the same documents from a .json array give the same bytes as from .jsonl")
    func arrayFileSameBytes() async throws {
        let folder = try InProcessFolder()
        let path = try folder.write("docs.json", "[\n" + Self.lines.joined(separator: ",\n") + "\n]\n")
        let recorder = InProcessRecorder()
        let run = await InProcessFixtures.run(
            ["push", "--status", "none"] + InProcessFixtures.target + [path], transport: recorder)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        let batch = try #require(await recorder.requests.first { $0.request.url.path.contains("/upload/") }?.body)
        var reader = JSONArrayStreamReader(bytes: Array(batch), sectionNames: InputReader.batchSections.map(\.rawValue))
        var items: [[UInt8]] = []
        while let element = try reader.next() { items.append(try #require(element.bytes)) }
        let expected = try Self.lines.map { line in
            try DocumentEncoder().encode(Document(json: JSONParser().parse(Array(line.utf8))), for: .batchItem).json
        }
        #expect(items == expected)
    }
}
