import Foundation
import Testing

@testable import CoveoPush

@Suite("Document validation")
struct DocumentValidationTests {
    static func rule(_ change: (inout Document) -> Void) -> ValidationError.Rule? {
        var document = Document(documentId: "https://example.com/doc")
        change(&document)
        do {
            try document.validate()
            return nil
        } catch {
            #expect(error.subject == .document(document.documentId))
            #expect(error.description.contains("document '\(document.documentId)'"))
            return error.rule
        }
    }

    @Test("a complete, valid document passes")
    func validDocument() {
        #expect(
            Self.rule {
                $0.title = "T"
                $0.date = Date(timeIntervalSince1970: 0)
                $0.fileExtension = ".html"
                $0.parentId = "file:///share/parent.html"
                $0.content = .text("hello")
                $0.metadata["tags"] = .strings(["a", "b"])
                $0.metadata["dict"] = ["": "default", "k": 1]
                $0.permissions = .sets([PermissionSet(allowed: [.group("Staff")])])
            } == nil)
    }

    @Test(
        "document IDs must be absolute URIs",
        arguments: ["", "no-scheme", "://x", "1http://x", "https:", "ht tp://x", "https://a/\u{0}b", "https://a\nb"])
    func badDocumentIds(id: String) {
        #expect(Self.rule { $0.documentId = id } == .invalidDocumentId)
    }

    @Test(
        "absolute URIs of any scheme are accepted, with spaces and non-ASCII",
        arguments: ["https://a.com/x?y=1&z=2#f", "file:///my folder/été.pdf", "mailto:a@b.c", "urn:isbn:123", "x-y.z+w:1"])
    func goodDocumentIds(id: String) {
        #expect(Self.rule { $0.documentId = id } == nil)
    }

    @Test("every bad-input rule is reported with its name")
    func rules() {
        #expect(Self.rule { $0.parentId = "parent" } == .invalidDocumentId)
        #expect(Self.rule { $0.fileExtension = "pdf" } == .invalidFileExtension)
        #expect(Self.rule { $0.fileExtension = "." } == .invalidFileExtension)
        #expect(Self.rule { $0.fileExtension = ".p d f" } == .invalidFileExtension)
        #expect(Self.rule { $0.metadata["data"] = "x" } == .reservedKey)
        #expect(Self.rule { $0.metadata["x"] = .double(.nan) } == .unsupportedMetadataValue)
        #expect(Self.rule { $0.metadata["x"] = .double(.infinity) } == .unsupportedMetadataValue)
        #expect(Self.rule { $0.metadata["x"] = [[1]] } == .unsupportedMetadataValue)
        #expect(Self.rule { $0.metadata["x"] = [["a": 1]] } == .unsupportedMetadataValue)
        #expect(Self.rule { $0.metadata["x"] = ["k": [1]] } == .unsupportedMetadataValue)
        #expect(Self.rule { $0.metadata["x"] = .date(Date(timeIntervalSince1970: 1e13)) } == .unsupportedMetadataValue)
        #expect(Self.rule { $0.date = Date(timeIntervalSince1970: -1e12) } == .outOfRange)
        #expect(Self.rule { $0.content = .base64("abc", type: .zlib) } == .invalidBase64)
        #expect(Self.rule { $0.content = .base64("ab=c", type: .zlib) } == .invalidBase64)
        #expect(Self.rule { $0.content = .base64("eJw=", type: .lzma) } == nil)
        #expect(Self.rule { $0.content = .binary(Data([1]), compression: .lzma) } == .unsupportedCompression)
        #expect(Self.rule { $0.content = .fileReference(fileId: " ", type: .zlib) } == .emptyIdentifier)
        // Over the 5 MB inline limit is valid (it is offloaded); over what a file container holds is not.
        #expect(
            Self.rule { $0.content = .text(String(repeating: "é", count: PushLimits.maxDataBytes / 2 + 1)) } == nil)
        #expect(
            Self.rule { $0.content = .text(String(repeating: "é", count: PushLimits.maxFileContainerBytes / 2 + 1)) }
                == .contentTooLarge)
    }

    @Test("at most 5,000 permission identities, counted over every set and level")
    func permissionLimit() {
        let identities = (0..<2500).map { PermissionIdentity.user("u\($0)@example.com") }
        let full = PermissionSet(allowed: identities, denied: identities)
        #expect(Self.rule { $0.permissions = .sets([full]) } == nil)
        #expect(Self.rule { $0.permissions = .sets([full, PermissionSet(denied: [.user("one")])]) } == .tooManyPermissions)
        #expect(
            Self.rule { $0.permissions = .levels([PermissionLevel(sets: [full]), PermissionLevel(sets: [PermissionSet(allowed: [.group("g")])])]) }
                == .tooManyPermissions)
    }

    @Test("security identities need a name")
    func identityNames() {
        #expect(throws: ValidationError.self) { try SecurityIdentity(name: " ", type: .user).validate() }
        #expect(throws: ValidationError.self) {
            try IdentityBody(identity: SecurityIdentity(name: "g", type: .group), members: [SecurityIdentity(name: "", type: .user)]).validate()
        }
        #expect(throws: ValidationError.self) {
            try AliasBody(identity: SecurityIdentity(name: "a", type: .user), mappings: [MappedIdentity(name: "", type: .user)]).validate()
        }
        #expect(throws: Never.self) { try IdentityDeleteBody(identity: SecurityIdentity(name: "a", type: .user)).validate() }
    }
}
