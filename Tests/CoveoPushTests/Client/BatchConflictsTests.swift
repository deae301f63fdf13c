import Testing

@testable import CoveoPush

@Suite("BatchConflicts")
struct BatchConflictsTests {
    typealias Entry = BatchConflicts.Entry

    struct Pair: Sendable, CustomStringConvertible {
        let first: Entry
        let then: Entry
        let conflicts: Bool
        var description: String { "\(first) then \(then)" }
    }

    /// One key, two entries: which pairs may share a batch.
    static let sameKey: [Pair] = [
        Pair(first: .add(parent: nil), then: .add(parent: nil), conflicts: false),
        Pair(first: .add(parent: nil), then: .delete(cascades: false), conflicts: true),
        Pair(first: .add(parent: nil), then: .delete(cascades: true), conflicts: true),
        Pair(first: .add(parent: nil), then: .partialUpdate, conflicts: true),
        Pair(first: .delete(cascades: false), then: .delete(cascades: true), conflicts: false),
        Pair(first: .delete(cascades: false), then: .add(parent: nil), conflicts: true),
        Pair(first: .delete(cascades: true), then: .partialUpdate, conflicts: true),
        Pair(first: .partialUpdate, then: .partialUpdate, conflicts: false),
        Pair(first: .partialUpdate, then: .add(parent: nil), conflicts: true),
        Pair(first: .partialUpdate, then: .delete(cascades: false), conflicts: true),
    ]

    @Test("an ID is never both added, deleted or partially updated in one batch", arguments: sameKey)
    func sameKeyPairs(_ pair: Pair) {
        var conflicts = BatchConflicts()
        conflicts.record("https://a/1", pair.first)
        #expect(conflicts.conflicts("https://a/1", pair.then) == pair.conflicts)
        #expect(!conflicts.conflicts("https://a/2", pair.then))
    }

    @Test("a cascading delete never shares a batch with a child added in it, in either order")
    func cascadingDeleteAndChildren() {
        var conflicts = BatchConflicts()
        conflicts.record("https://a/child", .add(parent: "https://a/parent"))
        #expect(conflicts.conflicts("https://a/parent", .delete(cascades: true)))
        #expect(!conflicts.conflicts("https://a/parent", .delete(cascades: false)))

        var reversed = BatchConflicts()
        reversed.record("https://a/parent", .delete(cascades: true))
        #expect(reversed.conflicts("https://a/child", .add(parent: "https://a/parent")))
        #expect(!reversed.conflicts("https://a/child", .add(parent: "https://a/other")))

        var plain = BatchConflicts()
        plain.record("https://a/parent", .delete(cascades: false))
        #expect(!plain.conflicts("https://a/child", .add(parent: "https://a/parent")))
    }

    @Test("removeAll starts a new batch")
    func removeAll() {
        var conflicts = BatchConflicts()
        conflicts.record("k", .add(parent: "p"))
        conflicts.record("d", .delete(cascades: true))
        conflicts.record("u", .partialUpdate)
        conflicts.removeAll()
        #expect(!conflicts.conflicts("k", .delete(cascades: true)))
        #expect(!conflicts.conflicts("p", .delete(cascades: true)))
        #expect(!conflicts.conflicts("d", .add(parent: "d")))
        #expect(!conflicts.conflicts("u", .add(parent: nil)))
    }

    @Test("a forced collision closes a batch early: two different IDs sharing a hash look like one ID")
    func forcedCollision() {
        var conflicts = BatchConflicts(hash: { _ in 7 })
        conflicts.record("https://a/1", .add(parent: nil))
        #expect(conflicts.conflicts("https://a/2", .delete(cascades: false)))
        #expect(conflicts.conflicts("https://a/2", .partialUpdate))
        // Operations that never conflict stay together whatever the hash.
        #expect(!conflicts.conflicts("https://a/2", .add(parent: nil)))
    }

    /// The exact rule, on the keys themselves, as the reference the hashed record must never be laxer than.
    struct ExactRecord {
        var entries: [(key: String, entry: Entry)] = []

        func conflicts(_ key: String, _ entry: Entry) -> Bool {
            entries.contains { recorded in
                switch (recorded.entry, entry) {
                case (.add(let parent), .delete(let cascades)):
                    recorded.key == key || (cascades && parent == key)
                case (.delete(let cascades), .add(let parent)):
                    recorded.key == key || (cascades && parent == recorded.key)
                case (.add, .partialUpdate), (.partialUpdate, .add), (.delete, .partialUpdate),
                    (.partialUpdate, .delete):
                    recorded.key == key
                default:
                    false
                }
            }
        }
    }

    @Test("with a hash that collides often, every real conflict is still caught", arguments: [1, 2, 3, 1_000])
    func collisionsNeverHideConflicts(buckets: Int) {
        var random = SeededRandomNumberGenerator(seed: UInt64(buckets))
        let keys = (0..<12).map { "https://a/\($0)" }
        var hashed = BatchConflicts(hash: { key in key.utf8.reduce(0) { $0 &+ Int($1) } % buckets })
        var exact = ExactRecord()
        var caught = 0
        for _ in 0..<5_000 {
            let key = keys.randomElement(using: &random) ?? "k"
            let entry: Entry =
                switch Int.random(in: 0..<4, using: &random) {
                case 0: .add(parent: Bool.random(using: &random) ? keys.randomElement(using: &random) : nil)
                case 1: .delete(cascades: false)
                case 2: .delete(cascades: true)
                default: .partialUpdate
                }
            let real = exact.conflicts(key, entry)
            let seen = hashed.conflicts(key, entry)
            #expect(!real || seen, "a real conflict of \(key) \(entry) went through")
            if seen {
                if real { caught += 1 }
                hashed.removeAll()
                exact = ExactRecord()
            }
            hashed.record(key, entry)
            exact.entries.append((key, entry))
        }
        #expect(caught > 0)
    }
}

extension BatchConflicts {
    /// The check of one entry, for tests that name keys rather than probes.
    func conflicts(_ key: String, _ entry: Entry) -> Bool {
        conflicts(probe(key, entry))
    }

    /// The record of one entry, for tests that name keys rather than probes.
    mutating func record(_ key: String, _ entry: Entry) {
        record(probe(key, entry))
    }
}
