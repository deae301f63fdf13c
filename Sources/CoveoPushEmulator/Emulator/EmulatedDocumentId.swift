/// The emulator's own rule for document IDs (independent of the SDK's validation, so a mistake in one is caught by
/// the other): an item's ID is an absolute URI.
enum EmulatedDocumentId {
    /// Why `text` is not an absolute URI, or `nil` when it is one: a scheme (an ASCII letter, then letters,
    /// digits, `+`, `-` or `.`), a colon, at least one character after it, and no control characters. Spaces are
    /// let through: file-system URIs such as `file://share/My Documents/a.pdf` are pushed as they are.
    static func problem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]),
            bytes[1..<colon].allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else {
            return "'\(text)' is not an absolute URI (it has no scheme such as https: or file:)"
        }
        guard colon + 1 < bytes.count else { return "'\(text)' has nothing after its scheme" }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            return "'\(text)' contains a control character"
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
