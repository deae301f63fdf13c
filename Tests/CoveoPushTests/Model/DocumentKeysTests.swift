import Foundation
import Testing

@testable import CoveoPush

@Suite("The key table")
struct DocumentKeysTests {
    static let id = "https://example.com/doc"

    static func rule(ofMetadata names: [String]) -> ValidationError.Rule? {
        var document = Document(documentId: id)
        for name in names { document.metadata[name] = "value" }
        do {
            try document.validate()
            return nil
        } catch {
            return error.rule
        }
    }

    @Test("reserved keys are never metadata, whatever their case", arguments: DocumentKeys.reserved)
    func reserved(key: String) {
        #expect(DocumentKeys.kind(of: key) == .reserved(key))
        #expect(DocumentKeys.kind(of: key.uppercased()) == .reserved(key))
        #expect(Self.rule(ofMetadata: [key]) == .reservedKey)
        #expect(Self.rule(ofMetadata: [key.lowercased()]) == .reservedKey)
    }

    @Test("typed fields are set through their property, so metadata of the same name is an error", arguments: DocumentKeys.typed)
    func typed(key: String) {
        #expect(DocumentKeys.kind(of: key.lowercased()) == .typed(key))
        #expect(Self.rule(ofMetadata: [key]) == .typedFieldAsMetadata)
        #expect(Self.rule(ofMetadata: [key.uppercased()]) == .typedFieldAsMetadata)
    }

    @Test("any other key is metadata; two keys differing only in case are an error; empty names are refused")
    func metadataRows() {
        #expect(DocumentKeys.kind(of: "category") == .metadata)
        #expect(Self.rule(ofMetadata: ["category", "pages"]) == nil)
        #expect(Self.rule(ofMetadata: ["Category", "category"]) == .duplicateKey)
        #expect(Self.rule(ofMetadata: [""]) == .emptyKey)
    }

    @Test("decoding JSON applies the same table, case-insensitively")
    func decodingFollowsTheTable() throws {
        let json = #"""
            {"DocumentId": "https://example.com/a", "TITLE": "T", "Data": "hello", "FileExtension": ".txt",
             "ParentID": "https://example.com/p", "PermanentId": "p1", "ClickableUri": "https://x", "Author": "me",
             "category": "c", "Permissions": [{"allowAnonymous": true}]}
            """#
        let document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        #expect(document.documentId == "https://example.com/a")
        #expect(document.title == "T")
        #expect(document.content == .text("hello"))
        #expect(document.fileExtension == ".txt")
        #expect(document.parentId == "https://example.com/p")
        #expect(document.permanentId == "p1")
        #expect(document.clickableUri == "https://x")
        #expect(document.author == "me")
        #expect(document.metadata.count == 1)
        #expect(document.metadata["CATEGORY"] == "c")
        #expect(document.permissions == .sets([.anonymous]))
    }

    @Test(
        "decoding refuses what the table refuses",
        arguments: [
            (#"{"documentId": "https://a/b", "Category": 1, "category": 2}"#, ValidationError.Rule.duplicateKey),
            (#"{"documentId": "https://a/b", "title": "x", "Title": "y"}"#, .duplicateKey),
            (#"{"documentId": "https://a/b", "orderingId": 5}"#, .reservedKey),
            (#"{"documentId": "https://a/b", "deleteChildren": true}"#, .reservedKey),
            (#"{"documentId": "https://a/b", "data": "x", "compressedBinaryData": "eJw="}"#, .multipleContents),
            (#"{"documentId": "https://a/b", "data": "x", "compressedBinaryDataFileId": "f"}"#, .multipleContents),
            (#"{"documentId": "https://a/b", "compressedBinaryData": "not base64!"}"#, .invalidBase64),
            (#"{"documentId": "https://a/b", "compressedBinaryData": "eJw=", "compressionType": "BROTLI"}"#, .unsupportedCompression),
            (#"{"title": "no id"}"#, .invalidDocumentId),
            (#"{"documentId": "not a uri"}"#, .invalidDocumentId),
            (#"{"documentId": "https://a/b", "date": "last week"}"#, .outOfRange),
            (#"{"documentId": "https://a/b", "tags": [[1]]}"#, .unsupportedMetadataValue),
            (#"{"documentId": "https://a/b", "tags": null}"#, .unsupportedMetadataValue),
            (#"{"documentId": "https://a/b", "fileExtension": "pdf"}"#, .invalidFileExtension),
        ])
    func decodingRefuses(json: String, rule: ValidationError.Rule) {
        #expect {
            _ = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        } throws: { error in
            (error as? ValidationError)?.rule == rule
        }
    }
}

@Suite("FoldedKeySet")
struct FoldedKeySetTests {
    @Test("finds the first earlier key equal ignoring case, below and above 64 keys, ASCII or not")
    func duplicates() {
        for count in [3, 64, 65, 300] {
            var set = FoldedKeySet()
            for index in 0..<count { #expect(set.insert("key_\(index)") == nil, "\(count)") }
            #expect(set.insert("KEY_\(count - 1)") == "key_\(count - 1)", "\(count)")
            #expect(set.insert("Key_0") == "key_0", "\(count)")
            #expect(set.insert("key_\(count)") == nil, "\(count)")
            #expect(set.insert("Éclair") == nil)
            #expect(set.insert("éCLAIR") == "Éclair", "non-ASCII keys compare by their lowercased forms")
            #expect(set.insert("key_0") == "key_0", "an exact repetition is found too")
        }
    }

    @Test("the folded hash agrees with equalIgnoringCase")
    func hashAgrees() {
        let pairs = [("Title", "tITLE"), ("a_b", "A_B"), ("Straße", "STRASSE".lowercased()), ("Ünïcode", "üNÏCODE")]
        for (left, right) in pairs where DocumentKeys.equalIgnoringCase(left, right) {
            #expect(DocumentKeys.foldedHash(left) == DocumentKeys.foldedHash(right), "\(left) \(right)")
        }
        #expect(DocumentKeys.foldedHash("title") != DocumentKeys.foldedHash("titles"))
        #expect(DocumentKeys.slot(of: "DOCUMENTID") == DocumentKeys.documentIdSlot)
        #expect(DocumentKeys.slot(of: "documentIds") == nil)
    }
}
