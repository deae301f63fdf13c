import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: malformed requests")
struct EmulatorFuzzTests {
    /// SplitMix64, so every run sends the same requests.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

        mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
    }

    static let pathPieces = [
        "organizations", "myorg", "sources", "src", "documents", "batch", "olderthan", "providers", "prov",
        "permissions", "mappings", "files", "status", "stream", "push", "v1", "", "%20", "%2F", "..", "%C3%A9",
        "upload", "x",
    ]
    static let queryPieces = [
        "documentId=file%3A%2F%2Fa", "documentId=", "orderingId=1", "orderingId=-1", "orderingId=1e5",
        "orderingId=99999999999999999999", "compressionType=ZLIB", "compressionType=zz", "statusType=IDLE",
        "statusType=", "fileId=abc", "deleteChildren=true", "deleteChildren=2", "queueDelay=5", "queueDelay=x",
        "documentId=%FF%FE", "&&", "=", "documentId", "orderingId=0",
    ]
    static let jsonPieces = [
        "{", "}", "[", "]", ",", ":", "\"documentId\"", "\"data\"", "\"compressedBinaryData\"",
        "\"eJzLSM3JyQcABiwCFQ==\"",
        "\"permissions\"", "\"identity\"", "\"name\"", "\"type\"", "\"USER\"", "\"members\"", "\"addOrUpdate\"",
        "\"delete\"", "1e999", "-0", "12345678901234567890123", "true", "null", "\"\\ud800\"", "\"\\u0000\"",
        "\"a\\qb\"",
        "0.5", "\"file://a\"", " ", "\"parentId\"", "\"compressionType\"", "\"GZIP\"", "\"allowedPermissions\"",
    ]

    static func body(_ random: inout Generator) -> Data {
        switch random.below(6) {
        case 0:
            return Data((0..<random.below(200)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        case 1:
            let depth = 1 + random.below(5_000)
            return Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        case 2:
            return Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])
        default:
            let text = (0..<random.below(40)).map { _ in random.pick(jsonPieces) }.joined()
            return Data(text.utf8)
        }
    }

    @Test("a few hundred random paths, methods, headers and bodies are all answered, never a crash")
    func fuzz() async throws {
        let harness = EmulatorHarness {
            $0.apiKey = "xx-key"
            $0.limits.maxRequestBytes = 4_096
            $0.faults = FaultPlan(seed: 3, failureBeforeRate: 0.05, failureAfterRate: 0.05, expiredUploadRate: 0.05)
        }
        var random = Generator(state: 20_261_122)
        let methods: [HTTPMethod] = [
            .get, .put, .post, .delete, HTTPMethod(rawValue: "PATCH"), HTTPMethod(rawValue: ""),
        ]
        let container = try await harness.createContainer()
        var answered = 0
        for _ in 0..<400 {
            let path = (0..<random.below(9)).map { _ in random.pick(Self.pathPieces) }.joined(separator: "/")
            let query = (0..<random.below(4)).map { _ in random.pick(Self.queryPieces) }.joined(separator: "&")
            let base = random.pick([
                "https://api.cloud.coveo.com/push/v1/organizations/myorg/", "https://api.cloud.coveo.com/",
                "http://127.0.0.1:9/push/v1/", "https://emulator.invalid/upload/\(container.fileId)",
            ])
            guard let url = URL(string: base + path + (query.isEmpty ? "" : "?" + query)) else { continue }
            var headers = HeaderFields()
            if random.below(4) != 0 {
                headers["Authorization"] = random.pick(["Bearer xx-key", "Bearer x", "xx-key", ""])
            }
            if random.below(3) != 0 {
                headers["Content-Type"] = random.pick([
                    "application/json", "text/plain", "application/octet-stream", "", "application/vnd.x+json",
                ])
            }
            if random.below(5) == 0 { headers["x-amz-server-side-encryption"] = random.pick(["AES256", "x"]) }
            let body = random.below(5) == 0 ? nil : Self.body(&random)
            let response = try await harness.service.send(
                TransportRequest(method: random.pick(methods), url: url, headers: headers),
                body: body.map(RequestBody.data))
            #expect(
                [200, 201, 202, 400, 401, 403, 404, 405, 412, 413, 415, 429, 503, 504].contains(response.statusCode))
            answered += 1
        }
        #expect(answered > 300)
        #expect(await harness.service.counters.requests == answered + 1)
        let healthy = try await harness.send(.post, "/sources/src/status?statusType=IDLE")
        #expect([201, 503, 504].contains(healthy.statusCode))
    }

    @Test("random batch files are applied or dropped, never a crash")
    func fuzzBatchFiles() async throws {
        let harness = EmulatorHarness()
        var random = Generator(state: 7)
        for index in 0..<150 {
            var text: String
            if index % 3 == 0 {
                let entries = (0..<random.below(6)).map { _ in
                    "{" + (0..<random.below(6)).map { _ in random.pick(Self.jsonPieces) }.joined() + "}"
                }
                text =
                    "{\"\(random.pick(["addOrUpdate", "delete", "members", "deleted", "Mappings"]))\": ["
                    + entries.joined(separator: ",") + "]}"
            } else {
                text = String(decoding: Self.body(&random), as: UTF8.self)
            }
            let container = try await harness.createContainer()
            try await harness.upload(Data(text.utf8), to: container)
            let route = index.isMultiple(of: 2) ? "/sources/src/documents/batch" : "/providers/prov/permissions/batch"
            let response = try await harness.send(.put, "\(route)?fileId=\(container.fileId)")
            #expect(response.statusCode == 202)
        }
        let counters = await harness.service.counters
        #expect(counters.itemBatches + counters.identityBatches == 150)
        #expect(counters.droppedItems > 0)
    }

    /// JSON texts the emulator's parser must refuse.
    static let refusedJSON = [
        "{\"a\": 1,}", "{\"a\" 1}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": 1e}", "{\"a\": +1}",
        "{\"a\": NaN}", "{\"a\": 1e400}", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\udc00\"}", "{\"a\": \"\\x\"}",
        "{\"a\": \"tab\there\"}", "{\"a\": tru}", "{\"a\": 1} {}", "{'a': 1}", "\u{FEFF}{}",
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]

    @Test("JSON the parser must refuse is answered 400 INVALID_JSON", arguments: refusedJSON)
    func strictParser(text: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.putItem("file://a", text)
        #expect(response.statusCode == 400)
        #expect(response.emulatorErrorCode == "INVALID_JSON")
        #expect(throws: EmulatedJSONError.self) { try EmulatedJSONParser.parse(Data(text.utf8)) }
    }

    @Test("valid JSON parses to the expected values")
    func parserValues() throws {
        let value = try EmulatedJSONParser.parse(
            Data((#" {"s": "é\n\u00e9\ud83d\ude00", "i": -42, "big": 12345678901234567890, "d": 2.5e-3, "#
                + #""b": false, "n": null, "a": [1, "x"], "o": {}} "#).utf8))
        #expect(value.member("s") == .string("é\né😀"))
        #expect(value.member("I") == .integer(-42))
        #expect(value.member("big") == 1.2345678901234567e19)
        #expect(value.member("big")?.numberValue?.isIntegerLiteral == false)
        #expect(value.member("d") == 0.0025)
        #expect(value.member("b") == false)
        #expect(value.member("n") == .null)
        #expect(value.member("a") == [1, "x"])
        #expect(value.member("o") == .object([:]))
        #expect(try EmulatedJSONParser.parse(Data(value.jsonText.utf8)) == value)
        #expect(JSONValue.object(["b": 1, "a": "x"]).sortingKeys.jsonText == #"{"a":"x","b":1}"#)
        #expect(JSONValue.object(["b": 1, "a": "x"]).jsonText == #"{"b":1,"a":"x"}"#)
    }
}
