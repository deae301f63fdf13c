import CoveoPush
import Foundation
import Testing

@testable import CoveoPushCLI

@Suite("JSONLinesReader")
struct JSONLinesReaderTests {
    /// Chunk sizes that put chunk boundaries everywhere, including inside `\r\n` and the byte order mark.
    static let chunkSizes = [1, 2, 3, 5, 8, 64, JSONLinesReader.defaultChunkSize]

    /// Every line of `bytes`, as (number, text or oversized size).
    static func lines(_ bytes: [UInt8], maxLineBytes: Int = JSONLinesReader.defaultMaxLineBytes, chunkSize: Int)
        throws -> [JSONLinesReader.Line]
    {
        var reader = JSONLinesReader(bytes: bytes, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
        var result: [JSONLinesReader.Line] = []
        while let line = try reader.next() { result.append(line) }
        return result
    }

    static func line(_ number: Int, _ text: String) -> JSONLinesReader.Line {
        JSONLinesReader.Line(number: number, content: .bytes(Array(text.utf8)))
    }

    @Test(
        "LF and CRLF line ends, blank lines skipped but counted, a last line without a line end", arguments: chunkSizes)
    func lineEnds(chunkSize: Int) throws {
        let text = "{\"a\":1}\r\n\n   \r\n{\"b\":2}\n\t\n{\"c\":\"x\r\"}\r\n\r\n{\"d\":4}"
        let expected = [
            Self.line(1, "{\"a\":1}"), Self.line(4, "{\"b\":2}"), Self.line(6, "{\"c\":\"x\r\"}"),
            Self.line(8, "{\"d\":4}"),
        ]
        #expect(try Self.lines(Array(text.utf8), chunkSize: chunkSize) == expected)
        // A final line end adds no line; a final blank line is skipped.
        #expect(try Self.lines(Array((text + "\n").utf8), chunkSize: chunkSize) == expected)
        #expect(try Self.lines(Array((text + "\r\n  \r\n").utf8), chunkSize: chunkSize) == expected)
    }

    @Test("empty and blank inputs have no lines; a byte order mark is dropped", arguments: chunkSizes)
    func emptyAndBOM(chunkSize: Int) throws {
        #expect(try Self.lines([], chunkSize: chunkSize).isEmpty)
        #expect(try Self.lines(Array("\n\r\n \t \n".utf8), chunkSize: chunkSize).isEmpty)
        #expect(try Self.lines([0xEF, 0xBB, 0xBF, 0x0A], chunkSize: chunkSize).isEmpty)
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{}\n[]".utf8)
        #expect(try Self.lines(withBOM, chunkSize: chunkSize) == [Self.line(1, "{}"), Self.line(2, "[]")])
    }

    @Test("a line over the limit is reported with its size and skipped without being buffered", arguments: chunkSizes)
    func oversized(chunkSize: Int) throws {
        let long = String(repeating: "x", count: 5_000)
        let text = "{\"a\":1}\n\"\(long)\"\r\n{\"b\":2}\n0123456789\n01234567890\r\n0123456789\r\n"
        var reader = JSONLinesReader(bytes: Array(text.utf8), maxLineBytes: 10, chunkSize: chunkSize)
        var lines: [JSONLinesReader.Line] = []
        while let line = try reader.next() { lines.append(line) }
        #expect(
            lines == [
                Self.line(1, "{\"a\":1}"), JSONLinesReader.Line(number: 2, content: .oversized(byteCount: 5_002)),
                Self.line(3, "{\"b\":2}"), Self.line(4, "0123456789"),
                JSONLinesReader.Line(number: 5, content: .oversized(byteCount: 11)), Self.line(6, "0123456789"),
            ])
        // At most the limit, plus one byte for a possible '\r', is ever held for a line.
        #expect(reader.largestPendingCount <= 11)
        #expect(lines[1].bytes == nil)
    }

    @Test("an oversized last line without a line end is reported too")
    func oversizedLastLine() throws {
        let lines = try Self.lines(
            Array("{}\n\(String(repeating: "y", count: 100))".utf8), maxLineBytes: 50, chunkSize: 16)
        #expect(lines == [Self.line(1, "{}"), JSONLinesReader.Line(number: 2, content: .oversized(byteCount: 100))])
    }

    @Test("binary garbage is split into lines without crashing, and each line fails to parse on its own")
    func garbage() throws {
        var random = SeededRandomNumberGenerator(seed: 0xBAD)
        var bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes += Array("\n{\"ok\":true}\n".utf8)
        for chunkSize in [7, 4096] {
            let lines = try Self.lines(bytes, chunkSize: chunkSize)
            let newlines = bytes.filter { $0 == 0x0A }.count
            #expect(!lines.isEmpty && lines.count <= newlines + 1)
            #expect(lines.last == Self.line(newlines, "{\"ok\":true}"))
            var parsed = 0
            for line in lines {
                guard let content = line.bytes, !content.contains(0x0A) else {
                    Issue.record("line \(line.number) holds a line end")
                    continue
                }
                if (try? JSONParser().parse(content)) != nil { parsed += 1 }
            }
            #expect(parsed >= 1)
        }
    }

    @Test("files are read from disk by path, URL and descriptor; missing files and directories give JSONFileError")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("docs.jsonl")
        var text = ""
        for index in 1...2_000 { text += "{\"documentId\":\"https://e.com/\(index)\",\"n\":\(index)}\r\n" }
        try Data(text.utf8).write(to: file)

        var byPath = try JSONLinesReader(path: file.path, chunkSize: 1000)
        var count = 0
        while let line = try byPath.next() {
            count += 1
            let value = try JSONParser().parse(try #require(line.bytes))
            #expect(value["n"]?.int64Value == Int64(line.number))
        }
        #expect(count == 2_000)
        #expect(byPath.bytesRead == text.utf8.count)

        var byURL = try JSONLinesReader(url: file)
        #expect(try byURL.next()?.number == 1)

        let descriptor = open(file.path, O_RDONLY)
        #expect(descriptor >= 0)
        var byDescriptor = JSONLinesReader(fileDescriptor: descriptor, closeWhenDone: true, chunkSize: 333)
        var last = 0
        while let line = try byDescriptor.next() { last = line.number }
        #expect(last == 2_000)

        #expect(throws: JSONFileError(path: directory.path + "/missing.jsonl", operation: .open, code: ENOENT)) {
            _ = try JSONLinesReader(path: directory.path + "/missing.jsonl")
        }
        var onDirectory = try JSONLinesReader(path: directory.path)
        #expect(throws: JSONFileError(path: directory.path, operation: .read, code: EISDIR)) {
            _ = try onDirectory.next()
        }
        #expect(
            JSONFileError(path: "a.jsonl", operation: .open, code: ENOENT).description
                == "cannot open 'a.jsonl': No such file or directory")
    }
}
