import Foundation
import Testing

@testable import CoveoPush

@Suite("ItemKeyTable: an item's keys classified once")
struct ItemKeyTableTests {
    /// The error `Document(json:)` gives for an item with these members, in this order.
    static func error(_ members: [(String, JSONValue)]) -> ValidationError? {
        do {
            _ = try Document(json: .object(JSONObject(members.map { (key: $0.0, value: $0.1) })))
            return nil
        } catch {
            return error
        }
    }

    @Test("keys differing only in case give the same error whichever order they arrive in")
    func sameErrorInEveryOrder() {
        let members: [(String, JSONValue)] = [
            ("documentId", "https://e.com/a"), ("Beta", 1), ("alpha", 2), ("BETA", 3), ("Alpha", 4), ("gamma", 5),
        ]
        var generator = SystemRandomNumberGenerator()
        let expected = Self.error(members)
        #expect(expected?.rule == .duplicateKey)
        // Sorted order: Alpha, BETA, Beta, …; the first pair found there is reported.
        #expect(expected?.message == "'BETA' and 'Beta' differ only in case")
        for _ in 0..<50 {
            #expect(Self.error(members.shuffled(using: &generator)) == expected)
        }
    }

    @Test("the documentId named by a duplicate-key error is the first documentId key in sorted order")
    func documentIdOfADuplicate() {
        let members: [(String, JSONValue)] = [
            ("documentId", "https://e.com/lower"), ("DocumentId", "https://e.com/upper"),
        ]
        for order in [members, members.reversed()] {
            let error = Self.error(order)
            #expect(error?.rule == .duplicateKey)
            #expect(error?.subject == .document("https://e.com/upper"))
        }
    }

    @Test("keys that are not ASCII are compared by their lowercased forms")
    func nonASCII() {
        let error = Self.error([("documentId", "https://e.com/a"), ("éCLAIR", 1), ("Éclair", 2)])
        #expect(error?.rule == .duplicateKey)
        #expect(error?.message == "'Éclair' and 'éCLAIR' differ only in case")
        #expect(Self.error([("documentId", "https://e.com/a"), ("éclair", 1), ("eclair", 2)]) == nil)
    }

    @Test("keys whose signatures agree but whose bytes do not are distinct")
    func signatureCollisions() {
        // `@` and `` ` `` differ by the folding bit, and the signature reads only the first seven bytes.
        let distinct: [(String, JSONValue)] = [
            ("documentId", "https://e.com/a"), ("@key", 1), ("`key", 2), ("category_a", 3), ("category_b", 4),
            ("[x", 5), ("{x", 6),
        ]
        #expect(Self.error(distinct) == nil)
        let repeated = distinct + [("CATEGORY_B", 7)]
        #expect(Self.error(repeated)?.message == "'CATEGORY_B' and 'category_b' differ only in case")
    }

    @Test("an item with more than 64 keys is checked in full, and a repetition past the 64th is found")
    func manyKeys() {
        var members: [(String, JSONValue)] = [("documentId", "https://e.com/a")]
        for index in 0..<70 { members.append(("key_\(index)", .number(JSONNumber(Int64(index))))) }
        #expect(Self.error(members) == nil)
        members.append(("KEY_69", 1))
        #expect(Self.error(members)?.message == "'KEY_69' and 'key_69' differ only in case")
    }

    @Test("classify agrees with slot(of:) for every canonical key in any case, and for near misses")
    func classifyAgreesWithSlot() {
        var keys = DocumentKeys.canonical.flatMap { [$0, $0.uppercased(), $0.lowercased()] }
        keys += ["documentid_", "titles", "dat", "Datа", "permissionz", "compressedBinaryDataFileID", "ÉCLAIR", ""]
        // The signature keeps the length's low byte only: 256 more bytes must not make a canonical key.
        keys += ["permissions" + String(repeating: "x", count: 256), "DocumentId" + String(repeating: "y", count: 512)]
        for key in keys {
            let (slot, signature) = DocumentKeys.classify(key)
            #expect(slot == DocumentKeys.slot(of: key), "\(key)")
            #expect(slot == DocumentKeys.canonical.firstIndex { $0.lowercased() == key.lowercased() }, "\(key)")
            #expect((signature == nil) == key.utf8.contains { $0 >= 0x80 }, "\(key)")
        }
    }
}
