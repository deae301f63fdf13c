import Foundation

/// The text is not valid JSON (or not of the shape the emulator expects).
package struct EmulatedJSONError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, with the byte offset.
    package var message: String
    /// The message.
    package var description: String { message }
}

/// A strict JSON parser for the emulator: RFC 8259 grammar, valid UTF-8 only, no duplicate keys, finite numbers,
/// nesting limited to ``maxDepth`` so hostile input cannot exhaust the stack.
package struct EmulatedJSONParser {
    /// The deepest nesting accepted.
    package static let maxDepth = 256

    /// One event while walking a batch file.
    enum BatchEvent {
        /// An element of a top-level array, with the array's key as written.
        case entry(section: String, value: JSONValue)
        /// A top-level key whose value is not an array.
        case notAnArray(section: String)
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses one complete JSON value.
    package static func parse(_ data: Data) throws(EmulatedJSONError) -> JSONValue {
        let result: Result<JSONValue, EmulatedJSONError> = data.withUnsafeBytes { raw in
            var parser = EmulatedJSONParser(raw)
            do throws(EmulatedJSONError) {
                parser.skipWhitespace()
                let value = try parser.parseValue(depth: 0)
                parser.skipWhitespace()
                guard parser.index == raw.count else { throw parser.failure("unexpected text after the value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Walks a batch file (a top-level object of arrays), one array element at a time, in file order.
    ///
    /// Top-level keys that differ only in case are refused. `visit` may throw to stop the walk.
    static func walkBatch(_ data: Data, _ visit: (BatchEvent) throws -> Void) throws {
        try data.withUnsafeBytes { raw in
            var parser = EmulatedJSONParser(raw)
            try parser.walkBatchObject(visit)
        }
    }

    private mutating func walkBatchObject(_ visit: (BatchEvent) throws -> Void) throws {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw failure("a batch file must be a JSON object") }
        index += 1
        var seen: Set<String> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key") }
                let key = try parseString()
                guard seen.insert(key.lowercased()).inserted else { throw failure("duplicate key '\(key)'") }
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                if peek() == UInt8(ascii: "[") {
                    index += 1
                    skipWhitespace()
                    if peek() == UInt8(ascii: "]") {
                        index += 1
                    } else {
                        while true {
                            skipWhitespace()
                            let value = try parseValue(depth: 2)
                            try visit(.entry(section: key, value: value))
                            skipWhitespace()
                            if try separatorEnds(closing: UInt8(ascii: "]")) { break }
                        }
                    }
                } else {
                    _ = try parseValue(depth: 1)
                    try visit(.notAnArray(section: key))
                }
                skipWhitespace()
                if try separatorEnds(closing: UInt8(ascii: "}")) { break }
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the batch object") }
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(EmulatedJSONError) -> JSONValue {
        guard depth < Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        guard let byte = peek() else { throw failure("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character")
        }
    }

    private mutating func parseObject(depth: Int) throws(EmulatedJSONError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        var keys: Set<String> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try parseString()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            guard keys.insert(key).inserted else { throw failure("duplicate key '\(key)'") }
            members.append((key: key, value: value))
            skipWhitespace()
            if try separatorEnds(closing: UInt8(ascii: "}")) { return .object(JSONObject(members)) }
        }
    }

    private mutating func parseArray(depth: Int) throws(EmulatedJSONError) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if try separatorEnds(closing: UInt8(ascii: "]")) { return .array(elements) }
        }
    }

    /// Consumes `,` (returns false) or the closing bracket (returns true).
    private mutating func separatorEnds(closing: UInt8) throws(EmulatedJSONError) -> Bool {
        guard let byte = peek() else { throw failure("unexpected end of input") }
        index += 1
        if byte == UInt8(ascii: ",") { return false }
        if byte == closing { return true }
        throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'")
    }

    private mutating func parseString() throws(EmulatedJSONError) -> String {
        index += 1
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                let text = String(decoding: utf8, as: UTF8.self)
                guard text.utf8.elementsEqual(utf8) else { throw failure("invalid UTF-8 in a string") }
                return text
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0..<0x20:
                throw failure("unescaped control character in a string")
            default:
                utf8.append(byte)
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(EmulatedJSONError) {
        guard let byte = peek() else { throw failure("unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard peek() == UInt8(ascii: "\\"), peek(offset: 1) == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw failure("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
            utf8.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw failure("invalid escape")
        }
    }

    private mutating func parseHex4() throws(EmulatedJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw failure("unterminated \\u escape") }
            index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    private mutating func parseNumber() throws(EmulatedJSONError) -> JSONValue {
        let start = index
        var integral = true
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { throw failure("invalid number") }
        }
        if peek() == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard digits() > 0 else { throw failure("invalid number") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            integral = false
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("invalid number") }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), let number = JSONNumber(value) else { throw failure("number out of range") }
        return .number(number)
    }

    private mutating func digits() -> Int {
        var count = 0
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            index += 1
            count += 1
        }
        return count
    }

    private mutating func literal(_ word: String) throws(EmulatedJSONError) {
        for expected in word.utf8 {
            guard peek() == expected else { throw failure("invalid literal") }
            index += 1
        }
    }

    // MARK: - Scanning

    private func peek(offset: Int = 0) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws(EmulatedJSONError) {
        skipWhitespace()
        guard peek() == byte else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private func failure(_ message: String) -> EmulatedJSONError {
        EmulatedJSONError(message: "\(message) at byte \(index)")
    }
}
