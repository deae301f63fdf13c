/// Keys seen so far, compared ignoring case as ``DocumentKeys`` compares them, to find the first two that differ
/// only in case.
///
/// A document has a few dozen keys at most, usually: those are compared by their folded hash, then byte by byte,
/// without allocating; past 64 keys a dictionary of hashes keeps the check linear.
struct FoldedKeySet {
    private var keys: [String] = []
    private var hashes: [UInt64] = []
    private var positionsByHash: [UInt64: [Int]]?

    /// An empty set with room for `capacity` keys.
    init(capacity: Int = 0) {
        keys.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// Adds `key` and returns the earlier key it equals ignoring case, if any (`key` is then not added).
    mutating func insert(_ key: String) -> String? {
        let hash = DocumentKeys.foldedHash(key)
        if let positionsByHash {
            for position in positionsByHash[hash] ?? [] where DocumentKeys.equalIgnoringCase(keys[position], key) {
                return keys[position]
            }
        } else {
            for position in hashes.indices
            where hashes[position] == hash && DocumentKeys.equalIgnoringCase(keys[position], key) {
                return keys[position]
            }
        }
        keys.append(key)
        hashes.append(hash)
        if positionsByHash != nil {
            positionsByHash?[hash, default: []].append(keys.count - 1)
        } else if keys.count > 64 {
            var index: [UInt64: [Int]] = [:]
            for (position, hash) in hashes.enumerated() { index[hash, default: []].append(position) }
            positionsByHash = index
        }
        return nil
    }
}
