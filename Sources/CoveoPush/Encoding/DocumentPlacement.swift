/// Where an encoded document is going, which decides where `compressionType` goes.
package enum DocumentPlacement: Sendable, Hashable {
    /// The body of a single add or update: `compressionType` travels in the query string.
    case singlePush
    /// An entry of a batch file's `addOrUpdate` array: `compressionType` sits inside the item.
    case batchItem
}
