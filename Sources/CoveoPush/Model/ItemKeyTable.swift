/// The keys of one item, each classified once for ``Document``'s item reader: its slot in
/// ``DocumentKeys/canonical`` (or metadata), and whether two keys may be equal ignoring case.
///
/// Built with one allocation for a typical item (the metadata positions take a second). ASCII keys that differ
/// only in case are found pairwise by their signatures (``DocumentKeys/classify(_:)``), then compared in full;
/// when some are, or a key is not ASCII, or there are more than 64 keys, the reported pair is chosen in sorted
/// order with a ``FoldedKeySet``, so the error is the same whichever order the keys arrive in.
struct ItemKeyTable {
    /// The item's keys, in its order (exact repetitions included).
    let keys: [String]
    /// Per key, in the item's order: its signature (`nil` when not ASCII) and its slot (`-1` for metadata).
    private var classified: [(signature: UInt64?, slot: Int)]
    /// Whether some key may repeat another ignoring case (or telling would cost more than checking in full).
    private var mayHaveDuplicates = false
    /// Bit `1 << slot` for each slot some key fills: most slots are empty, and answered without a search.
    private var filledSlots: UInt64 = 0

    /// The item keys with no more than this many are checked pairwise.
    private static var pairwiseLimit: Int { 64 }

    init(_ keys: [String]) {
        self.keys = keys
        classified = []
        classified.reserveCapacity(keys.count)
        mayHaveDuplicates = keys.count > Self.pairwiseLimit
        for key in keys {
            let (slot, signature) = DocumentKeys.classify(key)
            if !mayHaveDuplicates {
                if let signature {
                    for (earlier, entry) in classified.enumerated()
                    where entry.signature == signature && DocumentKeys.equalIgnoringCase(keys[earlier], key) {
                        mayHaveDuplicates = true
                        break
                    }
                } else {
                    mayHaveDuplicates = true
                }
            }
            if let slot { filledSlots |= 1 << UInt64(slot) }
            classified.append((signature, slot ?? -1))
        }
    }

    /// The position of the key in `slot`, or `nil`; when keys differing only in case share the slot (an error the
    /// reader reports once it has the document's ID), the first in sorted order.
    func position(ofSlot slot: Int) -> Int? {
        guard (0..<64).contains(slot), filledSlots & (1 << UInt64(slot)) != 0 else { return nil }
        var found: Int?
        for (position, entry) in classified.enumerated() where entry.slot == slot {
            guard let earlier = found else {
                found = position
                continue
            }
            if keys[position] < keys[earlier] { found = position }
        }
        return found
    }

    /// The positions of the metadata keys, sorted by name.
    var metadataPositions: [Int] {
        var positions: [Int] = []
        positions.reserveCapacity(classified.count)
        for (position, entry) in classified.enumerated() where entry.slot < 0 { positions.append(position) }
        positions.sort { keys[$0] < keys[$1] }
        return positions
    }

    /// The first two keys, in sorted order, that are equal ignoring case (the later one is `key`), or `nil`.
    var firstDuplicate: (earlier: String, key: String)? {
        guard mayHaveDuplicates else { return nil }
        var seen = FoldedKeySet(capacity: keys.count)
        for position in keys.indices.sorted(by: { keys[$0] < keys[$1] }) {
            let key = keys[position]
            if let earlier = seen.insert(key) { return (earlier, key) }
        }
        return nil
    }
}
