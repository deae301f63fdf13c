/// Checks that text is canonical base64 (RFC 4648 alphabet, padded to a multiple of four) without decoding it.
enum Base64Check {
    static func isValid(_ text: String) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable(isValid) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(isValid)
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count % 4 == 0 else { return false }
        var padding = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "=") {
                padding += 1
                if index < bytes.count - 2 { return false }
            } else if padding > 0 || !isAlphabet(byte) {
                return false
            }
        }
        return padding <= 2
    }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
    }
}
