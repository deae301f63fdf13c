extension JSONTokenizer {
    /// The tokenizer's resumable mode for input that arrives in chunks: it follows only the structure of JSON
    /// (brackets, and strings with their escapes, so brackets inside strings do not count), one byte at a time,
    /// and keeps its state between chunks.
    ///
    /// Readers that cut a stream into elements (``BatchScanner``, the CLI's streaming readers) use it to find where
    /// each element ends; the element's bytes are then parsed with ``JSONParser``, which validates them.
    ///
    /// ```swift
    /// var tracker = JSONTokenizer.StructureTracker()
    /// for byte in #"{"a": "]"}"#.utf8 where tracker.consume(byte) == .closed && tracker.depth == 0 {
    ///     print("the object ends here")
    /// }
    /// ```
    package struct StructureTracker: Sendable, Hashable {
        /// What one byte did to the structure.
        package enum Event: Sendable, Hashable {
            /// Outside strings: whitespace, a separator or part of a number or literal.
            case other
            /// `{` or `[` outside strings; ``depth`` counts it.
            case opened
            /// `}` or `]` outside strings; ``depth`` no longer counts the container it closes.
            case closed
            /// The quote that opens a string.
            case stringOpened
            /// A byte of a string's text that is not part of an escape.
            case stringText
            /// The backslash of an escape, or the byte it escapes.
            case escape
            /// The quote that closes a string.
            case stringClosed
        }

        /// How many arrays and objects are open (negative once more have closed than opened).
        package private(set) var depth: Int
        /// Whether the next byte is inside a string.
        package private(set) var isInString: Bool
        /// Whether the next byte is escaped by a backslash.
        package private(set) var isEscaped: Bool

        /// A tracker at `depth`, inside a string or not, after a backslash or not.
        package init(depth: Int = 0, isInString: Bool = false, isEscaped: Bool = false) {
            self.depth = depth
            self.isInString = isInString
            self.isEscaped = isEscaped
        }

        /// Follows one byte.
        @inline(__always)
        package mutating func consume(_ byte: UInt8) -> Event {
            if isInString {
                if isEscaped {
                    isEscaped = false
                    return .escape
                }
                switch byte {
                case UInt8(ascii: "\\"):
                    isEscaped = true
                    return .escape
                case UInt8(ascii: "\""):
                    isInString = false
                    return .stringClosed
                default:
                    return .stringText
                }
            }
            switch byte {
            case UInt8(ascii: "\""):
                isInString = true
                return .stringOpened
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                return .opened
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                return .closed
            default:
                return .other
            }
        }
    }
}
