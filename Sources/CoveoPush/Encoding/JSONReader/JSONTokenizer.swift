/// The lexical layer of every JSON reader in the package: one token at a time over a complete UTF-8 buffer, strictly
/// (RFC 8259), with the position and reason of the first mistake.
///
/// It reads whitespace, member keys with their colon, literals, numbers and strings (escapes decoded, surrogate
/// pairs combined, UTF-8 validated eight bytes at a time). ``JSONByteParser`` builds values from its tokens; the
/// chunked readers (``BatchScanner``, the CLI's streaming readers) follow the same byte classes with its resumable
/// ``StructureTracker`` and hand each element's bytes to ``JSONParser``, so every byte of JSON the package accepts
/// has been through this tokenizer.
package struct JSONTokenizer {
    let raw: UnsafeRawBufferPointer
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    /// The position of the next byte to read.
    var index = 0
    private var scratch: [UInt8] = []

    init(_ raw: UnsafeRawBufferPointer) {
        self.raw = raw
        self.bytes = raw.assumingMemoryBound(to: UInt8.self)
        self.count = raw.count
    }

    /// Whether `byte` is JSON whitespace: space, tab, line feed or carriage return.
    @inline(__always)
    package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09)
    }

    /// Whether `byte` ends a number or a literal (`true`, `false`, `null`) that is not followed by anything
    /// else: whitespace, a bracket, a comma, a colon or a quote.
    @inline(__always)
    package static func endsBareToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"), UInt8(ascii: "["),
            UInt8(ascii: "{"), UInt8(ascii: "\""):
            return true
        default:
            return isWhitespace(byte)
        }
    }

    /// Whether the input has a byte at `index`.
    @inline(__always)
    var hasByte: Bool { index < count }

    /// Whether the byte at `index` is `byte`.
    @inline(__always)
    func isAt(_ byte: UInt8) -> Bool { index < count && bytes[index] == byte }

    /// The byte at `index`, or 0 at the end of the input (0 is never valid between tokens).
    @inline(__always)
    var currentByteOrZero: UInt8 { index < count ? bytes[index] : 0 }

    /// Parses `"key"` `:` and the whitespace after it.
    mutating func memberKey(afterComma: Bool) throws(JSONParseError) -> String {
        guard index < count else { throw failure(.unexpectedEnd, "the input ends inside an object", at: index) }
        let first = bytes[index]
        guard first == UInt8(ascii: "\"") else {
            if afterComma && first == UInt8(ascii: "}") {
                throw failure(.trailingComma, "a ',' must be followed by a member, not '}'", at: index)
            }
            throw unexpected(first, expecting: "a key in double quotes")
        }
        index += 1
        let key = try string()
        skipWhitespace()
        guard index < count else { throw failure(.unexpectedEnd, "the input ends after a key", at: index) }
        guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(bytes[index], expecting: "':' after the key") }
        index += 1
        skipWhitespace()
        return key
    }

    /// Reads `literal` (`true`, `false` or `null`) at `index`.
    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let length = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<length {
            guard index + offset < count else {
                throw failure(.unexpectedEnd, "the input ends inside '\(literal)'", at: index + offset)
            }
            if bytes[index + offset] != start[offset] {
                throw unexpected(bytes[index + offset], expecting: "'\(literal)'", at: index + offset)
            }
        }
        index += length
    }

    /// Moves `index` past any whitespace.
    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            let byte = bytes[index]
            guard Self.isWhitespace(byte) else { return }
            index += 1
        }
    }

    // MARK: - Numbers

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Reads the number that starts at `index` (a `-` or a digit): exact when it is an integer within `Int64`.
    mutating func number() throws(JSONParseError) -> JSONNumber {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < count, Self.isDigit(bytes[index]) else {
            if index < count && bytes[index] == UInt8(ascii: "I") {
                throw failure(.invalidNumber, "-Infinity is not a JSON number", at: start)
            }
            throw failure(.invalidNumber, "a '-' must be followed by a digit", at: index)
        }
        var magnitude: UInt64 = 0
        var digitCount = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count && Self.isDigit(bytes[index]) {
                throw failure(.leadingZero, "a number cannot have a leading zero", at: start)
            }
        } else {
            while index < count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { break }
                // Up to 19 digits cannot wrap a UInt64; longer integers are beyond Int64 anyway.
                magnitude = magnitude &* 10 &+ UInt64(digit)
                digitCount += 1
                index += 1
            }
        }
        var isInteger = true
        if index < count && bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < count, Self.isDigit(bytes[index]) else {
                throw failure(.invalidNumber, "a '.' in a number must be followed by a digit", at: index)
            }
            while index < count && Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < count && bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < count, Self.isDigit(bytes[index]) else {
                throw failure(.invalidNumber, "an exponent must have digits", at: index)
            }
            while index < count && Self.isDigit(bytes[index]) { index += 1 }
        }
        if isInteger && digitCount <= 19 {
            if !negative && magnitude <= UInt64(Int64.max) {
                return JSONNumber(storage: .integer(Int64(magnitude)))
            }
            if negative && magnitude != 0 && magnitude <= UInt64(Int64.max) + 1 {
                return JSONNumber(storage: .integer(Int64(bitPattern: 0 &- magnitude)))
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw failure(.numberOutOfRange, "\(text) is too large for a double", at: start)
        }
        return JSONNumber(storage: .decimal(text: text, value: value))
    }

    // MARK: - Strings

    /// The position (0–7) of the first byte among the eight at `offset` that is a quote, a backslash, a control
    /// character or non-ASCII, or 8 when there is none.
    ///
    /// The usual word-at-a-time tests: a flag may be raised spuriously only above a byte that really matches, so
    /// the lowest flag is always exact.
    @inline(__always)
    private func firstSpecialByte(at offset: Int) -> Int {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        let flags = (word | hasQuote | hasBackslash | hasControl) & highs
        return flags.trailingZeroBitCount >> 3
    }

    /// Moves `index` to the next byte of a string that is not plain printable ASCII, eight bytes at a time.
    @inline(__always)
    private mutating func skipPlainASCII() {
        var position = index
        defer { index = position }
        while position &+ 8 <= count {
            let skip = firstSpecialByte(at: position)
            position &+= skip
            if skip < 8 { return }
        }
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return }
            position &+= 1
        }
    }

    /// Parses a string whose opening quote has been consumed, up to and including its closing quote.
    mutating func string() throws(JSONParseError) -> String {
        let start = index
        while true {
            skipPlainASCII()
            guard index < count else { throw unterminatedString(start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            } else if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(from: start)
            } else if byte < 0x20 {
                throw controlCharacter(byte)
            } else if byte < 0x80 {
                index += 1
            } else {
                try skipUTF8Sequence()
            }
        }
    }

    /// Escaped strings at least this long (in bytes of JSON) are decoded straight into the string's own storage.
    static let directDecodingBytes = 64 * 1024

    /// Continues a string from its first backslash: a long one is decoded in place
    /// (``decodeEscapedInPlace(from:end:)``), a short one assembled in the scratch buffer.
    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        if count - start >= Self.directDecodingBytes, let end = closingQuote(from: index),
            end - start >= Self.directDecodingBytes
        {
            let firstBackslash = index
            if let text = try decodeEscapedInPlace(from: start, end: end) { return text }
            index = firstBackslash
        }
        return try assembleEscapedString(from: start)
    }

    /// Where the string ends if its escapes are well formed: the first quote not escaped by a backslash, from
    /// `position` on; `nil` when there is none (the string is unterminated, which the full reading reports).
    private func closingQuote(from position: Int) -> Int? {
        var position = position
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { return position }
            position &+= byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return nil
    }

    /// Reads a long escaped string exactly as ``assembleEscapedString(from:)`` does, but decodes it straight into
    /// a new string's storage of `end - start` bytes, so a 40 MB value costs one copy of itself, not two (a scratch
    /// buffer and then the string). Decoding never makes the text longer, so it fits; should it not, the result is
    /// `nil` and the caller assembles the string the usual way.
    private mutating func decodeEscapedInPlace(from start: Int, end: Int) throws(JSONParseError) -> String? {
        var failure: JSONParseError?
        var overflow = false
        let text = String(unsafeUninitializedCapacity: end - start) { buffer -> Int in
            guard let target = buffer.baseAddress, let source = bytes.baseAddress else {
                overflow = true
                return 0
            }
            var written = 0
            var runStart = start
            func copyRun(upTo position: Int) -> Bool {
                let run = position - runStart
                guard written + run <= buffer.count else { return false }
                (target + written).update(from: source + runStart, count: run)
                written += run
                return true
            }
            do throws(JSONParseError) {
                while true {
                    skipPlainASCII()
                    guard index < count else { throw unterminatedString(start) }
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        guard copyRun(upTo: index) else {
                            overflow = true
                            return 0
                        }
                        index += 1
                        return written
                    } else if byte == UInt8(ascii: "\\") {
                        guard copyRun(upTo: index) else {
                            overflow = true
                            return 0
                        }
                        let scalar = try escapedScalar()
                        guard Self.writeUTF8(scalar, to: target, at: &written, capacity: buffer.count) else {
                            overflow = true
                            return 0
                        }
                        runStart = index
                    } else if byte < 0x20 {
                        throw controlCharacter(byte)
                    } else if byte < 0x80 {
                        index += 1
                    } else {
                        try skipUTF8Sequence()
                    }
                }
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return overflow ? nil : text
    }

    /// Writes the UTF-8 of `scalar` at `target + written` when it fits in `capacity` bytes.
    private static func writeUTF8(
        _ scalar: UInt32, to target: UnsafeMutablePointer<UInt8>, at written: inout Int, capacity: Int
    ) -> Bool {
        let length = scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
        guard written + length <= capacity else { return false }
        let at = target + written
        switch length {
        case 1:
            at[0] = UInt8(scalar)
        case 2:
            at[0] = 0xC0 | UInt8(scalar >> 6)
            at[1] = 0x80 | UInt8(scalar & 0x3F)
        case 3:
            at[0] = 0xE0 | UInt8(scalar >> 12)
            at[1] = 0x80 | UInt8((scalar >> 6) & 0x3F)
            at[2] = 0x80 | UInt8(scalar & 0x3F)
        default:
            at[0] = 0xF0 | UInt8(scalar >> 18)
            at[1] = 0x80 | UInt8((scalar >> 12) & 0x3F)
            at[2] = 0x80 | UInt8((scalar >> 6) & 0x3F)
            at[3] = 0x80 | UInt8(scalar & 0x3F)
        }
        written += length
        return true
    }

    /// Continues a string from its first backslash, assembling it in the scratch buffer.
    private mutating func assembleEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while true {
            skipPlainASCII()
            guard index < count else { throw unterminatedString(start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendUTF8(try escapedScalar())
                runStart = index
            } else if byte < 0x20 {
                throw controlCharacter(byte)
            } else if byte < 0x80 {
                index += 1
            } else {
                try skipUTF8Sequence()
            }
        }
    }

    /// Decodes the escape at `index` (a backslash) and moves past it: the scalar it stands for.
    private mutating func escapedScalar() throws(JSONParseError) -> UInt32 {
        let backslash = index
        index += 1
        guard index < count else { throw unterminatedString(backslash) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return UInt32(letter)
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            let unit = try hexQuad(escapeAt: backslash)
            var scalar = UInt32(unit)
            if (0xDC00...0xDFFF).contains(unit) {
                throw failure(
                    .loneSurrogate, "\\u\(Self.hex(unit)) is a low surrogate without a high one", at: backslash)
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw failure(
                        .loneSurrogate, "\\u\(Self.hex(unit)) is a high surrogate not followed by a low one",
                        at: backslash)
                }
                let second = index
                index += 2
                let low = try hexQuad(escapeAt: second)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure(
                        .loneSurrogate, "\\u\(Self.hex(unit)) is a high surrogate not followed by a low one",
                        at: backslash)
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            }
            return scalar
        default:
            throw failure(.invalidEscape, "'\\\(Self.describeBare(letter))' is not a JSON escape", at: backslash)
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    private mutating func hexQuad(escapeAt escape: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < count else { throw unterminatedString(escape) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(.invalidEscape, "'\\u' must be followed by four hex digits", at: escape)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(scalar >> 6))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(scalar >> 12))
            scratch.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(scalar >> 18))
            scratch.append(0x80 | UInt8((scalar >> 12) & 0x3F))
            scratch.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        }
    }

    /// Checks the multi-byte UTF-8 sequence whose lead byte is at `index`, and moves past it.
    ///
    /// The well-formed sequences of Unicode's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF.
    @inline(__always)
    private mutating func skipUTF8Sequence() throws(JSONParseError) {
        let lead = bytes[index]
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        let continuationCount: Int
        switch lead {
        case 0xC2...0xDF: continuationCount = 1
        case 0xE0:
            continuationCount = 2
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuationCount = 2
        case 0xED:
            continuationCount = 2
            upper = 0x9F
        case 0xF0:
            continuationCount = 3
            lower = 0x90
        case 0xF1...0xF3: continuationCount = 3
        case 0xF4:
            continuationCount = 3
            upper = 0x8F
        default:
            throw failure(.invalidUTF8, "byte \(Self.hexByte(lead)) cannot start a UTF-8 character", at: index)
        }
        guard index + continuationCount < count else {
            throw failure(.invalidUTF8, "the input ends inside a UTF-8 character", at: index)
        }
        let second = bytes[index + 1]
        guard second >= lower && second <= upper else {
            throw failure(.invalidUTF8, "invalid UTF-8 sequence starting with \(Self.hexByte(lead))", at: index)
        }
        if continuationCount >= 2 {
            guard bytes[index + 2] & 0xC0 == 0x80 else {
                throw failure(.invalidUTF8, "invalid UTF-8 sequence starting with \(Self.hexByte(lead))", at: index)
            }
            if continuationCount == 3 {
                guard bytes[index + 3] & 0xC0 == 0x80 else {
                    throw failure(.invalidUTF8, "invalid UTF-8 sequence starting with \(Self.hexByte(lead))", at: index)
                }
            }
        }
        index += continuationCount + 1
    }

    // MARK: - Errors

    /// An error of `kind` at byte `offset`, with its line and column.
    func failure(_ kind: JSONParseError.Kind, _ reason: String, at offset: Int) -> JSONParseError {
        JSONParseError(kind, reason, offset: offset, in: raw)
    }

    private func unterminatedString(_ start: Int) -> JSONParseError {
        failure(.unexpectedEnd, "the input ends inside a string", at: count)
    }

    private func controlCharacter(_ byte: UInt8) -> JSONParseError {
        failure(
            .controlCharacter, "raw control character \(Self.hexByte(byte)) in a string; it must be escaped", at: index)
    }

    /// The error for `byte` where `expected` should be, naming the usual mistakes (comments, single quotes, NaN).
    func unexpected(_ byte: UInt8, expecting expected: String, at offset: Int? = nil) -> JSONParseError {
        let position = offset ?? index
        switch byte {
        case UInt8(ascii: "/"):
            return failure(
                .unexpectedCharacter, "comments are not allowed in JSON (expected \(expected))", at: position)
        case UInt8(ascii: "'"):
            return failure(
                .unexpectedCharacter, "strings must be in double quotes (expected \(expected))", at: position)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            return failure(.invalidNumber, "NaN and Infinity are not JSON numbers (expected \(expected))", at: position)
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            return failure(
                .invalidNumber, "a number must start with '-' or a digit (expected \(expected))", at: position)
        default:
            return failure(.unexpectedCharacter, "\(describe(byte)) where \(expected) was expected", at: position)
        }
    }

    /// A byte for messages: `'x'` when printable, else its hex value.
    func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Self.describeBare(byte))'" : "byte \(Self.hexByte(byte))"
    }

    private static func describeBare(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : hexByte(byte)
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return "0x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }

    private static func hex(_ unit: UInt16) -> String {
        let text = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - text.count) + text
    }
}
