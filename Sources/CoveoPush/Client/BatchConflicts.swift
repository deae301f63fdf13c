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
/// ``conflicts(_:_:)`` true without a real conflict, which closes the batch early (a smaller batch, one more
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

    private let hash: @Sendable (String) -> Int
    private var added: Set<Int> = []
    private var parents: Set<Int> = []
    private var deleted: Set<Int> = []
    private var updated: Set<Int> = []
    private var cascadingDeletes: Set<Int> = []

    /// Creates an empty record.
    ///
    /// - Parameter hash: How a key becomes the value remembered; Swift's `hashValue` unless a test forces
    ///   collisions.
    package init(hash: @escaping @Sendable (String) -> Int = { $0.hashValue }) {
        self.hash = hash
    }

    /// Whether `entry` for `key` would conflict with an operation already recorded (or, after a hash collision,
    /// seems to).
    package func conflicts(_ key: String, _ entry: Entry) -> Bool {
        let value = hash(key)
        switch entry {
        case .delete(let cascades):
            return added.contains(value) || updated.contains(value) || (cascades && parents.contains(value))
        case .partialUpdate:
            return added.contains(value) || deleted.contains(value)
        case .add(let parent):
            return deleted.contains(value) || updated.contains(value)
                || parent.map { cascadingDeletes.contains(hash($0)) } ?? false
        }
    }

    /// Records that the open batch now holds `entry` for `key`.
    package mutating func record(_ key: String, _ entry: Entry) {
        let value = hash(key)
        switch entry {
        case .delete(let cascades):
            deleted.insert(value)
            if cascades { cascadingDeletes.insert(value) }
        case .partialUpdate:
            updated.insert(value)
        case .add(let parent):
            added.insert(value)
            if let parent { parents.insert(hash(parent)) }
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
