import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

@Suite("InputFiles and InputReader")
struct InProcessInputTests {
    static let documents = InputRules(records: .documents)

    static func doc(_ id: String, _ extra: String = "") -> String {
        #"{"documentId": "https://example.com/\#(id)"\#(extra)}"#
    }

    // MARK: - InputFiles

    @Test("a folder is walked recursively in sorted order, skipping dot files and dot folders")
    func folderWalk() throws {
        let folder = try InProcessFolder()
        for name in [
            "b.json", "a.jsonl", "notes.txt", "sub/c.jsonl", "sub/A.json", ".hidden.json", ".git/config.json",
            "sub/.secret/x.json", "sub/deeper/.env", "sub/deeper/d.json",
        ] {
            try folder.write(name, "{}")
        }
        try FileManager.default.createDirectory(
            atPath: folder.path + "/empty-folder", withIntermediateDirectories: true)
        let files = try InputFiles.list([folder.path])
        let relative = files.map { String($0.dropFirst(folder.path.count + 1)) }
        #expect(relative == ["a.jsonl", "b.json", "notes.txt", "sub/A.json", "sub/c.jsonl", "sub/deeper/d.json"])
    }

    @Test("paths keep the order given; a missing path or no path at all is a usage error")
    func explicitPaths() throws {
        let folder = try InProcessFolder()
        let second = try folder.write("z.json", "{}")
        let first = try folder.write("in/a.json", "{}")
        let hidden = try folder.write(".explicit.json", "{}")
        #expect(try InputFiles.list([second, folder.path + "/in", hidden]) == [second, first, hidden])
        #expect(throws: UsageError("no such file or folder: \(folder.path)/nope.json")) {
            try InputFiles.list([second, folder.path + "/nope.json"])
        }
        #expect(throws: UsageError("give at least one file or folder")) { try InputFiles.list([]) }
    }

    // MARK: - JSON Lines

    @Test(".jsonl: blank lines (spaces, tabs, CRLF) are skipped but counted, so line numbers match an editor")
    func jsonLinesNumbers() async throws {
        let folder = try InProcessFolder()
        let text = "\n" + Self.doc("1") + "\n   \n\t\r\n" + Self.doc("2") + "\r\n\n{bad}\n" + Self.doc("3")
        let path = try folder.write("docs.jsonl", text)
        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.map(\.position) == [2, 5, 7, 8].map { InputPosition(file: path, line: $0) })
        #expect(records.map { $0.operation?.subject } == [
            "https://example.com/1", "https://example.com/2", nil, "https://example.com/3",
        ])
        let problem = try #require(records[2].problem)
        #expect(problem.reason.hasPrefix("invalid JSON at column 2: unexpectedCharacter"))
        #expect(problem.position == InputPosition(file: path, line: 7))
    }

    @Test(".jsonl read in parallel groups: records come in file order with their own line numbers, across groups")
    func parallelGroupsKeepOrder() async throws {
        let folder = try InProcessFolder()
        let count = InputReader.parallelLines * 3 + 17
        var lines: [String] = []
        for index in 1...count {
            // Invalid JSON, an invalid document and a blank line now and then, and one line over the group's bytes.
            if index % 11 == 0 {
                lines.append("{not json")
            } else if index % 13 == 0 {
                lines.append(#"{"documentId": "no-scheme-\#(index)"}"#)
            } else if index % 17 == 0 {
                lines.append("   ")
            } else if index == 200 {
                lines.append(Self.doc("\(index)", #", "data": "\#(String(repeating: "x", count: InputReader.parallelBytes))""#))
            } else {
                lines.append(Self.doc("\(index)"))
            }
        }
        let path = try folder.write("many.jsonl", lines.joined(separator: "\n") + "\n")
        let records = try await InProcessFixtures.records(path, Self.documents)
        let expectedLines = (1...count).filter { $0 % 17 != 0 || $0 % 11 == 0 || $0 % 13 == 0 }
        #expect(records.map(\.position.line) == expectedLines)
        for record in records {
            let line = try #require(record.position.line)
            switch record.outcome {
            case .success(.addOrUpdate(let document)):
                #expect(document.documentId == "https://example.com/\(line)", "line \(line)")
                #expect(line % 11 != 0 && line % 13 != 0)
            case .failure(let problem):
                #expect(line % 11 == 0 || line % 13 == 0, "line \(line): \(problem.reason)")
            case .success:
                Issue.record("line \(line): not a document")
            }
        }
    }

    @Test("records of trimBeforeBytes and more (the path that trims the heap first) arrive whole, in order")
    func recordsOverTheTrimSize() async throws {
        let folder = try InProcessFolder()
        let length = InputReader.trimBeforeBytes + 1_000
        let big = Self.dataLine("big", length: length)
        #expect(big.utf8.count == length)
        let lines = try folder.write("big.jsonl", Self.doc("1") + "\n" + big + "\n" + Self.doc("3") + "\n")
        let array = try folder.write("big.json", "[" + Self.doc("1") + ",\n" + big + ",\n" + Self.doc("3") + "]")
        for path in [lines, array] {
            let records = try await InProcessFixtures.records(path, Self.documents)
            #expect(records.map(\.operation?.subject) == ["1", "big", "3"].map { "https://example.com/\($0)" })
            guard case .success(.addOrUpdate(let document)) = records[1].outcome,
                case .text(let text) = document.content
            else {
                Issue.record("\(path): the large record is not a text document")
                continue
            }
            let head = #"{"documentId": "https://example.com/big", "data": ""#
            #expect(text.utf8.count == length - head.utf8.count - 2)
            #expect(text.utf8.allSatisfy { $0 == UInt8(ascii: "x") })
        }
    }

    @Test("keepsOnlyIdAndMetadata (fields sync): documents keep their ID and metadata, after every rule is checked")
    func keepsOnlyIdAndMetadata() async throws {
        let folder = try InProcessFolder()
        let full = Self.doc(
            "full",
            #", "title": "T", "data": "text", "views": 3, "tags": ["a", "b"], "#
                + #""permissions": [{"allowedPermissions": [{"identity": "x@example.com", "identityType": "User"}]}]"#)
        let badPermissions = Self.doc("bad", #", "views": 1, "permissions": [{"allowedPermissions": 3}]"#)
        let jsonl = try folder.write("docs.jsonl", full + "\n" + badPermissions + "\n")
        let json = try folder.write("docs.json", "[" + full + ",\n" + badPermissions + "]")
        var rules = Self.documents
        rules.keepsOnlyIdAndMetadata = true
        for path in [jsonl, json] {
            let records = try await InProcessFixtures.records(path, rules)
            #expect(records.count == 2)
            guard case .success(.addOrUpdate(let document)) = records.first?.outcome else {
                Issue.record("\(path): the first record is not a document")
                continue
            }
            #expect(document.documentId == "https://example.com/full")
            #expect(document.title == nil && document.content == nil && document.permissions == nil)
            #expect(document.metadata.map(\.name) == ["tags", "views"])
            #expect(records.last?.problem?.subject == "https://example.com/bad", "the rules still apply")
        }
    }

    @Test("a line over maxDocumentBytes is reported with its size and skipped; the lines around it are read")
    func oversizedLine() async throws {
        let folder = try InProcessFolder()
        let line = Self.dataLine("big", length: 5_000)
        #expect(line.utf8.count == 5_000)
        let path = try folder.write("big.jsonl", Self.doc("1") + "\n" + line + "\n" + Self.doc("3") + "\n")
        var rules = Self.documents
        rules.maxDocumentBytes = 1_000
        let records = try await InProcessFixtures.records(path, rules)
        #expect(records.count == 3)
        #expect(records[0].operation?.subject == "https://example.com/1")
        #expect(records[2].operation?.subject == "https://example.com/3")
        let problem = try #require(records[1].problem)
        #expect(problem.position == InputPosition(file: path, line: 2))
        #expect(problem.reason.hasPrefix("5000 bytes, over the 1000-byte limit (--max-document-size); skipped unread."))
    }

    @Test("an element of a .json array over maxDocumentBytes is reported at its line")
    func oversizedElement() async throws {
        let folder = try InProcessFolder()
        let big = #"{"documentId": "https://example.com/big", "data": ""# + String(repeating: "y", count: 3_000) + "\"}"
        let path = try folder.write("big.json", "[\n" + Self.doc("1") + ",\n" + big + ",\n" + Self.doc("3") + "\n]\n")
        var rules = Self.documents
        rules.maxDocumentBytes = 1_000
        let records = try await InProcessFixtures.records(path, rules)
        #expect(records.map(\.position.line) == [2, 3, 4])
        #expect(records[1].problem?.reason.hasPrefix("\(big.utf8.count) bytes, over the 1000-byte limit") == true)
        #expect(records[2].operation?.subject == "https://example.com/3")
    }

    @Test("a genuine 100 MB line with the default limits is reported as oversized, and reading goes on")
    func hundredMegabyteLine() async throws {
        let folder = try InProcessFolder()
        let path = folder.path + "/huge.jsonl"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let head = Array((Self.doc("1") + "\n" + #"{"documentId": "https://example.com/huge", "data": ""#).utf8)
        let tail = Array(("\"}\n" + Self.doc("3") + "\n").utf8)
        let lineLength = 100_000_000
        let headOfLine = head.count - (Self.doc("1").utf8.count + 1)
        var remaining = lineLength - headOfLine - 2
        try handle.write(contentsOf: head)
        let chunk = Data(repeating: UInt8(ascii: "z"), count: 1 << 20)
        while remaining > 0 {
            let count = min(remaining, chunk.count)
            try handle.write(contentsOf: count == chunk.count ? chunk : chunk.prefix(count))
            remaining -= count
        }
        try handle.write(contentsOf: tail)
        try handle.close()

        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.count == 3)
        #expect(records[0].operation?.subject == "https://example.com/1")
        #expect(records[2].operation?.subject == "https://example.com/3")
        let problem = try #require(records[1].problem)
        #expect(problem.position.line == 2)
        #expect(problem.reason.hasPrefix("100000000 bytes, over the 64000000-byte limit"))
    }

    @Test("a binary file named .jsonl: problems, then 'the rest of the file is skipped' after 100 invalid records")
    func binaryFile() async throws {
        let folder = try InProcessFolder()
        let path = try folder.write("binary.jsonl", bytes: Self.randomBytes(count: 200_000, seed: 7))
        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.count == 101)
        #expect(records.allSatisfy { $0.problem != nil })
        let last = try #require(records.last?.problem)
        #expect(
            last.reason
                == "the rest of the file is skipped: its first 100 records are all invalid (is it really JSON?)")
        #expect(last.position == records[99].position)
        #expect(records.dropLast().allSatisfy { $0.problem?.reason.hasPrefix("invalid JSON at column") == true })
    }

    @Test("a valid record early in a file means later invalid ones never make the reader give up")
    func noGiveUpAfterValid() async throws {
        let folder = try InProcessFolder()
        let text = Self.doc("first") + "\n" + String(repeating: "not json\n", count: 150) + Self.doc("last") + "\n"
        let path = try folder.write("mostly-bad.jsonl", text)
        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.count == 152)
        #expect(records.last?.operation?.subject == "https://example.com/last")
    }

    @Test("invalid UTF-8 inside a JSON string is reported at its line and column")
    func invalidUTF8() async throws {
        let folder = try InProcessFolder()
        var bytes = Array((Self.doc("ok") + "\n" + #"{"documentId": "https://example.com/u", "title": "caf"#).utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(("\"}\n" + Self.doc("after") + "\n").utf8)
        let path = try folder.write("utf8.jsonl", bytes: bytes)
        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.count == 3)
        let problem = try #require(records[1].problem)
        #expect(problem.position.line == 2)
        #expect(problem.reason.contains("invalidUTF8"))
        #expect(records[2].operation?.subject == "https://example.com/after")

        let arrayBytes =
            Array(("[\n" + Self.doc("a") + ",\n" + #"{"documentId": "https://example.com/"#).utf8) + [0xFF]
            + Array("\"}\n]\n".utf8)
        let arrayPath = try folder.write("utf8.json", bytes: arrayBytes)
        let arrayRecords = try await InProcessFixtures.records(arrayPath, Self.documents)
        #expect(arrayRecords.count == 2)
        #expect(arrayRecords[1].problem?.position.line == 3)
        #expect(arrayRecords[1].problem?.reason.contains("invalidUTF8") == true)
    }

    @Test("10,000 nested brackets on one line: a tooDeep problem, no crash, and the next line is read")
    func deepNesting() async throws {
        let folder = try InProcessFolder()
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let deepObject = String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        let path = try folder.write("deep.jsonl", deep + "\n" + deepObject + "\n" + Self.doc("after") + "\n")
        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.count == 3)
        #expect(records[0].problem?.reason.contains("tooDeep") == true)
        #expect(records[1].problem?.reason.contains("tooDeep") == true)
        #expect(records[2].operation?.subject == "https://example.com/after")

        let arrayPath = try folder.write("deep.json", "[\n" + deep + ",\n" + Self.doc("after") + "\n]")
        let arrayRecords = try await InProcessFixtures.records(arrayPath, Self.documents)
        #expect(arrayRecords.count == 2)
        #expect(arrayRecords[0].problem?.reason.contains("tooDeep") == true)
        #expect(arrayRecords[1].operation?.subject == "https://example.com/after")
    }

    // MARK: - JSON files

    @Test("a truncated .json array: the elements before the break are read, then one problem ends the file")
    func truncatedArray() async throws {
        let folder = try InProcessFolder()
        let path = try folder.write("cut.json", "[\n" + Self.doc("t1") + ",\n" + #"{"documentId": "https://example.com/t2","#)
        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.count == 2)
        #expect(records[0].operation?.subject == "https://example.com/t1")
        let problem = try #require(records[1].problem)
        #expect(problem.position.file == path)
        #expect(problem.position.line == 3)
        #expect(problem.reason.hasPrefix("invalid JSON, the rest of the file is skipped: unexpectedEnd"))
    }

    @Test("a batch object: addOrUpdate, delete entries with deleteChildren, bad deletes, then an unknown section")
    func batchObject() async throws {
        let folder = try InProcessFolder()
        let text = """
            {
              "addOrUpdate": [\(Self.doc("b1"))],
              "delete": [
                {"documentId": "https://example.com/old", "deleteChildren": true},
                {"documentId": "https://example.com/old2", "deleteChildren": null},
                {"deleteChildren": true},
                {"documentId": "https://example.com/x", "deleteChildren": "yes"},
                "https://example.com/not-an-object"
              ],
              "bogus": [\(Self.doc("never"))]
            }
            """
        let path = try folder.write("batch.json", text)
        let records = try await InProcessFixtures.records(path, Self.documents)
        #expect(records.count == 7)
        #expect(records.map(\.position.line) == [2, 4, 5, 6, 7, 8, 10])
        guard case .addOrUpdate(let document)? = records[0].operation else {
            Issue.record("expected a document, got \(records[0])")
            return
        }
        #expect(document.documentId == "https://example.com/b1")
        guard case .delete("https://example.com/old", true)? = records[1].operation,
            case .delete("https://example.com/old2", false)? = records[2].operation
        else {
            Issue.record("expected two deletions, got \(records[1]) and \(records[2])")
            return
        }
        #expect(records[3].problem?.reason == "a delete entry needs a 'documentId' string")
        #expect(records[4].problem?.reason == "'deleteChildren' must be true or false")
        #expect(records[4].problem?.subject == "https://example.com/x")
        #expect(records[5].problem?.reason == "a delete entry must be an object, not a string")
        #expect(records[6].problem?.reason.hasPrefix("invalid JSON, the rest of the file is skipped: invalidStructure") == true)

        let catalog = try await InProcessFixtures.records(path, InputRules(records: .catalog(partialUpdates: true)))
        #expect(catalog[1].problem?.reason == "catalog deletions cannot delete children")
        if case .delete("https://example.com/old2", false)? = catalog[2].operation {} else {
            Issue.record("a catalog deletion without children is kept: \(catalog[2])")
        }
    }

    @Test("partialUpdate entries are accepted by 'catalog update' only")
    func partialUpdates() async throws {
        let folder = try InProcessFolder()
        let path = try folder.write(
            "partial.json",
            #"{"partialUpdate": [{"documentId": "https://example.com/p", "operator": "arrayAppend", "field": "tags", "value": ["x"]}]}"#
        )
        let update = try await InProcessFixtures.records(path, InputRules(records: .catalog(partialUpdates: true)))
        guard case .partialUpdate(let partial)? = update.first?.operation else {
            Issue.record("expected a partial update, got \(update)")
            return
        }
        #expect(partial.documentId == "https://example.com/p")
        #expect(partial.operator == .arrayAppend)

        let merge = try await InProcessFixtures.records(path, InputRules(records: .catalog(partialUpdates: false)))
        #expect(merge.first?.problem?.reason == "partialUpdate entries are only accepted by 'catalog update'")
        #expect(merge.first?.problem?.subject == "https://example.com/p")

        let push = try await InProcessFixtures.records(path, Self.documents)
        #expect(push.first?.problem?.reason == "a 'partialUpdate' entry does not belong in this command's input")
    }

    @Test("identity files: batch objects of members, mappings and deleted; nothing else")
    func identityFiles() async throws {
        let folder = try InProcessFolder()
        let batch = try folder.write(
            "ids.json",
            """
            {"members": [{"identity": {"name": "group-a", "type": "GROUP"}, "members": [{"name": "alice@example.com", "type": "USER"}]}],
             "mappings": [{"identity": {"name": "alice@example.com", "type": "USER"}, "mappings": [{"name": "alice", "type": "USER", "provider": "ldap"}]}],
             "deleted": [{"identity": {"name": "bob@example.com", "type": "User"}}, {"identity": {"type": "USER"}}]}
            """)
        let rules = InputRules(records: .identities)
        let records = try await InProcessFixtures.records(batch, rules)
        #expect(records.count == 4)
        guard case .identity(let member)? = records[0].operation, case .alias(let alias)? = records[1].operation,
            case .deleteIdentity(let deleted)? = records[2].operation
        else {
            Issue.record("expected a member, an alias and a deletion, got \(records)")
            return
        }
        #expect(member.identity.name == "group-a")
        #expect(member.members.map(\.name) == ["alice@example.com"])
        #expect(alias.mappings.map(\.name) == ["alice"])
        #expect(deleted.identity.name == "bob@example.com")
        #expect(records[3].problem != nil)
        #expect(records[3].position.line == 3)

        let lines = try await InProcessFixtures.records(try folder.write("ids.jsonl", "{}\n"), rules)
        #expect(lines.first?.problem?.reason == "identity files are .json batch objects with members, mappings or deleted")
        let array = try await InProcessFixtures.records(try folder.write("ids-array.json", "[{}]"), rules)
        #expect(array.first?.problem?.reason == "identity files are batch objects with members, mappings or deleted")
        let text = try await InProcessFixtures.records(try folder.write("ids.txt", "x"), rules)
        #expect(text.first?.problem?.reason == "only .json and .jsonl files are accepted here")
        let documentsInIdentities = try await InProcessFixtures.records(batch, Self.documents)
        #expect(documentsInIdentities.first?.problem?.reason == "a 'members' entry does not belong in this command's input")
    }

    @Test("any other file is a content document: its file URI, its name as title, its extension")
    func contentFile() async throws {
        let folder = try InProcessFolder()
        let path = try folder.write("notes/Read Me.md", "# hello")
        var rules = Self.documents
        rules.compression = .gzip
        let records = try await InProcessFixtures.records(path, rules)
        guard case .addOrUpdate(let document)? = records.first?.operation else {
            Issue.record("expected a content document, got \(records)")
            return
        }
        #expect(records.first?.position == InputPosition(file: path))
        #expect(document.documentId == URL(fileURLWithPath: path).standardizedFileURL.absoluteString)
        #expect(document.documentId.hasPrefix("file:///") && document.documentId.hasSuffix("/notes/Read%20Me.md"))
        #expect(document.title == "Read Me.md")
        #expect(document.fileExtension == ".md")
        #expect(document.date != nil)
        guard case .file(_, let compression)? = document.content else {
            Issue.record("expected file content, got \(String(describing: document.content))")
            return
        }
        #expect(compression == .gzip)
    }

    // MARK: - The whole command

    @Test("every bad input is reported with its file and line, and the good records of every file are pushed")
    func commandGoesOn() async throws {
        let folder = try InProcessFolder()
        let cut = try folder.write("1-cut.json", "[\n" + Self.doc("c1") + ",\n" + #"{"documentId": "#)
        let binary = try folder.write("2-binary.jsonl", bytes: Self.randomBytes(count: 100_000, seed: 3))
        let utf8 = Array(#"{"documentId": "https://example.com/u", "title": ""#.utf8) + [0xFF] + Array("\"}\n".utf8)
        let broken = try folder.write("3-broken.jsonl", bytes: utf8 + Array((Self.doc("u2") + "\n").utf8))
        let deep = try folder.write(
            "4-deep.jsonl", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n" + Self.doc("d2"))
        let big = try folder.write("5-big.jsonl", Self.doc("b1") + "\n" + Self.dataLine("b2", length: 5_000) + "\n")
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["push", "--max-document-size", "1000", "--status", "none"] + InProcessFixtures.target + [folder.path],
            transport: service)
        #expect(run.status == .partialFailure)
        let ids = await service.items(sourceId: "s").map(\.documentId)
        #expect(ids == ["https://example.com/b1", "https://example.com/c1", "https://example.com/d2", "https://example.com/u2"])
        #expect(run.out.contains("failed: \(cut):3: invalid JSON, the rest of the file is skipped"))
        #expect(run.out.contains("failed: \(binary):"))
        #expect(run.out.contains("the rest of the file is skipped: its first 100 records are all invalid"))
        #expect(run.out.contains("failed: \(broken):1: invalid JSON at column"))
        // 20,000 bytes: over --max-document-size before the depth is even looked at.
        #expect(run.out.contains("failed: \(deep):1: 20000 bytes, over the 1000-byte limit"))
        #expect(run.out.contains("failed: \(big):2: 5000 bytes, over the 1000-byte limit"))
        #expect(run.out.contains("push: accepted 4, deleted 0, failed 105;"))
    }

    /// A document line of exactly `length` bytes, padded with its `data`.
    static func dataLine(_ id: String, length: Int) -> String {
        let head = #"{"documentId": "https://example.com/\#(id)", "data": ""#
        return head + String(repeating: "x", count: length - head.utf8.count - 2) + "\"}"
    }

    /// Deterministic bytes, NULs and newlines included.
    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            withUnsafeBytes(of: mixed) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }
}
