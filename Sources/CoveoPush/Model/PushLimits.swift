/// The Push API's documented size limits, in bytes, read with the stricter megabyte of 10⁶ bytes.
///
/// The client, the emulator and the command-line tool all use these constants, so they agree on what
/// fits. Sources: Coveo's "Push API limits" page (docs.coveo.com/en/63) and the item reference
/// (docs.coveo.com/en/31, /en/164, /en/69).
public enum PushLimits {
    /// One megabyte as this SDK counts it: 10⁶ bytes.
    public static let megabyte = 1_000_000
    /// The largest `data` value, in UTF-8 bytes: 5 MB.
    public static let maxDataBytes = 5 * megabyte
    /// The largest `compressedBinaryData` value, counted as its base64 text: 5 MB.
    public static let maxCompressedBinaryDataBytes = 5 * megabyte
    /// The largest single request (one item, identity or alias): 6 MB.
    public static let maxRequestBytes = 6 * megabyte
    /// The largest file container (batch file or item content): 256 MB.
    public static let maxFileContainerBytes = 256 * megabyte
    /// The most permission identities one item may carry.
    public static let maxPermissionsPerItem = 5_000
    /// How far in the future an orderingId may be before it is refused: one hour, in milliseconds.
    public static let maxOrderingIdLeadMilliseconds: Int64 = 3_600_000
}
