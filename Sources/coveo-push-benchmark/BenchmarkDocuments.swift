import CoveoPush
import Foundation

/// The documents the encode and push scenarios measure: 1 KB of text, 10 metadata fields and one permission set,
/// generated deterministically from their index.
enum BenchmarkDocuments {
    private static let text: String = {
        let words = ["coveo", "push", "index", "crawler", "swift", "source", "batch", "item", "query", "field"]
        var result = ""
        var index = 0
        while result.utf8.count < 1000 {
            result += words[index % words.count] + (index % 13 == 12 ? ".\n" : " ")
            index += 1
        }
        return String(result.prefix(1000))
    }()

    private static let permissions = DocumentPermissions.sets([
        PermissionSet(allowed: [.group("Staff"), .user("reader@example.com")], denied: [.user("intern@example.com")])
    ])

    private static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static func make(_ index: Int) -> Document {
        var document = Document(documentId: "https://intranet.example.com/pages/\(index)")
        document.title = "Page \(index)"
        document.content = .text(text)
        document.metadata = [
            "category": "manual", "department": "finance", "views": .integer(Int64(index)), "score": 0.75,
            "published": true, "tags": .strings(["policy", "expenses"]), "language": "en", "region": "emea",
            "owner": .string("team-\(index % 17)"), "updated": .date(date),
        ]
        document.permissions = permissions
        return document
    }

    /// The time to encode `count` documents with `DocumentEncoder` (one reused buffer), in seconds.
    static func encodeSeconds(count: Int) throws -> Double {
        let encoder = DocumentEncoder()
        var writer = JSONWriter(capacity: 4096)
        return try ScenarioTimer.seconds {
            for index in 0..<count {
                writer.reset()
                try encoder.encode(make(index), for: .batchItem, into: &writer)
            }
        }
    }
}
