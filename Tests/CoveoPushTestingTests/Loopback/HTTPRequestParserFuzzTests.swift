import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

@Suite("HTTPRequestParser fuzzing")
struct HTTPRequestParserFuzzTests {
    static let seeds: [String] = [
        "GET /push/v1/organizations/o/sources/s/status HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n\r\n",
        "PUT /a?b=c HTTP/1.1\r\nContent-Length: 11\r\nContent-Type: application/json\r\n\r\n{\"a\":[1,2]}",
        "POST /f HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n4;x=y\r\nwiki\r\n5\r\npedia\r\n"
            + "0\r\nT: v\r\n\r\n",
        "GET / HTTP/1.0\nConnection: keep-alive\n\nDELETE /x HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "\r\nGET http://127.0.0.1:1/x HTTP/1.1\r\nX:\t y \r\n\r\n",
    ]

    static let alphabet =
        Array("GETPUTHP/1.0 \r\n:;-0123456789abcdefABCDEF\t\u{0}".utf8)
        + [0x7F, 0x80, 0xFF]

    /// A random input: pure noise, or a seed request mutated a few times, sometimes repeated.
    static func makeInput(using generator: inout SeededGenerator) -> [UInt8] {
        if Int.random(in: 0..<8, using: &generator) == 0 {
            let count = Int.random(in: 0..<300, using: &generator)
            return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        var bytes = Array(seeds[Int.random(in: 0..<seeds.count, using: &generator)].utf8)
        if Bool.random(using: &generator) {
            bytes += Array(seeds[Int.random(in: 0..<seeds.count, using: &generator)].utf8)
        }
        for _ in 0..<Int.random(in: 0...6, using: &generator) {
            let position = Int.random(in: 0...bytes.count, using: &generator)
            let byte =
                Bool.random(using: &generator)
                ? alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                : UInt8.random(in: 0...255, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where position < bytes.count: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            case 2 where position < bytes.count: bytes.remove(at: position)
            case 3: bytes = Array(bytes[0..<position])
            default:
                let length = Int.random(in: 1...40, using: &generator)
                bytes.insert(contentsOf: repeatElement(byte, count: length), at: position)
            }
        }
        return bytes
    }

    /// Cuts the input into random pieces.
    static func split(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int.random(in: 1...17, using: &generator))
            pieces.append(Array(bytes[start..<end]))
            start = end
        }
        return pieces
    }

    @Test(
        "thousands of random and mutated inputs never crash, respect the limits and parse the same in any split",
        arguments: [UInt64(1), 2, 3])
    func fuzz(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let limits = HTTPRequestParser.Limits(maxHeaderBytes: 160, maxBodyBytes: 24)
        var completed = 0
        var failed = 0
        for _ in 0..<1500 {
            let input = Self.makeInput(using: &generator)
            let whole = parse(pieces: [input], limits: limits)
            let pieces = Self.split(input, using: &generator)
            let split = parse(pieces: pieces, limits: limits)
            #expect(whole == split, "input: \(input)")
            for message in whole.messages {
                #expect(message.body.count <= limits.maxBodyBytes)
                #expect(HTTPRequestHead.pathAndQuery(of: message.head.target) != nil)
            }
            completed += whole.messages.count
            failed += whole.error == nil ? 0 : 1
        }
        // The generator must reach both outcomes, or the fuzzing is not exercising the parser.
        #expect(completed > 100)
        #expect(failed > 100)
    }
}
