/// The default `permanentid` of an item, computed the way Coveo's official clients compute it.
///
/// Coveo uses `permanentid` to recognise an item across sources and reindexing (usage analytics,
/// featured results). The official JavaScript, Java and Python clients fill it in from the document ID
/// when the caller does not: the first 30 lowercase hexadecimal digits of the MD5 of the document ID's
/// UTF-8 bytes, followed by the first 30 of its SHA-1, 60 characters in all. Using the same algorithm
/// keeps a source's permanent IDs stable when a crawler moves to this SDK.
///
/// ```swift
/// PermanentId.make(for: "https://foo.com")
/// // "aa2e0510b66edff7f05e2b30d4f1b3a4b5481c06b69f41751c54675c5afb"
/// ```
package enum PermanentId {
    /// The number of characters in a permanent ID made by ``make(for:)``.
    package static let length = 60

    /// The permanent ID of `documentId`: 30 hex digits of its MD5, then 30 of its SHA-1.
    ///
    /// - Parameter documentId: the item's document ID (its URI), exactly as it is sent.
    /// - Returns: 60 lowercase hexadecimal characters.
    package static func make(for documentId: String) -> String {
        let bytes = documentId.utf8
        let md5 = Hex.lowercase(MD5.hash(bytes).prefix(15))
        let sha1 = Hex.lowercase(SHA1.hash(bytes).prefix(15))
        return md5 + sha1
    }
}
