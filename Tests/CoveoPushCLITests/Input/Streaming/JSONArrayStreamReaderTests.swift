import CoveoPush
import Foundation
import Testing

@testable import CoveoPushCLI

@Suite("JSONArrayStreamReader")
struct JSONArrayStreamReaderTests {
    typealias Element = JSONArrayStreamReader.Element

    static let chunkSizes = [1, 2, 3, 7, 64, JSONLinesReader.defaultChunkSize]
    /// The sections of the CLI's batch files, in the order unknown-section messages list them.
    static let sectionNames = ["addOrUpdate", "delete", "partialUpdate", "members", "mappings", "deleted"]

    /// What a read produced: the elements, then the error that stopped it (if any).
    struct Outcome: Equatable {
        var elements: [Element] = []
        var error: JSONParseError?
        var layout: JSONArrayStreamReader.Layout?
    }

    static func read(_ text: String, maxElementBytes: Int = 1_000_000, chunkSize: Int) -> Outcome {
        read(Array(text.utf8), maxElementBytes: maxElementBytes, chunkSize: chunkSize)
    }

    static func read(_ bytes: [UInt8], maxElementBytes: Int = 1_000_000, chunkSize: Int) -> Outcome {
        var reader = JSONArrayStreamReader(
            bytes: bytes, sectionNames: Self.sectionNames, maxElementBytes: maxElementBytes, chunkSize: chunkSize)
        var outcome = Outcome()
        do {
            while let element = try reader.next() { outcome.elements.append(element) }
        } catch let error as JSONParseError {
            outcome.error = error
            // After a structure error the reader stops for good.
            #expect((try? reader.next()) == .some(nil))
        } catch {
            Issue.record("unexpected \(error)")
        }
        outcome.layout = reader.layout
        return outcome
    }

    static func texts(_ outcome: Outcome) -> [String] {
        outcome.elements.map { String(decoding: $0.bytes ?? [], as: UTF8.self) }
    }

    @Test("a file holding one document yields it whole", arguments: chunkSizes)
    func single(chunkSize: Int) {
        let text = "\n  {\"documentId\": \"https://e.com/a\", \"tags\": [\"x\", {\"y\": 1}]}  \n"
        let outcome = Self.read(text, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.layout == .single)
        #expect(Self.texts(outcome) == [#"{"documentId": "https://e.com/a", "tags": ["x", {"y": 1}]}"#])
        let element = outcome.elements.first
        #expect(element?.container == .single && element?.index == 0)
        #expect(element?.line == 2 && element?.column == 3 && element?.offset == 3)
        // An object whose first key is a section name but whose value is not an array is a document too.
        #expect(
            Self.texts(Self.read(#"{"delete": "x", "documentId": "a:b"}"#, chunkSize: chunkSize)) == [
                #"{"delete": "x", "documentId": "a:b"}"#
            ])
        #expect(Self.texts(Self.read("{}", chunkSize: chunkSize)) == ["{}"])
        #expect(Self.texts(Self.read("42", chunkSize: chunkSize)) == ["42"])
        #expect(Self.texts(Self.read("\"s\"", chunkSize: chunkSize)) == ["\"s\""])
    }

    @Test("an array yields its elements with their index, line and column", arguments: chunkSizes)
    func array(chunkSize: Int) {
        let text = "[\n  {\"a\": 1},\n  {\"b\": [1, 2]} , 3,\"x\" ,null,\n{\"c\":\n {}}\n]\n"
        let outcome = Self.read(text, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.layout == .array)
        #expect(Self.texts(outcome) == [#"{"a": 1}"#, #"{"b": [1, 2]}"#, "3", "\"x\"", "null", "{\"c\":\n {}}"])
        #expect(outcome.elements.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(outcome.elements.map(\.line) == [2, 3, 3, 3, 3, 4])
        #expect(outcome.elements.map(\.column) == [3, 3, 19, 21, 26, 1])
        #expect(outcome.elements.allSatisfy { $0.container == .array })
        #expect(Self.read("[]", chunkSize: chunkSize) == Outcome(layout: .array))
        #expect(Self.read(" [ ] ", chunkSize: chunkSize) == Outcome(layout: .array))
    }

    @Test("a batch object yields each section's elements; section names ignore case", arguments: chunkSizes)
    func batch(chunkSize: Int) {
        let text = """
            {"AddOrUpdate": [{"documentId": "a:1"}, {"documentId": "a:2"}],
             "DELETE": [{"documentId": "a:3", "deleteChildren": true}], "partialupdate": []}
            """
        let outcome = Self.read(text, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.layout == .batch)
        #expect(
            outcome.elements.map(\.container) == [.section("addOrUpdate"), .section("addOrUpdate"), .section("delete")])
        #expect(outcome.elements.map(\.index) == [0, 1, 0])
        #expect(outcome.elements.map(\.line) == [1, 1, 2])
        #expect(Self.texts(outcome)[2] == #"{"documentId": "a:3", "deleteChildren": true}"#)
        let identities =
            #"{"members": [{"identity": {"name": "G"}}], "mappings": [], "deleted": [{"identity": {"name": "x"}}]}"#
        #expect(
            Self.read(identities, chunkSize: chunkSize).elements.map(\.container) == [
                .section("members"), .section("deleted"),
            ])
        #expect(Self.read(#"{"addOrUpdate": []}"#, chunkSize: chunkSize) == Outcome(layout: .batch))
    }

    @Test("brackets, braces, commas and escaped quotes inside strings do not count", arguments: chunkSizes)
    func bracketsInStrings(chunkSize: Int) {
        let first = #"{"a": "]}[{,", "b": "\"]\\", "c": "\u005d"}"#
        let second = #"{"d": "}}}\\\"{"}"#
        let outcome = Self.read("[\(first),\(second), \"]\"]", chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(Self.texts(outcome) == [first, second, "\"]\""])
        for text in Self.texts(outcome) { #expect((try? JSONParser().parse(text)) != nil) }
        let keyed = Self.read(#"{"addOrUpdate": [{"x": "]"}], "delete": [{"y": "[\"]"}]}"#, chunkSize: chunkSize)
        #expect(Self.texts(keyed) == [#"{"x": "]"}"#, #"{"y": "[\"]"}"#])
    }

    @Test("an element that is bad on its own is handed out, and the reader goes on", arguments: chunkSizes)
    func badElement(chunkSize: Int) {
        let outcome = Self.read(#"[{"a": 1,}, {"b" 2}, {"c": 3}, tru, {"d": 1 2}]"#, chunkSize: chunkSize)
        #expect(Self.texts(outcome) == [#"{"a": 1,}"#, #"{"b" 2}"#, #"{"c": 3}"#, "tru", #"{"d": 1 2}"#])
        let parsed = Self.texts(outcome).map { (try? JSONParser().parse($0)) != nil }
        #expect(parsed == [false, false, true, false, false])
        #expect(outcome.error == nil)
    }

    @Test(
        "an element over the limit is reported with its size and skipped without being buffered", arguments: chunkSizes)
    func oversized(chunkSize: Int) throws {
        let big = "{\"data\": \"" + String(repeating: "z", count: 3_000) + "\"}"
        let text = "[{\"a\":1}, \(big), {\"b\":2}, \"0123456789\", \"01234567890\"]"
        var reader = JSONArrayStreamReader(
            bytes: Array(text.utf8), sectionNames: Self.sectionNames, maxElementBytes: 12, chunkSize: chunkSize)
        var elements: [Element] = []
        while let element = try reader.next() { elements.append(element) }
        #expect(
            elements.map(\.content) == [
                .bytes(Array("{\"a\":1}".utf8)), .oversized(byteCount: big.utf8.count), .bytes(Array("{\"b\":2}".utf8)),
                .bytes(Array("\"0123456789\"".utf8)), .oversized(byteCount: 13),
            ])
        #expect(reader.largestElementBuffer <= 12)
        // A single oversized document too.
        var single = JSONArrayStreamReader(
            bytes: Array(big.utf8), sectionNames: Self.sectionNames, maxElementBytes: 100, chunkSize: chunkSize)
        #expect(try single.next()?.content == .oversized(byteCount: big.utf8.count))
        #expect(try single.next() == nil)
        #expect(single.largestElementBuffer <= 100)
    }

    @Test(
        "mistakes in the container structure stop the file with the line of the mistake",
        arguments: [
            ("", JSONParseError.Kind.unexpectedEnd, 1),
            ("  \n ", .unexpectedEnd, 2),
            ("[{\"a\": 1},\n {\"b\":", .unexpectedEnd, 2),
            ("[{\"a\": 1},\n {\"b\": 2}", .unexpectedEnd, 2),
            ("[1, 2,]", .trailingComma, 1),
            ("[1 2]", .unexpectedCharacter, 1),
            ("[1,,2]", .unexpectedCharacter, 1),
            ("[1]\n[2]", .trailingData, 2),
            ("{\"a\": 1} x", .trailingData, 1),
            ("]", .unexpectedCharacter, 1),
            ("{\"addOrUpdate\": [],\n \"bogus\": []}", .invalidStructure, 2),
            ("{\"addOrUpdate\": [], \"AddOrUpdate\": []}", .invalidStructure, 1),
            ("{\"addOrUpdate\": [], \"delete\": {}}", .invalidStructure, 1),
            ("{\"addOrUpdate\": [], \"delete\" []}", .unexpectedCharacter, 1),
            ("{\"addOrUpdate\": [] \"delete\": []}", .unexpectedCharacter, 1),
            ("{\"addOrUpdate\": [],}", .trailingComma, 1),
            ("{\"addOrUpdate\": [1]", .unexpectedEnd, 1),
            ("{\"addOrUpdate\": [1], 5}", .unexpectedCharacter, 1),
            ("{\"addOrUpdate\": [], \"\\x\": []}", .invalidEscape, 1),
            ("{\"a\": \"unterminated", .unexpectedEnd, 1),
            ("[\"unterminated]", .unexpectedEnd, 1),
        ])
    func structureErrors(text: String, kind: JSONParseError.Kind, line: Int) {
        for chunkSize in Self.chunkSizes {
            let outcome = Self.read(text, chunkSize: chunkSize)
            #expect(
                outcome.error?.kind == kind,
                "\(text.debugDescription), chunk \(chunkSize): \(String(describing: outcome.error))")
            #expect(outcome.error?.line == line, "\(text.debugDescription): \(String(describing: outcome.error))")
        }
    }

    @Test("the elements read before a truncation are kept")
    func truncatedKeepsElements() {
        let outcome = Self.read("[{\"a\": 1}, {\"b\": 2}, {\"c\":", chunkSize: 5)
        #expect(Self.texts(outcome) == [#"{"a": 1}"#, #"{"b": 2}"#])
        #expect(outcome.error?.kind == .unexpectedEnd)
        #expect(outcome.error?.reason.contains("truncated") == true)
    }

    @Test("a byte order mark is skipped; random garbage never crashes or hangs the reader")
    func garbage() {
        #expect(Self.texts(Self.read([0xEF, 0xBB, 0xBF] + Array("[1]".utf8), chunkSize: 2)) == ["1"])
        #expect(Self.read([0xEF, 0xBB, 0x41], chunkSize: 2).error?.kind == .invalidUTF8)
        var random = SeededRandomNumberGenerator(seed: 0xA11A)
        let alphabet = Array(#"{}[]",: \a1\"#.utf8) + [0x0A, 0xFF]
        for round in 0..<1_500 {
            let count = Int.random(in: 0...80, using: &random)
            var bytes = (0..<count).map { _ in
                round.isMultiple(of: 3)
                    ? UInt8.random(in: 0...255, using: &random)
                    : alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            if round.isMultiple(of: 5) { bytes = Array(#"{"addOrUpdate": ["#.utf8) + bytes }
            let outcome = Self.read(bytes, maxElementBytes: 16, chunkSize: 1 + round % 9)
            let consumed = outcome.elements.reduce(0) { $0 + ($1.bytes?.count ?? 0) }
            #expect(consumed <= bytes.count)
            if let error = outcome.error {
                #expect(error.offset <= bytes.count && error.line >= 1 && error.column >= 1)
            }
        }
    }

    @Test("files are read from disk, element by element")
    func fromFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        var text = "{\"addOrUpdate\": [\n"
        for index in 0..<3_000 {
            text += (index > 0 ? ",\n" : "") + "{\"documentId\": \"https://e.com/\(index)\", \"data\": \"[\(index)]\"}"
        }
        text += "\n], \"delete\": [{\"documentId\": \"https://e.com/gone\"}]}\n"
        try Data(text.utf8).write(to: file)
        var reader = try JSONArrayStreamReader(url: file, sectionNames: Self.sectionNames, chunkSize: 4096)
        var documents: [Document] = []
        while let element = try reader.next() {
            guard case .section("addOrUpdate") = element.container else {
                #expect(element.container == .section("delete"))
                continue
            }
            documents.append(try Document(json: JSONParser().parse(try #require(element.bytes))))
            #expect(element.line == element.index + 2)
        }
        #expect(documents.count == 3_000)
        #expect(documents.last?.content == .text("[2999]"))
        #expect(reader.bytesRead == text.utf8.count)
        #expect(throws: JSONFileError.self) { _ = try JSONArrayStreamReader(path: file.path + ".missing") }
    }
}
