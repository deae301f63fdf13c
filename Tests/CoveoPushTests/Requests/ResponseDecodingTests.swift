import Foundation
import Testing

@testable import CoveoPush

@Suite("Response decoding")
struct ResponseDecodingTests {
    static let files = try? CreateFileContainerRequest(organizationId: "o")
    static let status = try? SetSourceStatusRequest(organizationId: "o", sourceId: "s", status: .idle)

    @Test("a file container decodes, ignoring extra keys")
    func fileContainer() throws {
        let request = try #require(Self.files)
        let json = #"""
            {"uploadUri":"https://s3.amazonaws.com/coveo-nprod-customerdata/proda/blobstore/org/b5e8?X-Amz-Date=1",
             "fileId":"b5e8767e-8f0d-4a89-9095-1127915c89c7",
             "requiredHeaders":{"x-amz-server-side-encryption":"AES256","Content-Type":"application/octet-stream"},
             "somethingNew":{"nested":[1,2]}}
            """#
        let container = try request.decodeResponse(from: Data(json.utf8))
        #expect(container.fileId == "b5e8767e-8f0d-4a89-9095-1127915c89c7")
        #expect(container.uploadUri.absoluteString.hasSuffix("/org/b5e8?X-Amz-Date=1"))
        #expect(
            container.requiredHeaders == [
                "x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream",
            ])
    }

    @Test("missing requiredHeaders decode as none")
    func missingHeaders() throws {
        let request = try #require(Self.files)
        let container = try request.decodeResponse(from: Data(#"{"uploadUri":"https://h/x","fileId":"f"}"#.utf8))
        #expect(container.requiredHeaders.isEmpty)
        #expect(container == FileContainer(uploadUri: try #require(URL(string: "https://h/x")), fileId: "f"))
    }

    @Test(
        "malformed file containers are refused",
        arguments: [
            "", "null", "{}", #"{"fileId":"f"}"#, #"{"uploadUri":"https://h/x"}"#,
            #"{"uploadUri":"not a url","fileId":"f"}"#, #"{"uploadUri":"/relative","fileId":"f"}"#,
            #"{"uploadUri":"https://h/x","fileId":"f","requiredHeaders":{"a":1}}"#,
        ])
    func malformedContainer(json: String) throws {
        let request = try #require(Self.files)
        #expect(throws: (any Error).self) { try request.decodeResponse(from: Data(json.utf8)) }
    }

    @Test("an opened stream and a chunk decode")
    func stream() throws {
        let open = try OpenStreamRequest(organizationId: "o", sourceId: "s")
        let opened = try open.decodeResponse(
            from: Data(#"{"streamId":"st-1","uploadUri":"https://h/u","fileId":"f1","extra":true}"#.utf8))
        #expect(opened.streamId == "st-1")
        #expect(opened.fileId == "f1")
        #expect(opened.requiredHeaders.isEmpty)
        #expect(throws: (any Error).self) {
            try open.decodeResponse(from: Data(#"{"uploadUri":"https://h/u","fileId":"f1"}"#.utf8))
        }

        let chunkRequest = try GetStreamChunkRequest(organizationId: "o", sourceId: "s", streamId: "st-1")
        let chunk = try chunkRequest.decodeResponse(
            from: Data(#"{"uploadUri":"https://h/c","fileId":"f2","requiredHeaders":{"A":"1"}}"#.utf8))
        #expect(chunk.fileId == "f2")
        #expect(chunk.requiredHeaders == ["A": "1"])
    }

    @Test(
        "stream results accept a number or a numeric string, missing fields, null and empty bodies",
        arguments: [
            (#"{"orderingId":1700000000000,"requestId":"r-1"}"#, 1_700_000_000_000 as Int64?, "r-1" as String?),
            (#"{"orderingId":"1700000000000","requestId":"r-1","more":1}"#, 1_700_000_000_000, "r-1"),
            (#"{"requestId":"r-2"}"#, nil, "r-2"),
            (#"{"orderingId":null}"#, nil, nil),
            ("{}", nil, nil),
            ("null", nil, nil),
            ("", nil, nil),
            (" \n", nil, nil),
        ])
    func streamResult(json: String, orderingId: Int64?, requestId: String?) throws {
        let request = try CloseStreamRequest(organizationId: "o", sourceId: "s", streamId: "x")
        let result = try request.decodeResponse(from: Data(json.utf8))
        #expect(result == StreamOperationResult(orderingId: orderingId, requestId: requestId))
    }

    @Test("a non-numeric stream orderingId is refused")
    func badOrderingId() throws {
        let request = try MergeStreamRequest(organizationId: "o", sourceId: "s", fileId: "f")
        #expect(throws: DecodingError.self) { try request.decodeResponse(from: Data(#"{"orderingId":"soon"}"#.utf8)) }
    }

    @Test(
        "empty responses decode from nothing, null, {} or any other JSON",
        arguments: ["", "  \r\n", "null", "{}", "[]", "\"ok\""])
    func empty(body: String) throws {
        let request = try #require(Self.status)
        #expect(try request.decodeResponse(from: Data(body.utf8)) == EmptyResponse())
    }

    @Test("an empty response still refuses a body that is not JSON")
    func emptyRefusesGarbage() throws {
        let request = try #require(Self.status)
        #expect(throws: (any Error).self) { try request.decodeResponse(from: Data("<html>".utf8)) }
    }
}
