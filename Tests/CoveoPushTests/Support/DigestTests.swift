import Testing

@testable import CoveoPush

@Suite("MD5 and SHA-1 digests")
struct DigestTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let input: String
        let md5: String
        let sha1: String
        var testDescription: String { "\"\(input.prefix(24))\"" }
    }

    /// RFC 1321 appendix A.5 (MD5) and FIPS 180 / RFC 3174 (SHA-1) messages.
    static let vectors: [Vector] = [
        Vector(input: "", md5: "d41d8cd98f00b204e9800998ecf8427e", sha1: "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        Vector(input: "a", md5: "0cc175b9c0f1b6a831c399e269772661", sha1: "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8"),
        Vector(
            input: "abc", md5: "900150983cd24fb0d6963f7d28e17f72", sha1: "a9993e364706816aba3e25717850c26c9cd0d89d"),
        Vector(
            input: "message digest",
            md5: "f96b697d7cb7938d525a2f31aaf161d0", sha1: "c12252ceda8be8994d5fa0290a47231c1d16aae3"),
        Vector(
            input: "abcdefghijklmnopqrstuvwxyz",
            md5: "c3fcd3d76192e4007dfb496cca67e13b", sha1: "32d10c7b8cf96570ca04ce37f2a19d84240d3a89"),
        Vector(
            input: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            md5: "d174ab98d277d9f5a5611c2c9f419d9f", sha1: "761c457bf73b14d27e9e9265c46f4b4dda11f940"),
        Vector(
            input: String(repeating: "1234567890", count: 8),
            md5: "57edf4a22be3c955ac49da2e2107b67a", sha1: "50abf5706a150990a08b2c5ea40fa0e585554732"),
        Vector(
            input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            md5: "8215ef0796a20bcaaae116d3876c664a", sha1: "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    ]

    @Test("the RFC 1321 and FIPS 180 test messages give the published digests", arguments: vectors)
    func publishedVectors(vector: Vector) {
        let bytes = Array(vector.input.utf8)
        #expect(Hex.lowercase(MD5.hash(bytes)) == vector.md5)
        #expect(Hex.lowercase(SHA1.hash(bytes)) == vector.sha1)
    }

    /// Inputs around the padding boundary: bytes `(i * 7 + 3) % 256`, digests from an independent implementation.
    static let boundaries: [(Int, String, String)] = [
        (55, "52c0e574e1198de5fe3f8f11440dcb1b", "ddf57317ef34bfee3b6df83d359098930eb278bc"),
        (56, "46c9907fc908ee68b1e7b8e71286a518", "a0d492bb0fc889d0eca3bc137066ab6f4f74f369"),
        (63, "a62f6d59e837867693f042f5b8f5a236", "c55856749bef509bdfe6bfebfc7bf4e793e82132"),
        (64, "7160b8fb5e9e4023d549c3971fbaeead", "bede92be29c3874e1b54ddc77988d606fc857a8e"),
        (65, "70bd662e7aefbda85a0f7244167b7897", "b05a80522b053d6dc7e0a517d0e70212c7dad11f"),
        (119, "e84905d4214f4d1ca56c2cdcc152b143", "504e27376a6e0f0dba8295b85cb25dc4dfa17d23"),
        (120, "e3eb5a6c8669ea01a8c185b8abc8a5dc", "82134b02fb3f702491be9bed581eeab59334acb2"),
        (128, "10b2da1a82f16d99a81a7203fe9f02cb", "a09133e6730ffe899efb70204cb5646cd5dc24ee"),
    ]

    @Test("messages of 55, 56, 63, 64, 65, 119, 120 and 128 bytes pad correctly", arguments: boundaries)
    func paddingBoundaries(length: Int, md5: String, sha1: String) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
        #expect(Hex.lowercase(MD5.hash(bytes)) == md5)
        #expect(Hex.lowercase(SHA1.hash(bytes)) == sha1)
    }

    @Test("one million 'a' characters, fed in uneven pieces")
    func millionA() {
        var md5 = MD5()
        var sha1 = SHA1()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        while fed < 1_000_000 {
            let chunk = piece.prefix(min(piece.count, 1_000_000 - fed))
            md5.update(chunk)
            sha1.update(chunk)
            fed += chunk.count
        }
        #expect(Hex.lowercase(md5.finalize()) == "7707d6ae4e027c70eea2a935c2296f21")
        #expect(Hex.lowercase(sha1.finalize()) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test("FIPS 180 SHA-1 message of 10 × 64 digits")
    func sha1RepeatedDigits() {
        let bytes = Array(String(repeating: "01234567", count: 80).utf8)
        #expect(Hex.lowercase(SHA1.hash(bytes)) == "dea356a2cddd90c7a7ecedc5ebb563934f460452")
    }

    @Test(
        "streaming in pieces of 1, 3, 63, 64, 65 or 130 bytes gives the one-shot digest",
        arguments: [1, 3, 63, 64, 65, 130])
    func streamingMatchesOneShot(pieceSize: Int) {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 17) }
        var md5 = MD5()
        var sha1 = SHA1()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + pieceSize, bytes.count)
            md5.update(bytes[offset..<end])
            sha1.update(bytes[offset..<end])
            offset = end
        }
        #expect(md5.finalize() == MD5.hash(bytes))
        #expect(sha1.finalize() == SHA1.hash(bytes))
    }

    @Test("a non-contiguous sequence hashes like its array")
    func nonContiguousInput() {
        let text = "https://example.com/ä"
        #expect(MD5.hash(text.utf8) == MD5.hash(Array(text.utf8)))
        #expect(SHA1.hash(text.utf8) == SHA1.hash(Array(text.utf8)))
    }

    @Test("hex is lowercase with two digits per byte")
    func hex() {
        #expect(Hex.lowercase([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.lowercase([UInt8]()) == "")
    }
}
