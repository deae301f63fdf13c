/// Input that is not strict JSON (RFC 8259), with where it went wrong.
///
/// The position is a 0-based byte ``offset`` and a 1-based ``line`` and ``column`` (columns count bytes, so a
/// multi-byte character advances the column by its UTF-8 length).
///
/// ```swift
/// do {
///     _ = try JSONParser().parse(#"{"a": [1, 2,]}"#)
/// } catch {
///     print(error)  // line 1, column 13: trailing comma: a ',' must be followed by a value
/// }
/// ```
package struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of mistake was found. An open set: new kinds may be added.
    package struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A short identifier, such as `trailingComma`.
        package let rawValue: String
        /// Creates a kind from its identifier.
        package init(rawValue: String) { self.rawValue = rawValue }
        /// The identifier.
        package var description: String { rawValue }

        /// The input ends before the value is complete (or holds no value at all).
        package static let unexpectedEnd = Kind(rawValue: "unexpectedEnd")
        /// A byte that cannot start or continue the value here.
        package static let unexpectedCharacter = Kind(rawValue: "unexpectedCharacter")
        /// A `,` followed by `]` or `}`.
        package static let trailingComma = Kind(rawValue: "trailingComma")
        /// A malformed number (`-`, `1.`, `.5`, `1e`, `+1`, `NaN`, `Infinity`).
        package static let invalidNumber = Kind(rawValue: "invalidNumber")
        /// A number with a leading zero (`01`, `-01`).
        package static let leadingZero = Kind(rawValue: "leadingZero")
        /// A number too large for a double (`1e400`).
        package static let numberOutOfRange = Kind(rawValue: "numberOutOfRange")
        /// A backslash followed by something other than `" \ / b f n r t u`, or `\u` without four hex digits.
        package static let invalidEscape = Kind(rawValue: "invalidEscape")
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high–low pair.
        package static let loneSurrogate = Kind(rawValue: "loneSurrogate")
        /// A raw control character (U+0000–U+001F) inside a string.
        package static let controlCharacter = Kind(rawValue: "controlCharacter")
        /// Bytes that are not valid UTF-8 (overlong forms, surrogates, beyond U+10FFFF, truncated sequences).
        package static let invalidUTF8 = Kind(rawValue: "invalidUTF8")
        /// Arrays and objects nested deeper than the parser's limit.
        package static let tooDeep = Kind(rawValue: "tooDeep")
        /// Something other than whitespace after the value.
        package static let trailingData = Kind(rawValue: "trailingData")
        /// A container structure the streaming reader cannot follow (such as an unknown batch section).
        package static let invalidStructure = Kind(rawValue: "invalidStructure")
    }

    /// The kind of mistake.
    package var kind: Kind
    /// What was found and what was expected, in words.
    package var reason: String
    /// The 0-based byte offset of the mistake.
    package var offset: Int
    /// The 1-based line of the mistake.
    package var line: Int
    /// The 1-based column of the mistake, in bytes.
    package var column: Int

    /// Creates an error.
    package init(_ kind: Kind, _ reason: String, offset: Int, line: Int, column: Int) {
        self.kind = kind
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// Creates an error at a byte offset of `bytes`, computing its line and column.
    init(_ kind: Kind, _ reason: String, offset: Int, in bytes: UnsafeRawBufferPointer) {
        var line = 1
        var lineStart = 0
        let end = min(max(offset, 0), bytes.count)
        var index = 0
        while index < end {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        self.init(kind, reason, offset: offset, line: line, column: offset - lineStart + 1)
    }

    /// The same error, placed in a larger input where the parsed fragment starts at the given position.
    ///
    /// Use it to report an error in one element of a file at the element's own place in the file.
    ///
    /// - Parameters:
    ///   - line: The 1-based line where the fragment starts.
    ///   - column: The 1-based column where the fragment starts.
    ///   - offset: The 0-based byte offset where the fragment starts.
    package func relocated(line: Int, column: Int, offset: Int = 0) -> JSONParseError {
        JSONParseError(
            kind, reason, offset: self.offset + offset, line: self.line + line - 1,
            column: self.line == 1 ? self.column + column - 1 : self.column)
    }

    /// `line L, column C: KIND: REASON`, on one line.
    package var description: String { "line \(line), column \(column): \(kind): \(reason)" }
}
