/// The items of one source, the orderingId of each deleted ID, and the children of each parent ID.
///
/// The table is a value whose storage lives on the heap and is changed in place: the emulator keeps one table per
/// source and never holds a second reference to it, so storing or removing an item costs the same whatever the
/// number of items (amortized constant time), and memory grows with what is kept. Should a change ever find the
/// storage shared, because a copy of the table is alive somewhere, it copies the storage first, as a value must,
/// and counts the copy in ``copies``: each copy costs time proportional to the whole table, which is how a
/// million-item push became quadratic, so the tests assert the count stays 0.
struct ItemTable: Sendable {
    /// The shared heap storage. Mutated only through a uniquely referenced table, and the emulator is an actor.
    private final class Storage: @unchecked Sendable {
        /// Boxed: a dictionary's buckets are over-allocated (up to twice the count), and an item is large.
        var items: [String: ItemBox] = [:]
        var deletions: [String: Int64] = [:]
        var children: [String: Set<String>] = [:]

        init() {}

        init(copying other: Storage) {
            items = other.items
            deletions = other.deletions
            children = other.children
        }
    }

    private var storage = Storage()
    /// How many times a change had to copy the whole storage because it was shared.
    private(set) var copies = 0

    /// The number of items.
    var count: Int { storage.items.count }

    /// Every item, in no particular order.
    var values: LazyMapCollection<Dictionary<String, ItemBox>.Values, EmulatedItem> {
        storage.items.values.lazy.map(\.item)
    }

    /// The item stored under `documentId`.
    subscript(documentId: String) -> EmulatedItem? { storage.items[documentId]?.item }

    /// The orderingId of the last delete of `documentId`, if it was deleted and not stored again since.
    func deletion(of documentId: String) -> Int64? { storage.deletions[documentId] }

    /// The items whose `parentId` is `parentId`.
    func children(of parentId: String) -> [EmulatedItem] {
        (storage.children[parentId] ?? []).compactMap { storage.items[$0]?.item }
    }

    /// Stores an item, replacing the one with the same ID, and forgets an earlier deletion of that ID.
    mutating func store(_ item: EmulatedItem) {
        makeUnique()
        let previous = storage.items.updateValue(ItemBox(item), forKey: item.documentId)?.item
        if let parent = previous?.parentId, parent != item.parentId { unlink(item.documentId, from: parent) }
        if let parent = item.parentId { storage.children[parent, default: []].insert(item.documentId) }
        storage.deletions[item.documentId] = nil
    }

    /// Removes an item, and remembers that `documentId` was deleted at `orderingId` (the highest one wins), so an
    /// older update cannot bring it back.
    ///
    /// - Returns: The removed item, if one was stored.
    @discardableResult
    mutating func remove(_ documentId: String, deletedAt orderingId: Int64?) -> EmulatedItem? {
        makeUnique()
        let removed = storage.items.removeValue(forKey: documentId)?.item
        if let parent = removed?.parentId { unlink(documentId, from: parent) }
        if let orderingId {
            storage.deletions[documentId] = max(storage.deletions[documentId] ?? .min, orderingId)
        }
        return removed
    }

    /// Removes every item `isRemoved` selects (each remembered as deleted at `orderingId`, when given).
    ///
    /// - Returns: The IDs of the items removed.
    mutating func removeAll(deletedAt orderingId: Int64?, where isRemoved: (EmulatedItem) -> Bool) -> [String] {
        let selected = storage.items.values.lazy.map(\.item).filter(isRemoved).map(\.documentId)
        for documentId in selected { remove(documentId, deletedAt: orderingId) }
        return selected
    }

    private mutating func unlink(_ documentId: String, from parent: String) {
        storage.children[parent]?.remove(documentId)
        if storage.children[parent]?.isEmpty == true { storage.children[parent] = nil }
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(copying: storage)
            copies += 1
        }
    }
}

/// One stored item, on the heap: the table's buckets then hold a reference instead of the whole item.
final class ItemBox: Sendable {
    let item: EmulatedItem

    init(_ item: EmulatedItem) { self.item = item }
}
