import Foundation

/// A strict, fast JSON parser working on UTF-8 bytes.
///
/// It accepts exactly RFC 8259 JSON: one value with optional whitespace around it; no trailing commas,
/// comments, single quotes, leading zeros, `NaN` or `Infinity`; strings without raw control characters, with
/// valid escapes (surrogate pairs combined, lone surrogates refused) and valid UTF-8 (no overlong forms,
/// encoded surrogates, code points beyond U+10FFFF or truncated sequences). Numbers must fit a double.
///
/// Arrays and objects may nest at most ``maxDepth`` levels. The parser is iterative, so even absurdly deep
/// input gives an error rather than exhausting the stack; the limit also protects code that walks the parsed
/// value recursively (comparing, hashing, releasing it).
///
/// ```swift
/// let value = try JSONParser().parse(#"{"documentId": "https://example.com/a", "views": 3}"#)
/// value["views"]?.int64Value  // 3
/// ```
package struct JSONParser: Sendable {
    /// The default nesting limit: 512 levels.
    package static let defaultMaxDepth = 512

    /// The deepest nesting of arrays and objects accepted (the top-level container is level 1).
    package var maxDepth: Int

    /// Creates a parser.
    ///
    /// - Parameter maxDepth: The deepest nesting of arrays and objects accepted; 512 by default.
    package init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON value from UTF-8 bytes.
    ///
    /// - Throws: ``JSONParseError`` with the position and reason of the first mistake.
    package func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        var parser = JSONByteParser(bytes, maxDepth: max(0, maxDepth))
        return try parser.parseDocument()
    }

    /// Parses one JSON value from UTF-8 bytes.
    ///
    /// - Throws: ``JSONParseError`` with the position and reason of the first mistake.
    package func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBytes { buffer in result(of: buffer) }.get()
    }

    /// Parses one JSON value from UTF-8 bytes.
    ///
    /// - Throws: ``JSONParseError`` with the position and reason of the first mistake.
    package func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try data.withUnsafeBytes { buffer in result(of: buffer) }.get()
    }

    /// Parses one JSON value from a string's UTF-8.
    ///
    /// - Throws: ``JSONParseError`` with the position and reason of the first mistake.
    package func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { buffer in result(of: UnsafeRawBufferPointer(buffer)) }.get()
    }

    /// The parse of `bytes` as a value, so it can leave a `withUnsafeBytes` closure (which rethrows untyped).
    private func result(of bytes: UnsafeRawBufferPointer) -> Result<JSONValue, JSONParseError> {
        do {
            return .success(try parse(bytes))
        } catch {
            return .failure(error)
        }
    }
}
