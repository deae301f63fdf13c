/// What the open batch already holds, by key, so that the pipeline closes the batch before an entry would
/// conflict with one of its operations.
///
/// The order in which the service applies a batch's arrays is not documented, so one batch never holds:
/// - the same ID (or identity name) both added (or updated) and deleted;
/// - the same ID both partially updated and added or deleted;
/// - a cascading delete of an ID and an item added with that ID as its `parentId`.
/// Adding the same ID twice, deleting it twice or updating it partially twice is not a conflict: the entries
/// sit in one array, in order.
///
/// **Collisions.** Keys are remembered by their hash value only (five sets of `Int`, never the strings), so
/// memory does not grow with the length of IDs. Each set therefore holds the hash of every key it was given,
/// and possibly the hash of other keys too: a lookup can answer "present" for a key that was never recorded
/// (two different IDs sharing a hash value), never "absent" for one that was. A collision can only make
/// ``conflicts(_:)`` true without a real conflict, which closes the batch early (a smaller batch, one more
/// push); it can never let a real conflict into a batch. Since Swift seeds its hash per process, such a collision
/// is rare and not reproducible from the input alone.
package struct BatchConflicts {
    /// What an entry does to its key.
    package enum Entry: Sendable, Hashable {
        /// Adds or updates the item (or identity); `parent` is the `parentId` of an added item.
        case add(parent: String?)
        /// Deletes the item, and its children too when `cascades` is true.
        case delete(cascades: Bool)
        /// Changes some fields of an existing item.
        case partialUpdate
    }

    /// An entry with its key (and parent) hashed once, checked with ``conflicts(_:)`` and then recorded with
    /// ``record(_:)``.
    package struct Probe: Sendable, Hashable {
        fileprivate let entry: Entry
        fileprivate let key: Int
        fileprivate let parent: Int?
    }

    private let hash: (@Sendable (String) -> Int)?
    private var added: Set<Int> = []
    private var parents: Set<Int> = []
    private var deleted: Set<Int> = []
    private var updated: Set<Int> = []
    private var cascadingDeletes: Set<Int> = []

    /// Creates an empty record.
    ///
    /// - Parameter hash: How a key becomes the value remembered; `nil` (Swift's `hashValue`) unless a test forces
    ///   collisions.
    package init(hash: (@Sendable (String) -> Int)? = nil) {
        self.hash = hash
    }

    /// The entry `entry` for `key`, hashed.
    package func probe(_ key: String, _ entry: Entry) -> Probe {
        var parent: Int?
        if case .add(let parentKey?) = entry { parent = value(of: parentKey) }
        return Probe(entry: entry, key: value(of: key), parent: parent)
    }

    private func value(of key: String) -> Int {
        if let hash { return hash(key) }
        return key.hashValue
    }

    /// Whether the entry would conflict with an operation already recorded (or, after a hash collision, seems to).
    package func conflicts(_ probe: Probe) -> Bool {
        switch probe.entry {
        case .delete(let cascades):
            return added.contains(probe.key) || updated.contains(probe.key)
                || (cascades && parents.contains(probe.key))
        case .partialUpdate:
            return added.contains(probe.key) || deleted.contains(probe.key)
        case .add:
            return deleted.contains(probe.key) || updated.contains(probe.key)
                || probe.parent.map { cascadingDeletes.contains($0) } ?? false
        }
    }

    /// Records that the open batch now holds the entry.
    package mutating func record(_ probe: Probe) {
        switch probe.entry {
        case .delete(let cascades):
            deleted.insert(probe.key)
            if cascades { cascadingDeletes.insert(probe.key) }
        case .partialUpdate:
            updated.insert(probe.key)
        case .add:
            added.insert(probe.key)
            if let parent = probe.parent { parents.insert(parent) }
        }
    }

    /// Forgets everything: a new batch begins.
    package mutating func removeAll() {
        added.removeAll(keepingCapacity: true)
        parents.removeAll(keepingCapacity: true)
        deleted.removeAll(keepingCapacity: true)
        updated.removeAll(keepingCapacity: true)
        cascadingDeletes.removeAll(keepingCapacity: true)
    }
}
