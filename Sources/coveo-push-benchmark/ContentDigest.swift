import Foundation

/// A 64-bit FNV-1a hash with the length, to tell whether content arrived intact (not a cryptographic hash: the
/// benchmark compares its own input with what its own emulator stored).
struct ContentDigest: Hashable, CustomStringConvertible {
    private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var byteCount = 0

    init() {}

    init(_ bytes: some Sequence<UInt8>) {
        update(bytes)
    }

    mutating func update(_ bytes: some Sequence<UInt8>) {
        var hash = self.hash
        var count = 0
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            count += 1
        }
        self.hash = hash
        byteCount += count
    }

    /// `<hash in hex>:<length>`.
    var description: String { String(hash, radix: 16) + ":" + String(byteCount) }
}
