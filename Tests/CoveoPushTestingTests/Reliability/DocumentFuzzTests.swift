import CoveoPushTesting
import Foundation
import Testing

/// Seeded fuzzing of the document encoder and decoder: what the encoder writes reads back to the same values, and
/// no byte sequence crashes the decoder.
@Suite("Reliability: document fuzzing")
struct DocumentFuzzTests {
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "é", "\u{2028}",
        "\u{2029}", "\u{FEFF}", "\u{FFFD}", "中", "😀", "\u{10FFFF}", "\u{1D11E}", "<", "&", "\n", "\t", "\r",
    ]

    static func string(_ random: inout SeededRandomNumberGenerator, maxLength: Int = 24, controls: Bool = true) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &random) {
            var scalar = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            if !controls, scalar.value < 0x20 || scalar.value == 0x7F { scalar = "x" }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// A date at millisecond precision within the years 0001–9999.
    static func date(_ random: inout SeededRandomNumberGenerator) -> Date {
        let milliseconds = Int64.random(in: -62_000_000_000_000...253_000_000_000_000, using: &random)
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func scalar(_ random: inout SeededRandomNumberGenerator) -> MetadataValue {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return .string(string(&random))
        case 1: return .integer(Int64.random(in: Int64.min...Int64.max, using: &random))
        case 2: return .double(Double(Int.random(in: -1_000...1_000, using: &random)))
        case 3: return .double(Double.random(in: -1e12...1e12, using: &random))
        case 4: return .bool(Bool.random(using: &random))
        default: return .date(date(&random))
        }
    }

    static func document(_ random: inout SeededRandomNumberGenerator, index: Int) -> Document {
        var document = Document(documentId: "https://example.com/\(index)/" + string(&random, controls: false))
        if Bool.random(using: &random) { document.title = string(&random, maxLength: 200) }
        if Bool.random(using: &random) { document.author = string(&random) }
        if Bool.random(using: &random) { document.clickableUri = "https://c/" + string(&random) }
        if Bool.random(using: &random) { document.date = date(&random) }
        if Bool.random(using: &random) { document.modifiedDate = date(&random) }
        if Bool.random(using: &random) { document.fileExtension = ".e\(index % 100)" }
        if Bool.random(using: &random) { document.parentId = "file:///p/\(index)" }
        if Bool.random(using: &random) { document.content = .text(string(&random, maxLength: 400)) }
        for key in 0..<Int.random(in: 0...5, using: &random) {
            let value: MetadataValue
            switch Int.random(in: 0..<3, using: &random) {
            case 0: value = scalar(&random)
            case 1: value = .array((0..<Int.random(in: 0...4, using: &random)).map { _ in scalar(&random) })
            default: value = .dictionary(["k": scalar(&random), "q": scalar(&random)])
            }
            document.metadata["meta\(key)_\(index % 7)"] = value
        }
        if Bool.random(using: &random) {
            let identity = PermissionIdentity(
                identity: string(&random), identityType: [.user, .group, .virtualGroup, .unknown][index % 4],
                securityProvider: Bool.random(using: &random) ? "p\(index % 3)" : nil)
            document.permissions = .sets([
                PermissionSet(allowAnonymous: Bool.random(using: &random), allowed: [identity], denied: []),
                PermissionSet(allowed: [], denied: [.group(string(&random))]),
            ])
        }
        return document
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func parseMilliseconds(_ text: String) -> Int64? {
        // Hand-parsed: creating a date formatter per value costs more than the whole round trip.
        let parts = text.split(whereSeparator: { "-T:.Z".contains($0) }).compactMap { Int($0) }
        guard text.hasSuffix("Z"), parts.count >= 6 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        (components.hour, components.minute, components.second) = (parts[3], parts[4], parts[5])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let date = calendar.date(from: components) else { return nil }
        var fraction = 0
        if let dot = text.firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix { $0.isNumber }
            fraction = Int(String((digits + "000").prefix(3))) ?? 0
        }
        return milliseconds(date) + Int64(fraction)
    }

    /// Whether a decoded metadata value stands for the original: numbers by value, dates as their ISO 8601 text.
    static func same(_ decoded: MetadataValue?, _ original: MetadataValue) -> Bool {
        guard let decoded else { return false }
        switch (original, decoded) {
        case (.date(let date), .string(let text)):
            // Dates before 1583 may be written in the proleptic calendar the formatter does not read; skip them.
            guard date.timeIntervalSince1970 > -12_000_000_000 else { return !text.isEmpty }
            return parseMilliseconds(text) == milliseconds(date)
        case (.double(let value), .integer(let integer)):
            return Double(integer) == value
        case (.double(let value), .double(let other)):
            return value == other
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(right, left).allSatisfy { same($0, $1) }
        case (.dictionary(let left), .dictionary(let right)):
            return left.count == right.count && left.allSatisfy { same(right[$0.key], $0.value) }
        default:
            return decoded == original
        }
    }

    @Test("1,500 random documents written by DocumentEncoder decode to the same values")
    func roundTrip() throws {
        var random = SeededRandomNumberGenerator(seed: 20_261_122)
        let encoder = DocumentEncoder()
        var failures: [String] = []
        for index in 0..<1_500 {
            let document = Self.document(&random, index: index)
            let json = try encoder.encode(document, for: .batchItem).json
            let decoded: Document
            do {
                decoded = try JSONDecoder().decode(Document.self, from: Data(json))
            } catch {
                failures.append("\(index): \(error)")
                continue
            }
            var problems: [String] = []
            if decoded.documentId != document.documentId { problems.append("documentId") }
            if decoded.title != document.title { problems.append("title") }
            if decoded.author != document.author { problems.append("author") }
            if decoded.clickableUri != document.clickableUri { problems.append("clickableUri") }
            if decoded.fileExtension != document.fileExtension { problems.append("fileExtension") }
            if decoded.parentId != document.parentId { problems.append("parentId") }
            if decoded.permanentId != document.resolvedPermanentId { problems.append("permanentId") }
            if decoded.date.map(Self.milliseconds) != document.date.map(Self.milliseconds) { problems.append("date") }
            if decoded.modifiedDate.map(Self.milliseconds) != document.modifiedDate.map(Self.milliseconds) {
                problems.append("modifiedDate")
            }
            if decoded.content != document.content { problems.append("content") }
            if decoded.permissions != document.permissions { problems.append("permissions") }
            if decoded.metadata.count != document.metadata.count { problems.append("metadata count") }
            for entry in document.metadata where !Self.same(decoded.metadata[entry.name], entry.value) {
                problems.append("metadata \(entry.name): \(entry.value) → \(String(describing: decoded.metadata[entry.name]))")
            }
            if !problems.isEmpty { failures.append("\(index): \(problems)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test("random bytes and mutated documents never crash the decoder")
    func randomBytes() throws {
        var random = SeededRandomNumberGenerator(seed: 77)
        let encoder = DocumentEncoder()
        var decodedCount = 0
        for index in 0..<1_500 {
            let data: Data
            if index % 2 == 0 {
                data = Data((0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            } else {
                var bytes = try encoder.encode(Self.document(&random, index: index), for: .batchItem).json
                for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                    let position = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
                    case 1: bytes.remove(at: position)
                    default: bytes.insert(Array("{}[]\",:\\0".utf8).randomElement(using: &random) ?? 0, at: position)
                    }
                }
                data = Data(bytes)
            }
            if let document = try? JSONDecoder().decode(Document.self, from: data) {
                decodedCount += 1
                // Whatever decodes is valid.
                #expect(throws: Never.self) { try document.validate() }
            }
        }
        #expect(decodedCount < 1_500)
    }
}
