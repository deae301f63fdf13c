import Foundation
import Testing

@testable import CoveoPush

@Suite("Document and identities from JSONValue")
struct DocumentJSONTests {
    static func fromParser(_ json: String) -> Result<Document, ValidationError> {
        do {
            let value = try JSONParser().parse(json)
            return Result { () throws(ValidationError) in try Document(json: value) }
        } catch {
            Issue.record("not JSON: \(error)")
            return .failure(ValidationError(.invalidParameter, .document(""), "not JSON"))
        }
    }

    /// What `JSONDecoder` made of an item: a document, a validation error, or a decoding error's description.
    enum Decoded {
        case document(Document)
        case validation(ValidationError)
        case decoding(String)
    }

    static func fromDecoder(_ json: String) -> Decoded {
        do {
            return .document(try JSONDecoder().decode(Document.self, from: Data(json.utf8)))
        } catch let error as ValidationError {
            return .validation(error)
        } catch let DecodingError.dataCorrupted(context) {
            return .decoding(context.debugDescription)
        } catch {
            return .decoding("\(error)")
        }
    }

    static let documents: [String] = [
        #"{"documentId": "https://e.com/a"}"#,
        #"""
        {"DocumentId": "https://e.com/a", "TITLE": "T", "author": "me", "clickableUri": "https://c",
         "date": "2024-01-31T12:00:00Z", "modifiedDate": 1700000000123, "fileExtension": ".html",
         "parentId": "https://e.com/p", "permanentId": "p1", "data": "<p>hi</p>",
         "zeta": "last", "alpha": 1, "ratio": 0.5, "whole": 2, "huge": 1e300, "flag": false,
         "tags": ["a", "b"], "mixed": [1, 2.5, "x", true], "dict": {"k": "v", "n": 3}}
        """#,
        #"{"documentId": "https://e.com/b", "compressedBinaryData": "eJwrSS0uAQAEXQHB"}"#,
        #"{"documentId": "https://e.com/b", "compressedBinaryData": "eJwrSS0uAQAEXQHB", "compressionType": "gzip"}"#,
        #"{"documentId": "https://e.com/c", "compressedBinaryDataFileId": "f-1", "CompressionType": "LZMA"}"#,
        #"{"documentId": "https://e.com/d", "date": "2024-01-31T12:00:00+02:00", "modifiedDate": 1.6e12}"#,
        #"""
        {"documentId": "https://e.com/e", "permissions": [{"allowAnonymous": false,
          "allowedPermissions": [{"identity": "Staff", "identityType": "GROUP"},
                                 {"identity": "v", "identityType": "virtual_group", "securityProvider": "P"}],
          "deniedPermissions": [{"identity": "u@e.com", "identityType": "user", "securityProvider": null}]}]}
        """#,
        #"""
        {"documentId": "https://e.com/f", "permissions": [
          {"name": "Admins", "permissionSets": [{"allowedPermissions": [{"identity": "A", "identityType": "Group"}]}]},
          {"permissionSets": [{"allowAnonymous": true}]}, {"name": null}]}
        """#,
        #"{"documentId": "https://e.com/g", "permissions": []}"#,
        #"{"documentId": "https://e.com/h", "permissions": [{"allowAnonymous": null, "allowedPermissions": null}]}"#,
        // Errors.
        #"[1, 2]"#,
        #""just a string""#,
        #"{"title": "no id"}"#,
        #"{"documentId": 42}"#,
        #"{"documentId": null}"#,
        #"{"documentId": "not a uri"}"#,
        #"{"documentId": "https://a/b", "Category": 1, "category": 2}"#,
        #"{"documentId": "https://a/b", "title": "x", "Title": "y"}"#,
        #"{"documentId": "https://a/b", "DOCUMENTID": "https://a/c"}"#,
        #"{"documentId": "https://a/b", "orderingId": 5}"#,
        #"{"documentId": "https://a/b", "deleteChildren": true}"#,
        #"{"documentId": "https://a/b", "data": "x", "compressedBinaryData": "eJw="}"#,
        #"{"documentId": "https://a/b", "compressedBinaryData": "not base64!"}"#,
        #"{"documentId": "https://a/b", "compressedBinaryData": "eJw=", "compressionType": "BROTLI"}"#,
        #"{"documentId": "https://a/b", "compressionType": 3}"#,
        #"{"documentId": "https://a/b", "title": 3}"#,
        #"{"documentId": "https://a/b", "title": null}"#,
        #"{"documentId": "https://a/b", "data": ["x"]}"#,
        #"{"documentId": "https://a/b", "date": "last week"}"#,
        #"{"documentId": "https://a/b", "date": true}"#,
        #"{"documentId": "https://a/b", "date": 1.5}"#,
        #"{"documentId": "https://a/b", "date": 1e30}"#,
        #"{"documentId": "https://a/b", "tags": [[1]]}"#,
        #"{"documentId": "https://a/b", "tags": null}"#,
        #"{"documentId": "https://a/b", "tags": ["a", null]}"#,
        #"{"documentId": "https://a/b", "dict": {"k": null}}"#,
        #"{"documentId": "https://a/b", "dict": {"k": {"deep": 1}}}"#,
        #"{"documentId": "https://a/b", "": "empty name"}"#,
        #"{"documentId": "https://a/b", "fileExtension": "pdf"}"#,
        #"{"documentId": "https://a/b", "permissions": {"allowAnonymous": true}}"#,
        #"{"documentId": "https://a/b", "permissions": null}"#,
        #"{"documentId": "https://a/b", "permissions": ["open"]}"#,
        #"{"documentId": "https://a/b", "permissions": [{"allowAnonymous": "yes"}]}"#,
        #"{"documentId": "https://a/b", "permissions": [{"allowedPermissions": [{"identity": "x"}]}]}"#,
        #"{"documentId": "https://a/b", "permissions": [{"allowedPermissions": [{"identity": "x", "#
            + #""identityType": "robot"}]}]}"#,
        #"{"documentId": "https://a/b", "permissions": [{"deniedPermissions": [{"identity": 1, "#
            + #""identityType": "User"}]}]}"#,
        #"{"documentId": "https://a/b", "permissions": [{"permissionSets": [{"allowedPermissions": 7}]}]}"#,
    ]

    @Test(
        "Document(json:) and JSONDecoder agree on every document and every error (a DecodingError for wrong types)",
        arguments: documents)
    func agreesWithDecoder(json: String) {
        let parsed = Self.fromParser(json)
        let decoded = Self.fromDecoder(json)
        switch (parsed, decoded) {
        case (.success(let left), .document(let right)):
            #expect(left == right)
        case (.failure(let left), .validation(let right)):
            #expect(left == right)
            #expect(left.rule != .invalidParameter)
        case (.failure(let left), .decoding(let description)):
            // A value of the wrong JSON type: the same message, as a DecodingError.
            #expect([.invalidParameter, .invalidDocumentId, .unsupportedMetadataValue].contains(left.rule))
            #expect(description == left.description || left.message.hasPrefix("an item must be a JSON object"))
        default:
            Issue.record("parser: \(parsed), decoder: \(decoded)")
        }
    }

    @Test("fields, content, dates, metadata types and permissions are read as the key table says")
    func fields() throws {
        let document = try Self.fromParser(Self.documents[1]).get()
        #expect(document.documentId == "https://e.com/a")
        #expect(document.title == "T")
        #expect(document.author == "me")
        #expect(document.clickableUri == "https://c")
        #expect(document.date == Date(timeIntervalSince1970: 1_706_702_400))
        #expect(document.modifiedDate == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(document.content == .text("<p>hi</p>"))
        #expect(document.permanentId == "p1")
        #expect(document.metadata["alpha"] == .integer(1))
        #expect(document.metadata["ratio"] == .double(0.5))
        #expect(document.metadata["whole"] == .integer(2))
        #expect(document.metadata["huge"] == .double(1e300))
        #expect(document.metadata["flag"] == .bool(false))
        #expect(document.metadata["tags"] == .strings(["a", "b"]))
        #expect(document.metadata["mixed"] == .array([.integer(1), .double(2.5), .string("x"), .bool(true)]))
        #expect(document.metadata["dict"] == .dictionary(["k": "v", "n": 3]))
        #expect(
            document.metadata.map(\.name) == [
                "alpha", "dict", "flag", "huge", "mixed", "ratio", "tags", "whole", "zeta",
            ])

        #expect(try Self.fromParser(Self.documents[2]).get().content == .base64("eJwrSS0uAQAEXQHB", type: .zlib))
        #expect(try Self.fromParser(Self.documents[3]).get().content == .base64("eJwrSS0uAQAEXQHB", type: .gzip))
        #expect(try Self.fromParser(Self.documents[4]).get().content == .fileReference(fileId: "f-1", type: .lzma))

        let sets = try Self.fromParser(Self.documents[6]).get().permissions
        #expect(
            sets
                == .sets([
                    PermissionSet(
                        allowed: [.group("Staff"), .virtualGroup("v", securityProvider: "P")],
                        denied: [.user("u@e.com")])
                ]))
        let levels = try Self.fromParser(Self.documents[7]).get().permissions
        #expect(
            levels
                == .levels([
                    PermissionLevel(name: "Admins", sets: [PermissionSet(allowed: [.group("A")])]),
                    PermissionLevel(sets: [.anonymous]), PermissionLevel(sets: []),
                ]))
    }

    @Test("only an integer literal is an integer: 2.0 and 1e3 stay doubles through Document(json:), not JSONDecoder")
    func numberText() throws {
        let json = #"{"documentId": "https://e.com/n", "a": 2, "b": 2.0, "c": 1e3, "d": [1, 1.0], "e": {"k": 3.0}}"#
        let parsed = try Self.fromParser(json).get()
        #expect(parsed.metadata["a"] == .integer(2))
        #expect(parsed.metadata["b"] == .double(2.0))
        #expect(parsed.metadata["c"] == .double(1000))
        #expect(parsed.metadata["d"] == .array([.integer(1), .double(1)]))
        #expect(parsed.metadata["e"] == .dictionary(["k": .double(3)]))
        // JSONDecoder cannot show a number's text: it gives the integer. The one known difference of the paths.
        guard case .document(let decoded) = Self.fromDecoder(json) else {
            Issue.record("JSONDecoder refused \(json)")
            return
        }
        #expect(decoded.metadata["b"] == .integer(2))
        #expect(decoded.metadata["a"] == parsed.metadata["a"])
    }

    @Test("errors name the rule and the field, with its path inside permissions")
    func errors() {
        func error(_ json: String) -> ValidationError? {
            if case .failure(let error) = Self.fromParser(json) { return error }
            return nil
        }
        let denied = error(Self.documents.last { $0.contains(#""identity": 1"#) } ?? "")
        #expect(denied?.rule == .invalidParameter)
        #expect(denied?.subject == .document("https://a/b"))
        #expect(denied?.message == "'permissions[0].deniedPermissions[0].identity' must be a string, not a number")
        let robot = error(Self.documents.last { $0.contains("robot") } ?? "")
        #expect(
            robot?.message == "'permissions[0].allowedPermissions[0].identityType' is not an identity type: 'robot'")
        #expect(
            error(#"{"documentId": "https://a/b", "title": 3}"#)?.message == "'title' must be a string, not a number")
        #expect(error(#"{"documentId": 42}"#)?.rule == .invalidDocumentId)
        #expect(error("[1]")?.message == "an item must be a JSON object, not an array")
        #expect(error(#"{"documentId": "https://a/b", "tags": null}"#)?.rule == .unsupportedMetadataValue)
        #expect(error(#"{"documentId": "https://a/b", "tags": ["a", null]}"#)?.rule == .unsupportedMetadataValue)
        #expect(error(#"{"documentId": "https://a/b", "date": true}"#)?.rule == .invalidParameter)
        #expect(error(#"{"documentId": "https://a/b", "date": 1.5}"#)?.rule == .invalidParameter)
        #expect(error(#"{"documentId": "https://a/b", "date": "soon"}"#)?.rule == .outOfRange)
        #expect(error(#"{"documentId": "https://a/b", "tags": ["a", null]}"#)?.message == "'tags[1]' must not be null")
        #expect(error(#"{"documentId": "https://a/b", "d": {"k": null}}"#)?.message == "'d.k' must not be null")
        #expect(
            error(#"{"documentId": "https://a/b", "d": {"k": 1, "k": 2}}"#)?.message == "'d.k' appears more than once")
    }

    @Test("a key repeated exactly is refused by Document(json:), where JSONDecoder would silently keep one")
    func exactDuplicates() {
        let json = #"{"documentId": "https://a/b", "title": "one", "title": "two"}"#
        guard case .failure(let error) = Self.fromParser(json) else {
            Issue.record("accepted")
            return
        }
        #expect(error.rule == .duplicateKey)
        #expect(error.message == "'title' appears more than once")
        let nested =
            #"{"documentId": "https://a/b", "permissions": [{"allowAnonymous": true, "allowAnonymous": false}]}"#
        guard case .failure(let nestedError) = Self.fromParser(nested) else {
            Issue.record("accepted")
            return
        }
        #expect(nestedError.rule == .duplicateKey)
        #expect(nestedError.message == "'permissions[0].allowAnonymous' appears more than once")
        #expect(throws: ValidationError.self) {
            try Document(json: JSONParser().parse(#"{"documentId": "https://a/b", "d": {"k": 1, "k": 2}}"#))
        }
    }

    @Test("what DocumentEncoder writes comes back as the same document")
    func encoderRoundTrip() throws {
        var document = Document(documentId: "https://e.com/ü?q=a b", title: "t", author: "a")
        document.date = Date(timeIntervalSince1970: 1_600_000_000.25)
        document.fileExtension = ".md"
        document.metadata = ["d": 2.5, "n": 7, "s": .strings(["x"]), "dict": ["k": "v"], "b": true]
        document.permissions = .levels([PermissionLevel(name: "L", sets: [PermissionSet(allowed: [.user("u")])])])
        document.content = .text("body \u{1F600}\n\t\"")
        let encoded = try DocumentEncoder().encode(document, for: .batchItem)
        var read = try Document(json: JSONParser().parse(encoded.json))
        #expect(read.permanentId == document.resolvedPermanentId)
        read.permanentId = nil
        #expect(read.metadata.map(\.name) == ["b", "d", "dict", "n", "s"])
        read.metadata = document.metadata
        #expect(read == document)
    }

    // MARK: - Identities

    @Test("security identities agree with their Codable decoding, in every spelling of the type")
    func securityIdentities() throws {
        let cases = [
            #"{"name": "bjones@example.com", "type": "USER"}"#,
            #"{"name": "Staff", "type": "group", "additionalInfo": {"source": "ldap"}}"#,
            #"{"name": "V", "type": "VirtualGroup", "additionalInfo": null, "extra": 1}"#,
            #"{"name": "U", "type": "virtual_group"}"#,
        ]
        for json in cases {
            let parsed = try SecurityIdentity(json: JSONParser().parse(json))
            let decoded = try JSONDecoder().decode(SecurityIdentity.self, from: Data(json.utf8))
            #expect(parsed == decoded)
        }
        let mapped = #"{"name": "b@e.com", "type": "User", "provider": "Email Security Provider"}"#
        #expect(
            try MappedIdentity(json: JSONParser().parse(mapped))
                == JSONDecoder().decode(MappedIdentity.self, from: Data(mapped.utf8)))
    }

    @Test(
        "bad identities are refused with a rule and a clear message",
        arguments: [
            (#"{"type": "USER"}"#, ValidationError.Rule.emptyIdentifier, "the identity has no 'name'"),
            (#"{"name": " ", "type": "USER"}"#, .emptyIdentifier, "an identity needs a non-empty name"),
            (#"{"name": "a", "type": "ROBOT"}"#, .invalidParameter, "'type' is not an identity type: 'ROBOT'"),
            (#"{"name": "a"}"#, .invalidParameter, "the identity has no 'type'"),
            (#"{"name": 1, "type": "USER"}"#, .invalidParameter, "'name' must be a string, not a number"),
            (
                #"{"name": "a", "type": "USER", "additionalInfo": {"k": 1}}"#, .invalidParameter,
                "'additionalInfo.k' must be a string, not a number"
            ),
            (
                #"{"name": "a", "type": "USER", "additionalInfo": []}"#, .invalidParameter,
                "'additionalInfo' must be an object, not an array"
            ),
            (#"{"name": "a", "name": "b", "type": "USER"}"#, .duplicateKey, "'name' appears more than once"),
            (#"["a"]"#, .invalidParameter, "the identity must be an object, not an array"),
        ])
    func badIdentities(json: String, rule: ValidationError.Rule, message: String) {
        #expect {
            try SecurityIdentity(json: JSONParser().parse(json))
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.rule == rule && error.message == message
        }
    }

    @Test("identity, alias and delete bodies read back what the SDK writes for an identity batch")
    func bodies() throws {
        let body = IdentityBody(
            identity: SecurityIdentity(name: "Staff", type: .group, additionalInfo: ["a": "b"]),
            members: [SecurityIdentity(name: "u@e.com", type: .user)],
            wellKnowns: [SecurityIdentity(name: "Everyone", type: .virtualGroup)])
        #expect(try IdentityBody(json: JSONParser().parse(body.jsonBytes())) == body)
        let alias = AliasBody(
            identity: SecurityIdentity(name: "bjones", type: .user),
            mappings: [MappedIdentity(name: "b@e.com", type: .user, provider: "Email Security Provider")])
        #expect(try AliasBody(json: JSONParser().parse(alias.jsonBytes())) == alias)
        let deletion = IdentityDeleteBody(identity: SecurityIdentity(name: "gone", type: .unknown))
        #expect(try IdentityDeleteBody(json: JSONParser().parse(deletion.jsonBytes())) == deletion)
        // Optional arrays may be absent.
        let minimal = #"{"identity": {"name": "G", "type": "GROUP"}}"#
        #expect(
            try IdentityBody(json: JSONParser().parse(minimal))
                == IdentityBody(identity: SecurityIdentity(name: "G", type: .group)))
        #expect(try AliasBody(json: JSONParser().parse(minimal)).mappings.isEmpty)
    }

    @Test("bad bodies name the body's identity and the field at fault")
    func badBodies() {
        let member =
            #"{"identity": {"name": "G", "type": "GROUP"}, "members": [{"name": "a", "type": "USER"}, {"name": "b"}]}"#
        #expect {
            try IdentityBody(json: JSONParser().parse(member))
        } throws: { error in
            (error as? ValidationError)
                == ValidationError(.invalidParameter, .identity("G"), "'members[1]' has no 'type'")
        }
        #expect {
            try IdentityDeleteBody(json: JSONParser().parse(#"{"identity": null}"#))
        } throws: { error in
            (error as? ValidationError)
                == ValidationError(.invalidParameter, .identity(""), "the body has no 'identity'")
        }
        #expect {
            try AliasBody(json: JSONParser().parse(#"{"identity": {"name": "x", "type": "USER"}, "mappings": {}}"#))
        } throws: { error in
            (error as? ValidationError)
                == ValidationError(
                    .invalidParameter, .identity("x"), "'mappings' must be an array, not an object")
        }
        #expect {
            try IdentityBody(json: JSONParser().parse(#"{"identity": {"name": "", "type": "USER"}}"#))
        } throws: { error in
            (error as? ValidationError)?.rule == .emptyIdentifier
        }
    }
}
