/// The 64-byte block buffering and length padding shared by ``MD5`` and ``SHA1``.
///
/// Both digests cut the message into 64-byte blocks and end it the same way: a `0x80` byte, zeros up to
/// 56 bytes into a block, then the message length in bits as a 64-bit number (little-endian for MD5,
/// big-endian for SHA-1). The digest supplies the block function; this type feeds it whole blocks.
struct DigestBuffer: Sendable {
    /// The block size of MD5 and SHA-1, in bytes.
    static let blockSize = 64

    private var pending = [UInt8](repeating: 0, count: Self.blockSize)
    private var pendingCount = 0
    private var messageLength: UInt64 = 0

    /// Adds `input`, calling `process` for every block it completes.
    mutating func append(_ input: some Collection<UInt8>, process: (UnsafeRawBufferPointer) -> Void) {
        messageLength &+= UInt64(input.count)
        let handled: Void? = input.withContiguousStorageIfAvailable { buffer in
            absorb(UnsafeRawBufferPointer(buffer), process: process)
        }
        if handled == nil {
            let copy = Array(input)
            copy.withUnsafeBytes { absorb($0, process: process) }
        }
    }

    /// Ends the message: pads it, appends its length in bits, and processes the last one or two blocks.
    mutating func finish(lengthIsBigEndian: Bool, process: (UnsafeRawBufferPointer) -> Void) {
        let bitLength = messageLength &* 8
        var tail: [UInt8] = [0x80]
        let used = (pendingCount + 1) % Self.blockSize
        let zeros = used <= 56 ? 56 - used : Self.blockSize + 56 - used
        tail.append(contentsOf: repeatElement(0, count: zeros))
        for index in 0..<8 {
            let shift = lengthIsBigEndian ? (7 - index) * 8 : index * 8
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { absorb($0, process: process) }
    }

    /// Buffers `input` and processes every block it completes, without counting it in the message length.
    private mutating func absorb(_ input: UnsafeRawBufferPointer, process: (UnsafeRawBufferPointer) -> Void) {
        var offset = 0
        if pendingCount > 0 {
            let taken = min(Self.blockSize - pendingCount, input.count)
            pending.withUnsafeMutableBytes { block in
                for index in 0..<taken { block[pendingCount + index] = input[index] }
            }
            pendingCount += taken
            offset = taken
            guard pendingCount == Self.blockSize else { return }
            pending.withUnsafeBytes { process($0) }
            pendingCount = 0
        }
        while input.count - offset >= Self.blockSize {
            process(UnsafeRawBufferPointer(rebasing: input[offset..<offset + Self.blockSize]))
            offset += Self.blockSize
        }
        let rest = input.count - offset
        if rest > 0 {
            pending.withUnsafeMutableBytes { block in
                for index in 0..<rest { block[index] = input[offset + index] }
            }
            pendingCount = rest
        }
    }
}

extension UInt32 {
    /// The bits rotated left by `count` (0 < count < 32).
    @inline(__always)
    func rotatedLeft(by count: UInt32) -> UInt32 {
        (self << count) | (self >> (32 &- count))
    }
}
