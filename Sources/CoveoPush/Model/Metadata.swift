/// The metadata of an item: named values, kept in the order they were set.
///
/// Names are looked up case-insensitively, as the service compares them. Setting a name that differs only in
/// case from an existing one adds a second entry, which ``Document/validate()`` refuses
/// (``ValidationError/Rule/duplicateKey``): the SDK never silently picks one of two spellings.
///
/// ```swift
/// var metadata: Metadata = ["category": "manual", "pages": 12]
/// metadata["Category"]          // "manual"
/// metadata["tags"] = .strings(["a", "b"])
/// ```
public struct Metadata: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One named value.
    public struct Entry: Sendable, Hashable {
        /// The metadata name, as set.
        public var name: String
        /// The value.
        public var value: MetadataValue
    }

    private var entries: [Entry]

    /// Creates empty metadata.
    public init() { entries = [] }

    /// Creates metadata from a literal, keeping its order.
    public init(dictionaryLiteral elements: (String, MetadataValue)...) {
        entries = []
        for (name, value) in elements { self[name] = value }
    }

    /// Metadata made of entries whose names are known to differ exactly (set by the item reader, which has
    /// already checked them), without the lookup each subscript assignment makes.
    init(uniqueEntries: [Entry]) { entries = uniqueEntries }

    /// Creates metadata from name/value pairs, keeping their order.
    public init(_ pairs: some Sequence<(String, MetadataValue)>) {
        entries = []
        for (name, value) in pairs { self[name] = value }
    }

    /// The value whose name matches case-insensitively. Setting replaces the entry with exactly this name (or
    /// appends one); setting `nil` removes every entry matching case-insensitively.
    public subscript(name: String) -> MetadataValue? {
        get {
            if let exact = entries.first(where: { $0.name == name }) { return exact.value }
            let folded = name.lowercased()
            return entries.first { $0.name.lowercased() == folded }?.value
        }
        set {
            guard let newValue else {
                let folded = name.lowercased()
                entries.removeAll { $0.name.lowercased() == folded }
                return
            }
            if let index = entries.firstIndex(where: { $0.name == name }) {
                entries[index].value = newValue
            } else {
                entries.append(Entry(name: name, value: newValue))
            }
        }
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// Iterates over the entries in the order they were set.
    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
